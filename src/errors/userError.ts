/**
 * Errors a user can act on. A UserError is data (where + what + what is allowed); the CLI prints its message on one
 * line and exits non-zero, without a stack trace. Anything else that escapes is a bug in introsim.
 */

export type UserErrorKind = "scenario" | "params" | "flag" | "io";

export class UserError extends Error {
  readonly kind: UserErrorKind;
  /** The file, flag or field the error is about, e.g. "data/scenarios/x.yaml: inputs.stillingsprosent.lav". */
  readonly where: string;

  /** The exit code of the CLI: 1 (bad input), or 2 where a command's contract says so (an unreadable register). */
  readonly exitCode: number;

  constructor(kind: UserErrorKind, where: string, what: string, exitCode = 1) {
    super(where ? `${where}: ${what}` : what);
    this.name = "UserError";
    this.kind = kind;
    this.where = where;
    this.exitCode = exitCode;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

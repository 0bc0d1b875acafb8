/** Reads the register a command names; a file that cannot be read is one message and exit 2 (the register commands' contract). */
import { isUserError, UserError } from "../errors/userError";
import { readRegister, type RegisterFile } from "../register/readRegister";

export const EXIT_UNREADABLE = 2;

export function readRegisterOrExit(file: string): RegisterFile {
  try {
    return readRegister(file);
  } catch (e) {
    if (!isUserError(e)) throw e;
    // main() prints the message and exits with this code (validate's exit 1 means "rules broken", so not 1).
    throw new UserError(e.kind, e.where, e.message.slice(e.where ? e.where.length + 2 : 0), EXIT_UNREADABLE);
  }
}

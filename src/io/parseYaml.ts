/** Parses YAML (and therefore JSON) text, reporting syntax errors with file, line and column as a UserError. */
import YAML from "yaml";
import { UserError, type UserErrorKind } from "../errors/userError";

export function parseYaml(text: string, where: string, kind: UserErrorKind): unknown {
  const doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const pos = err.linePos?.[0];
    const at = pos ? ` (line ${pos.line}, column ${pos.col})` : "";
    throw new UserError(kind, where, `not valid YAML${at}: ${err.message.split("\n")[0]}`);
  }
  return doc.toJS();
}

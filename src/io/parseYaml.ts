/** Parses YAML (and therefore JSON) text, reporting syntax errors with file, line and column as a UserError. */
import YAML from "yaml";
import { UserError, type UserErrorKind } from "../errors/userError";

export function parseYaml(text: string, where: string, kind: UserErrorKind): unknown {
  const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const pos = err.linePos?.[0];
    const at = pos ? ` (line ${pos.line}, column ${pos.col})` : "";
    // With prettyErrors the message carries " at line L, column C:" and a code excerpt; keep only the sentence.
    const sentence = err.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new UserError(kind, where, `not valid YAML${at}: ${sentence}`);
  }
  return doc.toJS();
}

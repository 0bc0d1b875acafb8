/** Reads a UTF-8 text file, turning "not found" and similar into a UserError that names the file. */
import * as fs from "node:fs";
import { UserError } from "../errors/userError";
import { displayPath } from "./paths";

export function readText(file: string, kind: "scenario" | "params" | "io" = "io"): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a directory, expected a file" : `cannot be read (${code ?? String(e)})`;
    throw new UserError(kind, displayPath(file), why);
  }
}

/**
 * Writes a file atomically: to a temporary file in the same directory, then rename. A failed or interrupted run
 * never leaves a half-written output behind.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { UserError } from "../errors/userError";
import { displayPath } from "./paths";

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.tmp-${process.pid}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new UserError("io", displayPath(file), `cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

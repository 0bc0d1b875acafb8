/** Reads the register a command names; a file that cannot be read is one message and exit 2 (the register commands' contract). */
import { isUserError } from "../errors/userError";
import { readRegister, type RegisterFile } from "../register/readRegister";

export const EXIT_UNREADABLE = 2;

export function readRegisterOrExit(file: string): RegisterFile {
  try {
    return readRegister(file);
  } catch (e) {
    if (!isUserError(e)) throw e;
    process.stderr.write(`introsim: error: ${e.message}\n`);
    process.exit(EXIT_UNREADABLE);
  }
}

/**
 * A claims CSV checked as text before DuckDB reads it, so that it gets the messages every other CSV input gets from
 * src/io/readText (which reads a whole file into memory within a size limit; a claims extract may be gigabytes, so
 * this streams it in chunks instead, with no size limit):
 *
 *   open -> chunks through one strict UTF-8 decoder, counting lines -> first bad byte? the readText message with the
 *   line and byte in the whole file -> nothing but blanks? "is empty"
 *
 * A wrong header (missing columns, semicolons) is refused by openTable, which names the columns.
 */
import * as fs from "node:fs";
import { UserError } from "../errors/userError";
import { decodeUtf8 } from "../io/readText";

/** Bytes read at a time (the scan runs at the decoder's speed, about 1 GB/s, and holds one chunk). */
const CHUNK = 1 << 20;

/**
 * Throws readText's message for `bytes` (text from the start of a line that holds a bad byte), its line number counted
 * from the start of the file (`linesBefore` lines precede `bytes`).
 */
function refuse(bytes: Buffer, linesBefore: number, shown: string): never {
  try {
    decodeUtf8(bytes, shown, "io");
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const what = e.message.slice(shown.length + 2).replace(/\(line (\d+),/, (_, l: string) => `(line ${linesBefore + Number(l)},`);
    throw new UserError("io", shown, what);
  }
  throw new UserError("io", shown, "is not UTF-8 text");
}

/** Refuses a CSV that is empty or not UTF-8, naming `shown` and, for a bad byte, its line and byte in the file. */
export function checkCsvText(file: string, shown: string, expectedColumns: string): void {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let linesBefore = 0; // newlines before `tail`
    let tail: Buffer = Buffer.alloc(0); // bytes since the last newline of earlier chunks (the start of the current line)
    let blank = true;
    for (let n = fs.readSync(fd, buf, 0, CHUNK, null); n > 0; n = fs.readSync(fd, buf, 0, CHUNK, null)) {
      const chunk = buf.subarray(0, n);
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        refuse(Buffer.concat([tail, chunk]), linesBefore, shown);
      }
      if (blank && /\S/.test(chunk.toString("latin1"))) blank = false;
      const lastNl = chunk.lastIndexOf(0x0a);
      if (lastNl < 0) tail = Buffer.concat([tail, chunk]);
      else {
        for (let i = chunk.indexOf(0x0a); i !== -1 && i <= lastNl; i = chunk.indexOf(0x0a, i + 1)) linesBefore++;
        tail = Buffer.from(chunk.subarray(lastNl + 1));
      }
    }
    try {
      decoder.decode();
    } catch {
      refuse(tail, linesBefore, shown); // a character cut at the end of the file
    }
    if (blank) throw new UserError("io", shown, `is empty; expected a header line (${expectedColumns}) and rows below it`);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads an input file as text, refusing what is not one: every failure is a UserError that names the file.
 *
 *   stat (regular file? within the size limit of its kind?) -> open without blocking -> fstat again -> read at most
 *   limit + 1 bytes -> strict UTF-8 (a byte-order mark is dropped) -> text
 *
 * A FIFO, a device (/dev/zero), a folder or a file above the limit is refused before a byte is read, so no input can
 * block the run or fill memory. Text that is not UTF-8 (latin-1 or Windows-1252 from an old Excel) is refused with the
 * line of the first bad byte and how to fix it, instead of being read with replacement characters.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { MAX_INPUT_BYTES } from "../constants";
import { UserError, type UserErrorKind } from "../errors/userError";
import { displayPath } from "./paths";

/** Environment variable that raises every input size limit to this many mebibytes (the global --max-input-mb sets it). */
export const MAX_INPUT_ENV = "INTROSIM_MAX_INPUT_MB";

/** Which limit applies: CSV tables (registers, applications) or YAML/JSON files (scenarios, policies, parameters). */
export type InputFormat = keyof typeof MAX_INPUT_BYTES;

export function inputFormat(file: string): InputFormat {
  return path.extname(file).toLowerCase() === ".csv" ? "csv" : "yaml";
}

/** The size limit in bytes for a file of this format: the default, or INTROSIM_MAX_INPUT_MB when that is larger. */
export function maxInputBytes(format: InputFormat): number {
  const raised = process.env[MAX_INPUT_ENV];
  const mb = raised === undefined || raised === "" ? NaN : Number(raised);
  if (raised && !(Number.isFinite(mb) && mb > 0))
    throw new UserError("flag", MAX_INPUT_ENV, `"${raised}" is not allowed; give the largest input file in MB as a positive number, e.g. 100`);
  return Math.max(MAX_INPUT_BYTES[format], Number.isFinite(mb) ? Math.floor(mb * 1024 * 1024) : 0);
}

/** A size for the message, rounded up (so a file just over the limit never reads as equal to it): "65 KB", "50.1 MB". */
function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

/** What a file that is not a regular file is, in words. */
function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a pipe (FIFO)";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

function statOrThrow(file: string, kind: UserErrorKind, shown: string): fs.Stats {
  try {
    return fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new UserError(kind, shown, fs.lstatSync(file, { throwIfNoEntry: false }) ? "is a symlink to nothing (dangling)" : "file not found");
    if (code === "ENAMETOOLONG") throw new UserError(kind, shown, "the file name is too long");
    if (code === "ENOTDIR") throw new UserError(kind, shown, "file not found (a part of the path is a file, not a folder)");
    throw new UserError(kind, shown, `cannot be read (${code ?? String(e)})`);
  }
}

/**
 * The 1-based line and column of byte `offset`, and the byte, for the message about text that is not UTF-8. Columns
 * count bytes, which is what an editor's hex view or `cut -b` shows.
 */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Bytes streamed through the decoder at a time while looking for the first bad byte. */
const SCAN_CHUNK = 64 * 1024;

/**
 * Offset of the first byte that breaks UTF-8: chunks through one streaming decoder, then byte by byte within the
 * failing chunk, from the start of the character the chunk began in (a UTF-8 character is at most 4 bytes).
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let base = 0;
  try {
    for (; base < bytes.length; base += SCAN_CHUNK) decoder.decode(bytes.subarray(base, base + SCAN_CHUNK), { stream: true });
    decoder.decode();
    return bytes.length - 1; // a character cut at the end of the file
  } catch {
    // The bad byte is in the chunk at `base` (or completes a character begun just before it).
  }
  let start = base;
  while (start > 0 && base - start < 3 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  const single = new TextDecoder("utf-8", { fatal: true });
  for (let i = start; i < bytes.length; i++) {
    try {
      single.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      // A lead byte whose character was cut short (0xC3 then "A") is the bad byte, not the byte that revealed it.
      for (let j = i - 1; j >= Math.max(start, i - 3); j--) {
        const b = bytes[j] ?? 0;
        if (b >= 0xc0) return i - j - 1 < (b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1) ? j : i;
        if ((b & 0xc0) !== 0x80) break;
      }
      return i;
    }
  }
  return bytes.length - 1;
}

/** Decodes strict UTF-8 (a leading byte-order mark is dropped); anything else is a UserError naming file, line and byte. */
export function decodeUtf8(bytes: Uint8Array, shown: string, kind: UserErrorKind): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    const { line, column } = bytePosition(bytes, at);
    const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    throw new UserError(
      kind,
      shown,
      `is not UTF-8 text (line ${line}, byte ${column}: 0x${hex}, e.g. æ, ø or å saved as latin-1/Windows-1252); save it as UTF-8 (Excel: «CSV UTF-8»; or iconv -f windows-1252 -t utf-8)`,
    );
  }
}

/**
 * The CSV inputs (registers, applications) are comma-separated with a decimal point. Norwegian Excel saves «CSV» with
 * semicolons and decimal commas; read with commas such a file gives "Invalid Record Length" or every column missing.
 * A header with semicolons and no comma is that export: refused with how to save it right.
 */
function checkCommaSeparated(text: string, shown: string, kind: UserErrorKind): void {
  const header = text.slice(0, text.search(/\r?\n|$/));
  if (header.includes(";") && !header.includes(","))
    throw new UserError(
      kind,
      shown,
      "is separated by semicolons (as Norwegian Excel saves CSV, with decimal commas); save it comma-separated with a decimal point (Excel: «CSV UTF-8 (kommadelt)» with English number format), or convert it: the columns are read by their names in the first line",
    );
}

/**
 * Reads a UTF-8 text input file within its size limit (see maxInputBytes). `kind` says what the file is for in the
 * message (scenario, params, io).
 */
export function readText(file: string, kind: UserErrorKind = "io"): string {
  const shown = displayPath(file);
  const format = inputFormat(file);
  const limit = maxInputBytes(format);
  const st = statOrThrow(file, kind, shown);
  if (!st.isFile()) throw new UserError(kind, shown, `is ${kindOf(st)}, expected a file`);
  const tooLarge = (size: number) =>
    new UserError(
      kind,
      shown,
      `is ${formatSize(size)}, larger than the ${formatSize(limit)} allowed for a ${format === "csv" ? "CSV" : "YAML/JSON"} input; check that it is the right file, or raise the limit with ${MAX_INPUT_ENV}=<MB> (or --max-input-mb)`,
    );
  if (st.size > limit) throw tooLarge(st.size);
  let fd: number;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since the stat, opening it does not wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    throw new UserError(kind, shown, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw new UserError(kind, shown, `is ${kindOf(opened)}, expected a file`);
    // Read at most limit + 1 bytes: a file that grows while being read is still bounded.
    const buf = Buffer.allocUnsafe(Math.min(limit, opened.size) + 1);
    let n = 0;
    for (let got = -1; got !== 0 && n < buf.length; n += got) got = fs.readSync(fd, buf, n, buf.length - n, null);
    if (n > limit) throw tooLarge(n);
    const text = decodeUtf8(buf.subarray(0, n), shown, kind);
    if (format === "csv") checkCommaSeparated(text, shown, kind);
    return text;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(kind, shown, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  } finally {
    fs.closeSync(fd);
  }
}

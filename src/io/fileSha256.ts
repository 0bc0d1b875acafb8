/** SHA-256 of a file read in 8 MiB blocks: the version stamp of a large input (a claims extract) without loading it whole. */
import * as fs from "node:fs";
import { createHash } from "node:crypto";

const BLOCK_BYTES = 8 * 1024 * 1024;

export function fileSha256(file: string): string {
  const hash = createHash("sha256");
  const buf = Buffer.allocUnsafe(BLOCK_BYTES);
  const fd = fs.openSync(file, "r");
  try {
    for (let n = fs.readSync(fd, buf, 0, BLOCK_BYTES, null); n > 0; n = fs.readSync(fd, buf, 0, BLOCK_BYTES, null)) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

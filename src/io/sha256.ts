/** SHA-256 hex digest of a string or buffer: the version stamp of data files and scenarios in every manifest. */
import { createHash } from "node:crypto";

export function sha256(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

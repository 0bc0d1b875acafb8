/**
 * Turns a zod validation failure into one sentence a user can act on: where (file and field path), what is wrong,
 * and what is allowed. Only the first issue is reported, so the message stays one line; fixing it reveals the next.
 */
import type { z } from "zod";

/** Renders a zod path like ["inputs", "fte", "lav"] as "inputs.fte.lav" (array indices as "[3]"). */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** One line for the first issue of a zod error, prefixed by `prefix` path segments (e.g. the scenario file). */
export function describeZodIssue(error: z.ZodError, basePath: ReadonlyArray<PropertyKey> = []): { path: string; what: string } {
  const issue = error.issues[0]!;
  const path = formatPath([...basePath, ...issue.path]);
  let what: string;
  switch (issue.code) {
    case "unrecognized_keys": {
      const keys = (issue as unknown as { keys: string[] }).keys;
      const field = keys.length === 1 ? `unknown key "${keys[0]}"` : `unknown keys ${keys.map((k) => `"${k}"`).join(", ")}`;
      return {
        path: path,
        what: `${field}${issue.message && !issue.message.startsWith("Unrecognized") ? `; ${issue.message}` : ""}`,
      };
    }
    case "invalid_type": {
      const expected = (issue as unknown as { expected: string }).expected;
      what = /received undefined/.test(issue.message) ? (expected === "object" ? "missing field" : `missing field (expected ${expected})`) : issue.message;
      break;
    }
    default:
      what = issue.message;
  }
  return { path, what };
}

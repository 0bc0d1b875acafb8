/**
 * Where the package's own files are: the project root (one level above src/ or dist/), data/, charts/.
 * Works the same from compiled dist/ (CLI, notebooks) and from src/ (vitest).
 */
import * as path from "node:path";

export const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");
export const DATA_DIR = path.join(PACKAGE_ROOT, "data");
export const PARAMS_DIR = path.join(DATA_DIR, "params");
export const SCENARIOS_DIR = path.join(DATA_DIR, "scenarios");
export const CHARTS_DIR = path.join(PACKAGE_ROOT, "charts");

/** A path as a user would like to read it in a message: relative to the working directory when inside it. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p;
}

/**
 * A path as a manifest records it: relative to the project root when inside it (with "/"), else absolute. Unlike
 * displayPath it does not depend on the working directory, so the same run gives the same manifest from anywhere.
 */
export function projectPath(p: string): string {
  const abs = path.resolve(p);
  const rel = path.relative(PACKAGE_ROOT, abs);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : abs;
}

/**
 * Atomic output. writeFileAtomic writes one file to a temporary name in the same directory and renames it.
 * writeDirAtomic writes a whole output folder the same way: every file into a temporary sibling folder, then one
 * rename over the target, so a failed or interrupted run never leaves a mix of old and new files.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { UserError } from "../errors/userError";
import { displayPath } from "./paths";

/** What an error code means for someone choosing an output folder. */
const WRITE_ERRORS: Record<string, string> = {
  ENOENT: "this place does not allow new folders",
  EACCES: "no write permission",
  EPERM: "not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  ENOTDIR: "a part of the path is a file, not a folder",
};

function cannotWrite(target: string, e: unknown): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code && WRITE_ERRORS[code] ? `${WRITE_ERRORS[code]}, ${code}` : (code ?? String(e));
  return new UserError("io", displayPath(target), `cannot write (${why}); choose another output folder`);
}

/**
 * mkdir -p, one level at a time. Node's own `recursive: true` loops forever where a parent answers ENOENT to mkdir
 * although it exists (e.g. under /proc); here such a folder fails with ENOENT, which the caller reports.
 */
export function makeDirs(dir: string): void {
  if (fs.existsSync(dir)) return;
  const parent = path.dirname(dir);
  if (parent !== dir) makeDirs(parent);
  try {
    fs.mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
}

function removeQuietly(p: string): void {
  try {
    fs.rmSync(p, { recursive: true, force: true });
  } catch {
    // Cleaning up after a failure must not hide the failure itself.
  }
}

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.tmp-${process.pid}`);
  try {
    makeDirs(dir);
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    removeQuietly(tmp);
    throw cannotWrite(file, e);
  }
}

/**
 * Writes `files` (name -> content) as the folder `dir`, replacing what was there: all or nothing. Files in an existing
 * `dir` that are not in `files` are kept (moved into the new folder), so other tools' files there survive.
 */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Cleans up after a run that was killed while writing `dir` (SIGKILL leaves no chance to clean up): its temporary
 * folder is removed, and a previous output it had moved aside is put back if nothing replaced it.
 */
export function recoverInterruptedWrite(dir: string): void {
  const parent = path.dirname(path.resolve(dir));
  const base = path.basename(dir);
  if (!fs.existsSync(parent)) return;
  for (const name of fs.readdirSync(parent)) {
    const m = /^\.(.+)\.(tmp|old)-(\d+)$/.exec(name);
    if (!m || m[1] !== base || Number(m[3]) === process.pid || processAlive(Number(m[3]))) continue;
    const p = path.join(parent, name);
    if (m[2] === "old" && !fs.existsSync(dir)) fs.renameSync(p, dir);
    else removeQuietly(p);
  }
}

/** Names in `files` may contain "/" (a sub-folder of `dir`). */
export function writeDirAtomic(dir: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const parent = path.dirname(path.resolve(dir));
  const base = path.basename(dir);
  const tmp = path.join(parent, `.${base}.tmp-${process.pid}`);
  const old = path.join(parent, `.${base}.old-${process.pid}`);
  try {
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UserError("io", displayPath(dir), "exists and is not a folder; choose another --out");
    recoverInterruptedWrite(dir);
    removeQuietly(tmp);
    makeDirs(tmp);
    if (fs.existsSync(dir)) {
      const topLevel = new Set([...files.keys()].map((n) => n.split("/")[0]!));
      for (const name of fs.readdirSync(dir)) if (!topLevel.has(name)) fs.cpSync(path.join(dir, name), path.join(tmp, name), { recursive: true });
    }
    for (const [name, content] of files) {
      const target = path.join(tmp, name);
      if (name.includes("/")) makeDirs(path.dirname(target));
      fs.writeFileSync(target, content);
    }
    if (fs.existsSync(dir)) fs.renameSync(dir, old);
    fs.renameSync(tmp, dir);
    removeQuietly(old);
  } catch (e) {
    removeQuietly(tmp);
    if (!fs.existsSync(dir) && fs.existsSync(old)) fs.renameSync(old, dir);
    throw e instanceof UserError ? e : cannotWrite(dir, e);
  }
}

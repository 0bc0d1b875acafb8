/**
 * Atomic output. writeFileAtomic writes one file to a temporary name in the same directory and renames it.
 * writeDirAtomic writes a whole output folder the same way: every file into a temporary sibling folder, then one
 * rename over the target, so a failed or interrupted run never leaves a mix of old and new files.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { UserError } from "../errors/userError";
import { checkOutputDir, OUTPUTS_LIST } from "./outputDir";
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

/** The list of what introsim wrote into an output folder: the next write replaces exactly those and keeps the rest. */
export { OUTPUTS_LIST };

/**
 * Marks a temporary or moved-aside folder as introsim's ("<host> <pid>"). Only folders that carry it, from this host
 * and a process that is gone, are ever cleaned up: a user's folder that merely looks like ours is never touched.
 */
const MARKER = ".introsim-write";
const HOST = os.hostname();

/**
 * Test hook: INTROSIM_TEST_CRASH=after-files|between-renames kills the process (SIGKILL) at that point of
 * writeDirAtomic, so tests can prove a crash there leaves no partial output. Unset in normal use.
 */
const CRASH_POINT = "INTROSIM_TEST_CRASH";

function crashHere(point: "after-files" | "between-renames"): void {
  if (process.env[CRASH_POINT] === point) process.kill(process.pid, "SIGKILL");
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function ownedByDeadRun(folder: string): boolean {
  const file = path.join(folder, MARKER);
  if (!fs.existsSync(file)) return false;
  const [host, pid] = fs.readFileSync(file, "utf8").trim().split(" ");
  return host === HOST && Number(pid) !== process.pid && !processAlive(Number(pid));
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
    const moved = name.startsWith(`.${base}.old-`);
    if (!moved && !name.startsWith(`.${base}.tmp-`)) continue;
    const p = path.join(parent, name);
    if (!fs.statSync(p).isDirectory() || !ownedByDeadRun(p)) continue;
    if (moved && !fs.existsSync(dir)) {
      fs.rmSync(path.join(p, MARKER), { force: true });
      fs.renameSync(p, dir);
    } else removeQuietly(p);
  }
}

/** The top-level names a previous write recorded in `dir` (empty when it has no list). */
function previousOutputs(dir: string): Set<string> {
  const list = path.join(dir, OUTPUTS_LIST);
  return new Set(fs.existsSync(list) ? fs.readFileSync(list, "utf8").split("\n").filter(Boolean) : []);
}

/** Gives `tmp` the permissions (and, where allowed, the owner and group) of the folder it replaces. */
function keepPermissions(tmp: string, st: fs.Stats): void {
  fs.chmodSync(tmp, st.mode & 0o7777);
  if (typeof process.getuid === "function" && (st.uid !== process.getuid() || st.gid !== process.getgid?.())) {
    try {
      fs.chownSync(tmp, st.uid, st.gid);
    } catch {
      // Only root may give a folder away; a user replacing a folder they may write keeps it as theirs.
    }
  }
}

/**
 * Writes `files` (name -> content; names may contain "/" for a sub-folder) as the folder `dir`, replacing what was
 * there: all or nothing. `dir` must pass checkOutputDir (a folder introsim wrote, an empty or new one, or any folder
 * with `force`); a symlink to a folder writes that folder and keeps the link. What a previous write put there (listed
 * in OUTPUTS_LIST) is replaced as a whole, so no stale output survives; other files in `dir` (a user's notes) are
 * kept, and the folder keeps its permissions.
 *
 *   dir/.. : .dir.tmp-<host>-<pid>/ (marked) <- every file  ->  dir -> .dir.old-… (marked)  ->  tmp -> dir  ->  rm old
 */
export function writeDirAtomic(target: string, files: ReadonlyMap<string, string | Uint8Array>, opts: { force?: boolean } = {}): void {
  const dir = checkOutputDir(target, opts);
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  const tmp = path.join(parent, `.${base}.tmp-${HOST}-${process.pid}`);
  const old = path.join(parent, `.${base}.old-${HOST}-${process.pid}`);
  const marker = `${HOST} ${process.pid}\n`;
  try {
    recoverInterruptedWrite(dir);
    removeQuietly(tmp);
    makeDirs(tmp);
    fs.writeFileSync(path.join(tmp, MARKER), marker);
    const written = new Set([...files.keys()].map((n) => n.split("/")[0]!));
    if (fs.existsSync(dir)) {
      const ours = previousOutputs(dir);
      for (const name of fs.readdirSync(dir)) {
        if (written.has(name) || ours.has(name) || name === MARKER || name === OUTPUTS_LIST) continue;
        fs.cpSync(path.join(dir, name), path.join(tmp, name), { recursive: true });
      }
    }
    for (const [name, content] of files) {
      const target = path.join(tmp, name);
      if (name.includes("/")) makeDirs(path.dirname(target));
      fs.writeFileSync(target, content);
    }
    fs.writeFileSync(path.join(tmp, OUTPUTS_LIST), `${[...written].sort().join("\n")}\n`);
    const before = fs.statSync(dir, { throwIfNoEntry: false });
    if (before) keepPermissions(tmp, before);
    crashHere("after-files");
    if (fs.existsSync(dir)) {
      fs.writeFileSync(path.join(dir, MARKER), marker);
      fs.renameSync(dir, old);
    }
    crashHere("between-renames");
    fs.renameSync(tmp, dir);
    fs.rmSync(path.join(dir, MARKER), { force: true });
    removeQuietly(old);
  } catch (e) {
    removeQuietly(tmp);
    if (!fs.existsSync(dir) && fs.existsSync(old)) fs.renameSync(old, dir);
    if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) fs.rmSync(path.join(dir, MARKER), { force: true });
    throw e instanceof UserError ? e : cannotWrite(target, e);
  }
}

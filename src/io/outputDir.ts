/**
 * Which folders introsim may write its output into. An output folder is replaced as a whole (writeDirAtomic: a new
 * sibling folder is renamed over it), so a wrong --out could replace a folder that matters. checkOutputDir refuses,
 * before anything is computed:
 *
 *   a name too long for the file system (with room for the temporary sibling's suffix)
 *   -> a dangling symlink (a symlink to a folder means that folder)
 *   -> "/", the home folder, the temp folder itself, the working folder, the project, or any folder holding one of them
 *   -> a system folder (/etc, /usr, …) or anything under /proc, /sys, /dev, /boot, /etc, /usr, …
 *   -> something that exists and is not a folder (a file, a device)
 *   -> a folder with files introsim did not write (no OUTPUTS_LIST in it), unless `force`
 *   -> a place where a folder cannot be created (parent not a folder, not writable)
 *
 * and returns the absolute path to write (a symlink's target).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { UserError } from "../errors/userError";
import { displayPath, PACKAGE_ROOT } from "./paths";

/** The list of what introsim wrote into an output folder; its presence marks a folder as introsim's. */
export const OUTPUTS_LIST = ".introsim-outputs";

/** Linux's NAME_MAX (bytes of one path component) and PATH_MAX (bytes of a whole path, with the terminating NUL). */
const NAME_MAX = 255;
const PATH_MAX = 4096;

/** Bytes the temporary sibling adds to the folder's name: ".<name>.tmp-<host>-<pid>" (pid up to 2^22, 7 digits). */
const TEMP_SUFFIX_BYTES = ".".length + ".tmp-".length + Buffer.byteLength(os.hostname()) + "-".length + 7;

/** Folders of the operating system: never an output folder, and nothing under them is either (see UNDER_SYSTEM). */
const SYSTEM_FOLDERS = [
  "/bin",
  "/boot",
  "/dev",
  "/etc",
  "/lib",
  "/lib32",
  "/lib64",
  "/libx32",
  "/proc",
  "/root",
  "/run",
  "/sbin",
  "/srv",
  "/sys",
  "/usr",
  "/var",
  "/opt",
  "/mnt",
  "/media",
  "/home",
  "/snap",
];
const UNDER_SYSTEM = ["/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/sbin", "/sys", "/usr", "/run"];

/** lstat/stat that answer undefined for a path that does not exist or runs through a file (ENOTDIR). */
function statIfAny(p: string, follow: boolean): fs.Stats | undefined {
  try {
    return follow ? fs.statSync(p) : fs.lstatSync(p);
  } catch {
    return undefined;
  }
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** True when `a` is `b` or a folder that holds `b`. */
function holds(a: string, b: string): boolean {
  return a === b || b.startsWith(a.endsWith(path.sep) ? a : `${a}${path.sep}`);
}

function refuse(dir: string, what: string): never {
  throw new UserError("io", displayPath(dir), what);
}

/** The folders an output must neither be nor hold, with their names for the message. */
function protectedFolders(): Array<[folder: string, name: string]> {
  const out: Array<[string, string]> = [
    ["/", "the root folder"],
    [realOrSelf(os.homedir()), "the home folder"],
    [realOrSelf(os.tmpdir()), "the temp folder"],
    [realOrSelf(process.cwd()), "the working folder"],
    [realOrSelf(PACKAGE_ROOT), "the project folder"],
  ];
  return out;
}

/**
 * Checks that `dir` can safely be written as a whole (see the module comment) and returns the absolute path to write.
 * @param force replace an existing folder that introsim did not write (its other files are kept)
 */
export function checkOutputDir(dir: string, opts: { force?: boolean } = {}): string {
  const advice = "choose a new folder, e.g. --out charts/mitt-scenario";
  let abs = path.resolve(dir);
  if (Buffer.byteLength(abs) >= PATH_MAX) refuse(dir, `the path is too long (${Buffer.byteLength(abs)} bytes; at most ${PATH_MAX - 1}); ${advice}`);
  const longest = NAME_MAX - TEMP_SUFFIX_BYTES;
  for (const part of abs.split(path.sep))
    if (Buffer.byteLength(part) > longest)
      refuse(dir, `a name in the path is too long (${Buffer.byteLength(part)} bytes; at most ${longest}, leaving room for the temporary folder); ${advice}`);
  const link = statIfAny(abs, false);
  if (link?.isSymbolicLink()) {
    if (!fs.existsSync(abs)) refuse(dir, `is a symlink to nothing (dangling); ${advice}`);
    abs = fs.realpathSync(abs); // the folder the link points to is the one replaced; the link stays
  } else {
    // A symlinked parent (e.g. /tmp -> /private/tmp) must not hide a protected folder.
    const parent = realOrSelf(path.dirname(abs));
    abs = path.join(parent, path.basename(abs));
  }
  for (const [folder, name] of protectedFolders()) {
    if (abs === folder) refuse(dir, `is ${name}, and an output folder is replaced as a whole; ${advice}`);
    if (holds(abs, folder)) refuse(dir, `holds ${name} (${folder}), and an output folder is replaced as a whole; ${advice}`);
  }
  if (SYSTEM_FOLDERS.includes(abs)) refuse(dir, `is a system folder; ${advice}`);
  const system = UNDER_SYSTEM.find((s) => holds(s, abs));
  if (system) refuse(dir, `is under the system folder ${system}; ${advice}`);
  const st = statIfAny(abs, true);
  if (st) {
    if (!st.isDirectory())
      refuse(dir, `exists and is ${st.isFile() ? "a file" : "not a folder (a device, pipe or socket)"}, not a folder; choose another --out`);
    const entries = fs.readdirSync(abs);
    if (entries.length > 0 && !entries.includes(OUTPUTS_LIST) && !opts.force)
      refuse(
        dir,
        `holds files introsim did not write (it has no ${OUTPUTS_LIST}), and an output folder is replaced as a whole; choose a new or empty folder, or give --force to replace it (files introsim did not write are kept)`,
      );
  }
  // The folder is created (or swapped in) next to itself, so the nearest existing parent must be a writable folder.
  let p = path.dirname(abs);
  while (!statIfAny(p, false)) p = path.dirname(p);
  if (!fs.statSync(p).isDirectory()) refuse(dir, `cannot be created: ${displayPath(p)} is a file, not a folder; choose another --out`);
  try {
    fs.accessSync(p, fs.constants.W_OK);
  } catch {
    refuse(dir, `cannot be written: no write permission in ${displayPath(p)}; choose another --out`);
  }
  return abs;
}

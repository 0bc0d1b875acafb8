/**
 * A cache of parsed parameter files on disk, keyed by the SHA-256 of each file's text: the YAML parser takes about
 * half a second for data/params (13 µs a byte), reading its result back takes a few milliseconds. A file whose text
 * changes gets a new key, so a stale entry is never used; the cache only skips the parsing, never the validation (zod
 * and the period checks run on every load).
 *
 *   file text -> sha256 -> cached value, or parseYaml(text) -> (entries for this load written back once)
 *
 * The values are stored with v8.serialize (the structured-clone format: NaN, ±Infinity and -0 survive, unlike JSON).
 * The file lives in node_modules/.cache/introsim/ (the usual place for tool caches, ignored by git). Set
 * INTROSIM_NO_CACHE=1 to neither read nor write it. A cache that cannot be read or written is ignored: it only costs
 * time.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as v8 from "node:v8";
import { threadId } from "node:worker_threads";
import { PACKAGE_ROOT } from "../io/paths";
import { parseYaml } from "../io/parseYaml";

/** The cache file; its format stamp names the parser's version, so a new yaml release starts a fresh cache. */
export const YAML_CACHE_FILE = path.join(PACKAGE_ROOT, "node_modules", ".cache", "introsim", "params-yaml.v8");

/** Entries kept at most (the bundled data/params has about 60 files; a few --params folders fit). */
const MAX_ENTRIES = 4096;

function formatStamp(): string {
  const yaml = JSON.parse(fs.readFileSync(require.resolve("yaml/package.json"), "utf8")) as { version: string };
  return `introsim-params-yaml 1; yaml ${yaml.version}; node ${process.versions.v8}`;
}

/** One load's view of the cache: get parses on a miss, save writes the misses back (once). */
export class YamlCache {
  private readonly entries: Map<string, unknown>;
  private misses = 0;
  private readonly enabled = !process.env.INTROSIM_NO_CACHE;

  constructor(private readonly file: string = YAML_CACHE_FILE) {
    this.entries = this.enabled ? this.read() : new Map<string, unknown>();
  }

  private read(): Map<string, unknown> {
    try {
      const stored = v8.deserialize(fs.readFileSync(this.file)) as { stamp?: string; entries?: unknown };
      return stored.stamp === formatStamp() && stored.entries instanceof Map ? (stored.entries as Map<string, unknown>) : new Map<string, unknown>();
    } catch {
      return new Map<string, unknown>(); // none yet, or unreadable: parse everything
    }
  }

  /** The parsed value of text (whose SHA-256 is hash): from the cache, or parsed (a UserError on bad YAML, never cached). */
  get(hash: string, text: string, where: string): unknown {
    if (this.entries.has(hash)) return structuredClone(this.entries.get(hash));
    const value = parseYaml(text, where, "params");
    this.entries.set(hash, structuredClone(value));
    this.misses++;
    return value;
  }

  /** Writes the cache if this load parsed anything (atomically: a temporary file renamed over it). */
  save(): void {
    if (!this.enabled || this.misses === 0) return;
    const keep = [...this.entries].slice(-MAX_ENTRIES);
    const tmp = `${this.file}.tmp-${process.pid}-${threadId}`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, v8.serialize({ stamp: formatStamp(), entries: new Map(keep) }));
      fs.renameSync(tmp, this.file);
    } catch {
      fs.rmSync(tmp, { force: true }); // a read-only install: parse again next time
    }
  }
}

/**
 * The applications register (one row per kommune per round), read from CSV and validated: any bad cell is a
 * UserError naming the file, the 1-based data row and the column (an allocation must not run on a broken register).
 */
import { parse } from "csv-parse/sync";
import { UserError } from "../errors/userError";
import { displayPath } from "../io/paths";
import { readText } from "../io/readText";
import { sha256 } from "../io/sha256";
import { HELSEREGIONER, type Helseregion } from "../register/helseregion";
import { jaNei, kommunenr, type Parsed } from "../register/columns";

export interface Application {
  /** 1-based data row. */
  row: number;
  kommunenr: string;
  kommune: string;
  helseregion: Helseregion;
  sentralitet: number;
  round: number;
  requested: number;
  mainPurpose: boolean;
  doctorsNeedingSpecialisation: number;
  hasCandidate: boolean;
}

export interface ApplicationsFile {
  file: string;
  sha256: string;
  applications: Application[];
  extraColumns: string[];
}

const COLUMNS = [
  "kommunenr",
  "kommune",
  "helseregion",
  "sentralitet",
  "round",
  "requested",
  "main_purpose",
  "doctors_needing_specialisation",
  "has_candidate",
] as const;

type Cell = (v: string) => Parsed;
const int =
  (min: number, max: number, allowed: string): Cell =>
  (v) =>
    /^\d+$/.test(v) && +v >= min && +v <= max ? { ok: true, value: +v } : { ok: false, allowed };
const PARSERS: Record<(typeof COLUMNS)[number], Cell> = {
  kommunenr,
  kommune: (v) => (v !== "" ? { ok: true, value: v } : { ok: false, allowed: "the kommune's name" }),
  helseregion: (v) =>
    (HELSEREGIONER as readonly string[]).includes(v) ? { ok: true, value: v } : { ok: false, allowed: `one of ${HELSEREGIONER.join(", ")}` },
  sentralitet: int(1, 6, "SSB's sentralitet class 1–6"),
  round: int(2022, 2100, "a year from 2022"),
  requested: int(1, 1000, "a whole number of agreements, 1 or more"),
  main_purpose: jaNei,
  doctors_needing_specialisation: int(0, 100_000, "a whole number 0 or more"),
  has_candidate: jaNei,
};

export function parseApplicationsCsv(text: string, where: string): Omit<ApplicationsFile, "file" | "sha256"> {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new UserError("io", where, `cannot be read as CSV: ${String((e as Error).message).split("\n")[0]}`);
  }
  if (records.length === 0) throw new UserError("io", where, "is empty; expected a header row with the application columns");
  const header = records[0]!.map((h) => h.trim());
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new UserError("io", where, `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  const seen = new Map<string, number>();
  const applications = records.slice(1).map((cells, k) => {
    const row = k + 1;
    const value = (c: (typeof COLUMNS)[number]) => {
      const raw = (cells[header.indexOf(c)] ?? "").trim();
      const p = PARSERS[c](raw);
      if (!p.ok) throw new UserError("io", `${where}: row ${row}, column ${c}`, `"${raw}" is not allowed; expected ${p.allowed}`);
      return p.value;
    };
    const a: Application = {
      row,
      kommunenr: value("kommunenr") as string,
      kommune: value("kommune") as string,
      helseregion: value("helseregion") as Helseregion,
      sentralitet: value("sentralitet") as number,
      round: value("round") as number,
      requested: value("requested") as number,
      mainPurpose: value("main_purpose") as boolean,
      doctorsNeedingSpecialisation: value("doctors_needing_specialisation") as number,
      hasCandidate: value("has_candidate") as boolean,
    };
    const key = `${a.round}:${a.kommunenr}`;
    if (seen.has(key))
      throw new UserError(
        "io",
        `${where}: row ${row}, column kommunenr`,
        `${a.kommunenr} applies twice in round ${a.round} (also row ${seen.get(key)}); one application per kommune and round`,
      );
    seen.set(key, row);
    return a;
  });
  return { applications, extraColumns: header.filter((h) => !(COLUMNS as readonly string[]).includes(h)) };
}

export function readApplications(file: string): ApplicationsFile {
  const where = displayPath(file);
  const text = readText(file, "io");
  return { file: where, sha256: sha256(text), ...parseApplicationsCsv(text, where) };
}

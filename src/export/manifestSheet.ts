/**
 * The run's manifest as a short key–value sheet for the workbook: scenario, its hash, seed, draws, overrides, data
 * versions (the data hash, how many files and when they were last verified), other input files, the introsim version
 * and the run date — one column per scenario, a dozen rows at most. The full manifest stays in manifest.json and
 * results.json. Reads the manifest defensively (it is given as `unknown`): a missing field is an empty cell.
 */
import type { Cell, Sheet } from "./sheet";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): Cell => (typeof v === "string" || typeof v === "number" ? v : null);

function overrides(m: Json): Cell {
  const list = Array.isArray(m.overrides) ? m.overrides.filter(isObject) : [];
  return list.length === 0 ? "ingen" : list.map((o) => `${String(o.name)}=${String(o.value)}`).join("; ");
}

function dataVersions(m: Json): Cell {
  const files = isObject(m.data) && Array.isArray(m.data.files) ? m.data.files.filter(isObject) : [];
  if (files.length === 0) return null;
  const dates = files
    .map((f) => f.lastVerified)
    .filter((d): d is string => typeof d === "string")
    .sort();
  const checked = dates.length ? `, kontrollert ${dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} – ${dates[dates.length - 1]}`}` : "";
  return `${files.length} filer i data/params${checked}`;
}

function otherInputs(m: Json): Cell {
  const inputs = Array.isArray(m.inputs) ? m.inputs.filter(isObject) : [];
  return inputs.length === 0 ? "ingen" : inputs.map((i) => `${String(i.file)} (${String(i.sha256).slice(0, 12)}…)`).join("; ");
}

const ROWS: ReadonlyArray<[string, (m: Json) => Cell]> = [
  ["Scenario", (m) => (isObject(m.scenario) ? text(m.scenario.name) : null)],
  ["Scenariofil", (m) => (isObject(m.scenario) ? text(m.scenario.file) : null)],
  ["Scenario-hash (SHA-256)", (m) => (isObject(m.scenario) ? text(m.scenario.hash) : null)],
  ["Frø (seed)", (m) => text(m.seed)],
  ["Trekk", (m) => text(m.draws)],
  ["Overstyringer (--set)", overrides],
  ["Data-hash (SHA-256)", (m) => (isObject(m.data) ? text(m.data.hash) : null)],
  ["Dataversjoner", dataVersions],
  ["Andre inndatafiler", otherInputs],
  ["introsim-versjon", (m) => text(m.version)],
];

/** The manifest sheet: `manifest` is one run's manifest or a list of them (a comparison); `date` the run date. */
export function manifestSheet(manifest: unknown, date: string): Sheet {
  const list = (Array.isArray(manifest) ? manifest : [manifest]).filter(isObject);
  const heads = list.map((m, i) => (isObject(m.scenario) && typeof m.scenario.name === "string" ? m.scenario.name : `scenario ${i + 1}`));
  return {
    name: "manifest",
    title: "Manifest: hvilke data, scenario og versjon som ga tallene (hele manifestet står i manifest.json)",
    columns: [{ header: "Nøkkel", format: "text" }, ...heads.map((h) => ({ header: h, format: "text" as const }))],
    rows: [...ROWS.map(([key, get]): Cell[] => [key, ...list.map(get)]), ["Kjøredato", ...list.map((m) => (typeof m.date === "string" ? m.date : date))]],
  };
}

/**
 * A table fit to publish from the claims: per role and year, the doctors, patients, claim lines and folketrygd cost of
 * the accepted lines, computed in DuckDB. Cells built from fewer than MIN_CELL_PERSONS doctors or patients are
 * suppressed (DESIGN.md, privacy), and the table has no totals, so a suppressed cell cannot be found by subtraction.
 */
import { MIN_CELL_PERSONS } from "../constants";
import { formatNok, formatNumber } from "../format/norwegian";
import { loadParams, type ParamSet } from "../params/loadParams";
import type { Table } from "../format/table";
import { closeEngine, openEngine, rows } from "./duckdb";
import { loadDoctors } from "./readDoctors";
import { openTable } from "./readTable";
import { CLAIM_COLUMNS } from "./schema";
import { createTariffDays, tariffPeriods } from "./tariffTable";
import { checkedSql } from "./validateClaims";

export interface PublishedCell {
  role: string;
  year: number;
  /** null when suppressed. */
  doctors: number | null;
  patients: number | null;
  claimLines: number | null;
  folketrygdCostNok: number | null;
  suppressed: boolean;
}

const ROLE_LABELS: Record<string, string> = { intro: "Introduksjonsleger", avgivende_fastlege: "Avgivende fastleger", fastlege: "Sammenligningsfastleger" };

export async function publishedClaimsTable(
  claimsFile: string,
  doctorsFile: string,
  opts: { params?: ParamSet } = {},
): Promise<{ cells: PublishedCell[]; table: Table }> {
  const engine = await openEngine();
  try {
    await createTariffDays(engine, tariffPeriods(opts.params ?? loadParams()));
    await loadDoctors(engine, doctorsFile);
    const source = await openTable(engine, claimsFile, CLAIM_COLUMNS);
    const raw = await rows<{ role: string; year: number; doctors: number; patients: number; lines: number; cost: number }>(
      engine,
      `SELECT role, year(date)::INTEGER AS year, count(DISTINCT doctor_id)::DOUBLE AS doctors, count(DISTINCT patient_id)::DOUBLE AS patients,
         count(*)::DOUBLE AS lines, sum(refusjon_ore + CASE WHEN patient_exempt = 'ja' THEN egenandel_ore ELSE 0 END)::DOUBLE / 100 AS cost
       FROM (${checkedSql(source, source.relation, false)}) WHERE reason IS NULL GROUP BY ALL ORDER BY role DESC, year`,
    );
    const cells = raw.map((r): PublishedCell => {
      const suppressed = r.doctors < MIN_CELL_PERSONS || r.patients < MIN_CELL_PERSONS;
      return suppressed
        ? { role: r.role, year: r.year, doctors: null, patients: null, claimLines: null, folketrygdCostNok: null, suppressed }
        : { role: r.role, year: r.year, doctors: r.doctors, patients: r.patients, claimLines: r.lines, folketrygdCostNok: r.cost, suppressed };
    });
    const show = (x: number | null, f: (v: number) => string) => (x === null ? "prikket" : f(x));
    const table: Table = {
      caption: `Godkjente kravlinjer etter rolle og år (celler med færre enn ${MIN_CELL_PERSONS} leger eller pasienter er prikket)`,
      headers: ["Rolle", "År", "Leger", "Pasienter", "Kravlinjer", "Folketrygdens utgift"],
      rows: cells.map((c) => [
        ROLE_LABELS[c.role] ?? c.role,
        String(c.year),
        show(c.doctors, (v) => formatNumber(v, 0)),
        show(c.patients, (v) => formatNumber(v, 0)),
        show(c.claimLines, (v) => formatNumber(v, 0)),
        show(c.folketrygdCostNok, formatNok),
      ]),
      alignRight: [2, 3, 4, 5],
    };
    return { cells, table };
  } finally {
    closeEngine(engine);
  }
}

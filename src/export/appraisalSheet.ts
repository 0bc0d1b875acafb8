/**
 * The decision analyses as sheets (xlsx, CSV, report and notebook tables): break-even per input, value of
 * information per input and group, the appraisal summary (samfunnsøkonomisk analyse) and its discount-rate
 * sensitivity. Numbers stay numbers; "not within the range" is text.
 */
import type { DecisionReport } from "../analysis/runDecision";
import { formatNok, formatNumber } from "../format/norwegian";
import type { Cell, Sheet } from "./sheet";

/** What a break-even cell says when the input cannot reach the target within its range. */
export const NOT_IN_RANGE = "ikke innenfor spennet";

const value = (v: number | null | undefined): Cell => (v === null || v === undefined ? NOT_IN_RANGE : v);

export function breakEvenSheet(d: DecisionReport): Sheet | undefined {
  const b = d.breakEven;
  if (!b) return undefined;
  return {
    name: "break-even",
    title: `Break-even: verdien hver forutsetning må ha for at kostnaden per avtaleår skal bli ${formatNok(b.target)}`,
    columns: [
      { header: "Forutsetning", format: "text" },
      { header: "Enhet", format: "text" },
      { header: "Sentralverdi", format: "number" },
      { header: "Spenn fra", format: "number" },
      { header: "Spenn til", format: "number" },
      { header: "Break-even, øvrige sentrale", format: "number" },
      { header: "Break-even, P50 over øvrige", format: "number" },
    ],
    rows: b.rows.map((r) => [r.label, r.unit, r.central, r.rangeLow, r.rangeHigh, value(r.deterministic.value), r.p50 ? value(r.p50.value) : null]),
  };
}

export function voiSheet(d: DecisionReport): Sheet | undefined {
  const v = d.voi;
  if (!v) return undefined;
  return {
    name: "verdi-av-informasjon",
    title: `Verdi av informasjon for valg av budsjettpost (kr per år og over ${v.horizonYears} år, neddiskontert)`,
    columns: [
      { header: "Inndata eller gruppe", format: "text" },
      { header: "Type", format: "text" },
      { header: "Verdi per år (kr)", format: "nok" },
      { header: "Verdi over horisonten (kr)", format: "nok" },
      { header: "Andel av EVPI", format: "share" },
      { header: "Forklart varians (R²)", format: "number" },
    ],
    rows: [
      ["Perfekt informasjon om alt (EVPI)", "EVPI", v.evpi.perYear, v.evpi.horizon, 1, null],
      ...v.rows
        .filter((r) => r.perYear > 0)
        .map((r): Cell[] => [r.label, r.kind === "group" ? "gruppe (EVPPI)" : "inndata (EVPPI)", r.perYear, r.horizon, r.shareOfEvpi, r.rSquared]),
      ...(v.rows.some((r) => r.perYear === 0)
        ? [[`Øvrige ${v.rows.filter((r) => r.perYear === 0).length} forutsetninger (endrer ikke valget)`, "inndata (EVPPI)", 0, 0, 0, null] as Cell[]]
        : []),
    ],
  };
}

export function appraisalSheet(d: DecisionReport): Sheet | undefined {
  const a = d.appraisal;
  if (!a) return undefined;
  return {
    name: "samfunnsokonomisk",
    title: `Samfunnsøkonomisk kostnad: nåverdi over ${a.rates.horizonYears} år, ${formatNumber(a.rates.discountRate * 100, 1)} % kalkulasjonsrente, faste ${a.priceYear}-kroner`,
    columns: [
      { header: "Part", format: "text" },
      { header: "Årlig kostnad P50 (kr)", format: "nok" },
      { header: "Nåverdi P50 (kr)", format: "nok" },
      { header: "Nåverdi P85 (kr)", format: "nok" },
      { header: "Skattefinansieringskostnad, forventet (kr)", format: "nok" },
      { header: "Nåverdi inkl. skattefinansiering P50 (kr)", format: "nok" },
      { header: "Nåverdi inkl. skattefinansiering P85 (kr)", format: "nok" },
    ],
    rows: a.rows.map((r) => [r.label, r.annualP50, r.pvP50, r.pvP85, r.taxCostPvMean, r.pvWithTaxCostP50, r.pvWithTaxCostP85]),
  };
}

export function discountSensitivitySheet(d: DecisionReport): Sheet | undefined {
  const a = d.appraisal;
  if (!a) return undefined;
  return {
    name: "kalkulasjonsrente",
    title: "Følsomhet for kalkulasjonsrenten: offentlige parter samlet, nåverdi inkl. skattefinansieringskostnad",
    columns: [
      { header: "Kalkulasjonsrente", format: "share" },
      { header: "Nåverdi P50 (kr)", format: "nok" },
      { header: "Nåverdi P85 (kr)", format: "nok" },
    ],
    rows: a.sensitivity.map((s) => [s.rate, s.pvWithTaxCostP50, s.pvWithTaxCostP85]),
  };
}

/** Every decision sheet present, in order. */
export function decisionSheets(d: DecisionReport | undefined): Sheet[] {
  if (!d) return [];
  return [breakEvenSheet(d), voiSheet(d), appraisalSheet(d), discountSensitivitySheet(d)].filter((s): s is Sheet => s !== undefined);
}

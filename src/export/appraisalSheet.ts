/**
 * The decision analyses as sheets (xlsx, CSV, report and notebook tables): break-even per input, value of
 * information per input and group, the appraisal summary (samfunnsøkonomisk analyse) and its discount-rate
 * sensitivity. Numbers stay numbers; "not within the range" is text.
 */
import type { DecisionReport } from "../analysis/runDecision";
import { formatNok, formatNumber } from "../format/norwegian";
import { cols, type Cell, type Sheet } from "./sheet";

/** What a break-even cell says when the input cannot reach the target within its range. */
export const NOT_IN_RANGE = "ikke innenfor spennet";

const value = (v: number | null | undefined): Cell => (v === null || v === undefined ? NOT_IN_RANGE : v);

export function breakEvenSheet(d: DecisionReport): Sheet | undefined {
  const b = d.breakEven;
  if (!b) return undefined;
  const UNIT = 1; // the column "Enhet": each row's numbers are shown by its input's unit
  return {
    name: "break-even",
    title: `Break-even: verdien hver forutsetning må ha for at kostnaden per avtaleår skal bli ${formatNok(b.target)}`,
    columns: cols(
      ["Forutsetning", "text"],
      ["Enhet", "text"],
      ["Sentralverdi", "unit", UNIT],
      ["Spenn fra", "unit", UNIT],
      ["Spenn til", "unit", UNIT],
      ["Break-even, øvrige sentrale", "unit", UNIT],
      ["Break-even, P50 over øvrige", "unit", UNIT],
    ),
    rows: b.rows.map((r) => [r.label, r.unit, r.central, r.rangeLow, r.rangeHigh, value(r.deterministic.value), r.p50 ? value(r.p50.value) : null]),
  };
}

export function voiSheet(d: DecisionReport): Sheet | undefined {
  const v = d.voi;
  if (!v) return undefined;
  return {
    name: "verdi-av-informasjon",
    title: `Verdi av informasjon for valg av budsjettpost (kr per år og over ${v.horizonYears} år, neddiskontert)`,
    columns: cols(
      ["Inndata eller gruppe", "text"],
      ["Type", "text"],
      ["Verdi per år (kr)", "nok"],
      ["Verdi over horisonten (kr)", "nok"],
      ["Andel av EVPI", "share"],
      ["Forklart varians (R²)", "number"],
    ),
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
    columns: cols(
      ["Part", "text"],
      ["Årlig kostnad P50 (kr)", "nok"],
      ["Nåverdi P50 (kr)", "nok"],
      ["Nåverdi P85 (kr)", "nok"],
      ["Skattefinansieringskostnad, forventet (kr)", "nok"],
      ["Nåverdi inkl. skattefinansiering P50 (kr)", "nok"],
      ["Nåverdi inkl. skattefinansiering P85 (kr)", "nok"],
    ),
    rows: a.rows.map((r) => [r.label, r.annualP50, r.pvP50, r.pvP85, r.taxCostPvMean, r.pvWithTaxCostP50, r.pvWithTaxCostP85]),
  };
}

export function discountSensitivitySheet(d: DecisionReport): Sheet | undefined {
  const a = d.appraisal;
  if (!a) return undefined;
  return {
    name: "kalkulasjonsrente",
    title: "Følsomhet for kalkulasjonsrenten: offentlige parter samlet, nåverdi inkl. skattefinansieringskostnad",
    columns: cols(["Kalkulasjonsrente", "share"], ["Nåverdi P50 (kr)", "nok"], ["Nåverdi P85 (kr)", "nok"]),
    rows: a.sensitivity.map((s) => [s.rate, s.pvWithTaxCostP50, s.pvWithTaxCostP85]),
  };
}

/** Every decision sheet present, in order. */
export function decisionSheets(d: DecisionReport | undefined): Sheet[] {
  if (!d) return [];
  return [breakEvenSheet(d), voiSheet(d), appraisalSheet(d), discountSensitivitySheet(d)].filter((s): s is Sheet => s !== undefined);
}

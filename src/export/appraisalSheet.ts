/**
 * The decision analyses as sheets (xlsx, CSV, report and notebook tables): break-even per input, value of
 * information per input and group, the appraisal summary (samfunnsøkonomisk analyse) and its discount-rate
 * sensitivity. Numbers stay numbers; "not within the range" is text. Bokmål by default; `lang` "en" gives the
 * English words (src/i18n/decisionSheetMessages.ts) and input labels, for `introsim breakeven --lang en`.
 */
import type { DecisionReport } from "../analysis/runDecision";
import { numberFormats } from "../format/localeNumbers";
import { decisionSheetText } from "../i18n/decisionSheetMessages";
import { inputLabel, inputUnit } from "../i18n/inputLabels";
import type { Lang } from "../i18n/messages";
import { cols, type Cell, type Sheet } from "./sheet";

export function breakEvenSheet(d: DecisionReport, lang: Lang = "nb"): Sheet | undefined {
  const b = d.breakEven;
  if (!b) return undefined;
  const t = decisionSheetText(lang);
  const value = (v: number | null | undefined): Cell => (v === null || v === undefined ? t.notInRange : v);
  const UNIT = 1; // the column "Enhet": each row's numbers are shown by its input's unit (either language's picks the same format)
  const [input, unit, central, from, to, deterministic, p50] = t.breakEvenHeaders;
  return {
    name: "break-even",
    title: t.breakEvenTitle(numberFormats(lang).nok(b.target)),
    columns: cols(
      [input, "text"],
      [unit, "text"],
      [central, "unit", UNIT],
      [from, "unit", UNIT],
      [to, "unit", UNIT],
      [deterministic, "unit", UNIT],
      [p50, "unit", UNIT],
    ),
    rows: b.rows.map((r) => [
      inputLabel(lang, r),
      inputUnit(lang, r),
      r.central,
      r.rangeLow,
      r.rangeHigh,
      value(r.deterministic.value),
      r.p50 ? value(r.p50.value) : null,
    ]),
  };
}

export function voiSheet(d: DecisionReport, lang: Lang = "nb"): Sheet | undefined {
  const v = d.voi;
  if (!v) return undefined;
  const t = decisionSheetText(lang);
  const [what, kind, perYear, horizon, share, r2] = t.voiHeaders;
  const unchanged = v.rows.filter((r) => r.perYear === 0).length;
  return {
    name: "verdi-av-informasjon",
    title: t.voiTitle(v.horizonYears),
    columns: cols([what, "text"], [kind, "text"], [perYear, "nok"], [horizon, "nok"], [share, "share"], [r2, "number"]),
    rows: [
      [t.evpiRow, "EVPI", v.evpi.perYear, v.evpi.horizon, 1, null],
      ...v.rows
        .filter((r) => r.perYear > 0)
        .map((r): Cell[] => [inputLabel(lang, r), r.kind === "group" ? t.group : t.input, r.perYear, r.horizon, r.shareOfEvpi, r.rSquared]),
      ...(unchanged > 0 ? [[t.otherInputs(unchanged), t.input, 0, 0, 0, null] as Cell[]] : []),
    ],
  };
}

export function appraisalSheet(d: DecisionReport, lang: Lang = "nb"): Sheet | undefined {
  const a = d.appraisal;
  if (!a) return undefined;
  const t = decisionSheetText(lang);
  const [party, annual, pv50, pv85, tax, pvTax50, pvTax85] = t.appraisalHeaders;
  return {
    name: "samfunnsokonomisk",
    title: t.appraisalTitle(a.rates.horizonYears, numberFormats(lang).percent(a.rates.discountRate, 1), a.priceYear),
    columns: cols([party, "text"], [annual, "nok"], [pv50, "nok"], [pv85, "nok"], [tax, "nok"], [pvTax50, "nok"], [pvTax85, "nok"]),
    rows: a.rows.map((r) => [t.appraisalParty[r.party] ?? r.label, r.annualP50, r.pvP50, r.pvP85, r.taxCostPvMean, r.pvWithTaxCostP50, r.pvWithTaxCostP85]),
  };
}

export function discountSensitivitySheet(d: DecisionReport, lang: Lang = "nb"): Sheet | undefined {
  const a = d.appraisal;
  if (!a) return undefined;
  const t = decisionSheetText(lang);
  const [rate, pv50, pv85] = t.discountHeaders;
  return {
    name: "kalkulasjonsrente",
    title: t.discountTitle,
    columns: cols([rate, "share"], [pv50, "nok"], [pv85, "nok"]),
    rows: a.sensitivity.map((s) => [s.rate, s.pvWithTaxCostP50, s.pvWithTaxCostP85]),
  };
}

/** Every decision sheet present, in order. */
export function decisionSheets(d: DecisionReport | undefined, lang: Lang = "nb"): Sheet[] {
  if (!d) return [];
  return [breakEvenSheet(d, lang), voiSheet(d, lang), appraisalSheet(d, lang), discountSensitivitySheet(d, lang)].filter((s): s is Sheet => s !== undefined);
}

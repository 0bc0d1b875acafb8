/**
 * An assumption's distribution as a kind and three numbers (lav, mest sannsynlig, høy) for the workbook and CSV, so
 * that "trippelestimat 0.5 / 1 / 1 (PERT)" becomes the text "trippelestimat (PERT)" and the numbers 0.5, 1, 1 in
 * three numeric columns. The assumption rows of a run (src/analysis/runCost.ts AssumptionRow) carry only the
 * description written by describeSpec (src/distributions/spec.ts, numbers with String()), so this reads that
 * description back; a description it does not know stays whole in the kind column with empty numbers.
 * (A structured field on AssumptionRow would spare the parsing; that file belongs to the analysis layer.)
 */
import type { Cell } from "./sheet";

export interface DistributionColumns {
  kind: string;
  low: Cell;
  mode: Cell;
  high: Cell;
}

/** A number as String() writes it (1, 0.5, -2, 1e-7, 250000). */
const NUM = String.raw`(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)`;
const PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => DistributionColumns]> = [
  [new RegExp(`^fast verdi ${NUM}$`), (m) => ({ kind: "fast verdi", low: null, mode: Number(m[1]), high: null })],
  [
    new RegExp(`^trippelestimat ${NUM} / ${NUM} / ${NUM} \\((triangel|PERT)\\)$`),
    (m) => ({ kind: `trippelestimat (${m[4]})`, low: Number(m[1]), mode: Number(m[2]), high: Number(m[3]) }),
  ],
  [new RegExp(`^uniform ${NUM}–${NUM}$`), (m) => ({ kind: "uniform", low: Number(m[1]), mode: null, high: Number(m[2]) })],
  [
    new RegExp(`^(normal|lognormal), 90 %-intervall ${NUM}–${NUM}$`),
    (m) => ({ kind: `${m[1]}, 90 %-intervall`, low: Number(m[2]), mode: null, high: Number(m[3]) }),
  ],
];

/** The kind and numbers of a distribution description: distributionColumns("uniform 2–4") gives uniform, 2, –, 4. */
export function distributionColumns(description: string): DistributionColumns {
  for (const [re, make] of PATTERNS) {
    const m = re.exec(description);
    if (m) return make(m);
  }
  return { kind: description, low: null, mode: null, high: null };
}

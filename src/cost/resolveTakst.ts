/**
 * Resolves one takst over a price span into honorar, refusjon and egenandel terms that keep honorar = refusjon +
 * egenandel in every draw. Per tariff period the published numbers are honorar (the tariff) and egenandel (set by
 * Stortinget); refusjon is what Helfo pays, honorar − egenandel. An uncertain honorar or egenandel becomes a model input
 * on ONE random stream per takst and period ("takst.2ad@2024-07-01"), so the two are drawn together (comonotone: a
 * high regulering raises both) and the refusjon term is their difference, exact in every draw.
 *
 *   dated entries (+ extrapolated years) -> days of the span per period -> honorar, egenandel inputs -> refusjon = H − E
 *
 * After the last dated period the takst is extended year by year with the regulering in
 * data/params/regulering/normaltariff.yaml: value(year k) = value(last) × Π (1 + rate), applied to lav, mest sannsynlig
 * and høy alike (a trippelestimat of the extrapolated value).
 */
import { pert } from "../distributions/spec";
import { UserError } from "../errors/userError";
import type { LinearTerm, ModelInput } from "../inputs/modelInput";
import type { ParamSet } from "../params/loadParams";
import { entriesOverSpan, entryAt, scalarFile, takstFile } from "../params/lookup";
import type { ParamNumber, TakstParamFile } from "../params/schema";
import { addDays, addYears } from "../time/isoDate";

/** The parameter file with the yearly regulering used to extend takster beyond their last period. */
export const TARIFF_REGULATION_ID = "regulering/normaltariff";

/** Tolerance (kr) when checking that a takst's refusjon is not negative at lav, mest sannsynlig and høy. */
const REFUSJON_TOLERANCE_NOK = 0.005;

export interface TakstTerms {
  honorar: LinearTerm;
  refusjon: LinearTerm;
  egenandel: LinearTerm;
}

type TakstEntry = TakstParamFile["values"][number];

interface Triple {
  lav: number;
  mest_sannsynlig: number;
  hoy: number;
}

const triple = (v: ParamNumber): Triple => (typeof v === "number" ? { lav: v, mest_sannsynlig: v, hoy: v } : v);

function scale(v: ParamNumber, rate: ParamNumber): ParamNumber {
  const r = triple(rate);
  if (typeof v === "number" && typeof rate === "number") return v * (1 + rate);
  const t = triple(v);
  return { lav: t.lav * (1 + r.lav), mest_sannsynlig: t.mest_sannsynlig * (1 + r.mest_sannsynlig), hoy: t.hoy * (1 + r.hoy) };
}

/**
 * The takst's dated entries, extended year by year (1 July – 30 June) with the regulering until `toExclusive` is
 * covered. Extended entries are marked status "uncertain" with a note.
 */
export function extendTakstEntries(params: ParamSet, values: ReadonlyArray<TakstEntry>, toExclusive: string): TakstEntry[] {
  const out = [...values];
  let last = out[out.length - 1]!;
  if (last.to >= addDays(toExclusive, -1)) return out;
  const reg = scalarFile(params, TARIFF_REGULATION_ID);
  while (last.to < addDays(toExclusive, -1)) {
    const from = addDays(last.to, 1);
    const rate = entryAt(reg.values, from, reg.file).value;
    const honorar = last.honorar === undefined ? undefined : scale(last.honorar, rate);
    const egenandel = scale(last.egenandel, rate);
    const refusjon = scale(last.refusjon, rate);
    last = {
      from,
      to: addDays(addYears(from, 1), -1),
      ...(honorar === undefined ? {} : { honorar }),
      refusjon,
      egenandel,
      status: "uncertain",
      note: `extrapolated from ${last.from} with the regulering in ${reg.file}`,
    };
    out.push(last);
  }
  return out;
}

/**
 * A scalar parameter's dated entries (basistilskudd) extended year by year with the same regulering (the takster and
 * basistilskudd are regulated together on 1 July), until `toExclusive` is covered.
 */
export function extendScalarEntries<E extends { from: string; to: string; value: ParamNumber; status: string; note?: string }>(
  params: ParamSet,
  values: ReadonlyArray<E>,
  toExclusive: string,
): E[] {
  const out = [...values];
  let last = out[out.length - 1]!;
  if (last.to >= addDays(toExclusive, -1)) return out;
  const reg = scalarFile(params, TARIFF_REGULATION_ID);
  while (last.to < addDays(toExclusive, -1)) {
    const from = addDays(last.to, 1);
    const rate = entryAt(reg.values, from, reg.file).value;
    last = {
      ...last,
      from,
      to: addDays(addYears(from, 1), -1),
      value: scale(last.value, rate),
      status: "uncertain",
      note: `extrapolated from ${last.from} with the regulering in ${reg.file}`,
    };
    out.push(last);
  }
  return out;
}

function addInput(inputs: ModelInput[], name: string, label: string, v: Triple, source: string, stream: string, streamLabel: string): number {
  let index = inputs.findIndex((i) => i.name === name);
  if (index >= 0) return index;
  index = inputs.length;
  inputs.push({
    name,
    label,
    unit: "kr",
    spec: pert(v),
    lower: 0,
    upper: Infinity,
    origin: "data",
    source,
    stream,
    streamLabel,
  });
  return index;
}

/** Adds weight × value to the term: a constant, or a model input on the takst-period stream. */
function addValue(
  term: LinearTerm,
  weight: number,
  v: ParamNumber,
  inputs: ModelInput[],
  name: string,
  label: string,
  source: string,
  stream: string,
  streamLabel: string,
) {
  if (typeof v === "number") {
    term.constant += weight * v;
    return;
  }
  term.parts.push({ index: addInput(inputs, name, label, v, source, stream, streamLabel), weight });
}

/**
 * Honorar, refusjon and egenandel of takst `code` averaged over the days of `span` (each period weighted by its share
 * of the days). Uncertain values are appended to `inputs`.
 */
export function resolveTakst(params: ParamSet, code: string, span: { from: string; toExclusive: string }, inputs: ModelInput[]): TakstTerms {
  const f = takstFile(params, code);
  const values = extendTakstEntries(params, f.values, span.toExclusive);
  const honorar: LinearTerm = { constant: 0, parts: [] };
  const refusjon: LinearTerm = { constant: 0, parts: [] };
  const egenandel: LinearTerm = { constant: 0, parts: [] };
  for (const { entry, weight } of entriesOverSpan(values, span.from, span.toExclusive, f.file)) {
    const stream = `takst.${code}@${entry.from}`;
    const streamLabel = `Takst ${code} (fra ${entry.from})`;
    const add = (term: LinearTerm, w: number, part: "honorar" | "refusjon" | "egenandel", v: ParamNumber) =>
      addValue(term, w, v, inputs, `takst.${code}.${part}@${entry.from}`, `Takst ${code}, ${part} (fra ${entry.from})`, f.file, stream, streamLabel);
    const e = triple(entry.egenandel);
    add(egenandel, weight, "egenandel", entry.egenandel);
    if (entry.honorar !== undefined) {
      const h = triple(entry.honorar);
      for (const k of ["lav", "mest_sannsynlig", "hoy"] as const) {
        if (h[k] - e[k] < -REFUSJON_TOLERANCE_NOK)
          throw new UserError(
            "params",
            `${f.file}: ${entry.from}`,
            `honorar ${h[k]} is below egenandel ${e[k]} (${k}): refusjon = honorar − egenandel must not be negative`,
          );
      }
      // Published: honorar (the tariff) and egenandel; refusjon = honorar − egenandel in every draw.
      add(honorar, weight, "honorar", entry.honorar);
      add(refusjon, weight, "honorar", entry.honorar);
      add(refusjon, -weight, "egenandel", entry.egenandel);
    } else {
      // No honorar in the file: refusjon is drawn and honorar = refusjon + egenandel.
      add(refusjon, weight, "refusjon", entry.refusjon);
      add(honorar, weight, "refusjon", entry.refusjon);
      add(honorar, weight, "egenandel", entry.egenandel);
    }
  }
  return { honorar, refusjon, egenandel };
}

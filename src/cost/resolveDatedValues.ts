/**
 * Resolves dated parameter values over the agreement-year into LinearTerms: each period the year overlaps contributes
 * its value weighted by its share of the days. A plain number adds to the constant; a trippelestimat becomes a model
 * input (sampled in Monte Carlo) named "<what>@<period start>". All periods of one value share the random stream
 * "<what>": they are estimated by chaining the yearly regulations, so they are high or low together.
 */
import { pert } from "../distributions/spec";
import { entriesOverSpan } from "../params/lookup";
import type { ParamNumber } from "../params/schema";
import type { LinearTerm, ModelInput } from "../inputs/modelInput";

interface DatedEntry {
  from: string;
  to: string;
}

/**
 * @param values   the dated entries of one parameter file
 * @param pick     which number of an entry to use (e.g. e => e.refusjon)
 * @param name     input name prefix, e.g. "takst.2ad.refusjon"
 * @param label    Norwegian label prefix, e.g. "Takst 2ad, refusjon"
 * @param inputs   the run's model inputs; uncertain values are appended here
 */
export function resolveOverSpan<E extends DatedEntry>(
  values: ReadonlyArray<E>,
  pick: (e: E) => ParamNumber,
  span: { from: string; toExclusive: string },
  file: string,
  name: string,
  label: string,
  unit: string,
  inputs: ModelInput[],
): LinearTerm {
  const term: LinearTerm = { constant: 0, parts: [] };
  for (const { entry, weight } of entriesOverSpan(values, span.from, span.toExclusive, file)) {
    const v = pick(entry);
    if (typeof v === "number") {
      term.constant += weight * v;
      continue;
    }
    const inputName = `${name}@${entry.from}`;
    let index = inputs.findIndex((i) => i.name === inputName);
    if (index < 0) {
      index = inputs.length;
      inputs.push({
        name: inputName,
        label: `${label} (fra ${entry.from})`,
        unit,
        spec: pert(v),
        lower: 0,
        upper: Infinity,
        origin: "data",
        source: file,
        stream: name,
        streamLabel: label,
      });
    }
    term.parts.push({ index, weight });
  }
  return term;
}

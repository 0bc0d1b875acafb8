/**
 * Domain checks on a schema-valid scenario: each input's distribution must stay within what the input can be
 * (a share in 0–1, a count >= 0, stillingsprosent >= the rule's minimum). The message names the exact field.
 */
import { UserError } from "../errors/userError";
import { COST_INPUTS } from "../inputs/costInputs";
import { describeDomain, domainBounds, minStillingsprosent } from "../inputs/inputDef";
import { FLOW_INPUTS } from "../inputs/flowInputs";
import { COHORT_INPUTS } from "../inputs/cohortInputs";
import { SLOT_INPUTS } from "../inputs/slotInputs";
import type { DistSpec } from "../distributions/spec";
import type { ParamSet } from "../params/loadParams";
import type { Scenario } from "./schema";

/** The fields of a spec that bound it, with their values, for precise messages. */
function boundingFields(spec: DistSpec): Array<[string, number]> {
  switch (spec.type) {
    case "fixed":
      return [["value", spec.value]];
    case "trippelestimat":
      return [
        ["lav", spec.lav],
        ["mest_sannsynlig", spec.mest_sannsynlig],
        ["hoy", spec.hoy],
      ];
    case "uniform":
      return [
        ["min", spec.min],
        ["max", spec.max],
      ];
    case "normal":
    case "lognormal":
      return [
        ["p5", spec.p5],
        ["p95", spec.p95],
      ];
    case "empirical":
      return spec.values.map((v, i) => [`values[${i}]`, v] as [string, number]);
  }
}

/**
 * @param setBy  inputs given on the command line (--set name=value): errors in them name the flag, not the file
 */
export function checkScenarioDomains(s: Scenario, where: string, params: ParamSet, setBy: ReadonlyMap<string, string> = new Map()): void {
  const minFte = minStillingsprosent(params, s.agreementYearStart);
  const flowSpecs = s.flows ? FLOW_INPUTS.map((d) => [d, (s.flows as unknown as Record<string, DistSpec>)[d.name]!, "flows"] as const) : [];
  const cohortSpecs = s.cohort ? COHORT_INPUTS.map((d) => [d, (s.cohort as unknown as Record<string, DistSpec>)[d.name]!, "cohort"] as const) : [];
  const slotSpecs = s.allocation ? SLOT_INPUTS.map((d) => [d, (s.allocation as unknown as Record<string, DistSpec>)[d.name]!, "allocation"] as const) : [];
  const specs = [
    ...COST_INPUTS.map((d) => [d, (s.inputs as Record<string, DistSpec>)[d.name]!, "inputs"] as const),
    ...flowSpecs,
    ...cohortSpecs,
    ...slotSpecs,
  ];
  for (const [def, spec, section] of specs) {
    const name = def.name;
    const [lo, hi] = domainBounds(def.domain, minFte);
    for (const [field, value] of boundingFields(spec)) {
      if (value < lo || value > hi) {
        const at = setBy.get(name) ?? `${where}: ${section}.${name}.${field}`;
        throw new UserError(setBy.has(name) ? "flag" : "scenario", at, `${value} is not allowed; ${name} is ${describeDomain(def.domain, minFte)}`);
      }
    }
  }
}

/**
 * Draws `n` values of each named input of a scenario section (cohort:, allocation:), each from its own seeded stream
 * "<prefix>.<name>", clamped to its domain: the per-replication parameters of a projection.
 */
import { domainBounds, type InputDef } from "./inputDef";
import { createSampler } from "../distributions/sampler";
import type { DistSpec } from "../distributions/spec";

export function sampleSection(defs: ReadonlyArray<InputDef>, section: object, seed: number, prefix: string, n: number): Record<string, Float64Array> {
  const specs = section as Record<string, DistSpec>;
  return Object.fromEntries(
    defs.map((d) => {
      const [lo, hi] = domainBounds(d.domain, 0);
      const out = new Float64Array(n);
      createSampler(specs[d.name]!, seed, `${prefix}.${d.name}`, lo, hi).fill(out);
      return [d.name, out];
    }),
  );
}

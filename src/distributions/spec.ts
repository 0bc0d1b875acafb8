/**
 * Distribution specs as Norwegian analysts write them, validated with zod:
 *   a number                              fixed value (shorthand)
 *   {type: fixed, value}                  fixed value
 *   {type: trippelestimat, lav, mest_sannsynlig, hoy, form: pert|triangel}   triple estimate (PERT by default)
 *   {type: uniform, min, max}
 *   {type: normal, p5, p95}               normal from a 90 % interval
 *   {type: lognormal, p5, p95}            lognormal from a 90 % interval (p5 > 0)
 *   {type: empirical, values: [...]}      resample a list of observations
 */
import { z } from "zod";

const finite = z.number().finite();

/** Where a value comes from: every input of the bundled default scenario carries a reason or a source. */
const meta = { reason: z.string().optional(), source: z.string().optional(), unit: z.string().optional() };

export const fixedSpec = z.strictObject({ type: z.literal("fixed"), value: finite, ...meta });
export const trippelSpec = z
  .strictObject({
    type: z.literal("trippelestimat"),
    lav: finite,
    mest_sannsynlig: finite,
    hoy: finite,
    form: z.enum(["pert", "triangel"]).default("pert"),
    ...meta,
  })
  .refine((t) => t.lav <= t.mest_sannsynlig && t.mest_sannsynlig <= t.hoy, {
    message: "trippelestimat requires lav <= mest_sannsynlig <= hoy",
  });
export const uniformSpec = z
  .strictObject({ type: z.literal("uniform"), min: finite, max: finite })
  .refine((u) => u.min <= u.max, { message: "uniform requires min <= max" });
export const normalSpec = z
  .strictObject({ type: z.literal("normal"), p5: finite, p95: finite })
  .refine((n) => n.p5 < n.p95, { message: "normal from a 90 % interval requires p5 < p95" });
export const lognormalSpec = z
  .strictObject({ type: z.literal("lognormal"), p5: finite, p95: finite })
  .refine((n) => n.p5 > 0 && n.p5 < n.p95, { message: "lognormal from a 90 % interval requires 0 < p5 < p95" });
export const empiricalSpec = z.strictObject({
  type: z.literal("empirical"),
  values: z.array(finite).min(1, "empirical needs at least one observation"),
  ...meta,
});

/** The distribution types, for messages. */
export const DIST_TYPES = ["fixed", "trippelestimat", "uniform", "normal", "lognormal", "empirical"] as const;

/**
 * A distribution spec with optional metadata (reason, source, unit). A bare number means a fixed value. The `type`
 * field selects the form, so a mistake is reported against that form's fields.
 */
export const distSpec = z.preprocess(
  (v) => (typeof v === "number" ? { type: "fixed", value: v } : v),
  z.discriminatedUnion("type", [fixedSpec, trippelSpec, uniformSpec, normalSpec, lognormalSpec, empiricalSpec], {
    error: (iss) => (iss.code === "invalid_union" ? `expected a number or an object with type one of ${DIST_TYPES.join(", ")}` : undefined),
  }),
);
export type DistSpec = z.infer<typeof distSpec>;

/** A fixed-value spec. */
export function fixed(value: number): DistSpec {
  return { type: "fixed", value };
}

/** A trippelestimat from the data files (lav, mest sannsynlig, høy) as the PERT it is sampled as. */
export function pert(t: { lav: number; mest_sannsynlig: number; hoy: number }): DistSpec {
  return { type: "trippelestimat", lav: t.lav, mest_sannsynlig: t.mest_sannsynlig, hoy: t.hoy, form: "pert" };
}

/** The smallest and largest value a spec can produce (infinite for normal tails, 0 for the lognormal's lower end). */
export function support(spec: DistSpec): [number, number] {
  switch (spec.type) {
    case "fixed":
      return [spec.value, spec.value];
    case "trippelestimat":
      return [spec.lav, spec.hoy];
    case "uniform":
      return [spec.min, spec.max];
    case "normal":
      return [-Infinity, Infinity];
    case "lognormal":
      return [0, Infinity];
    case "empirical": {
      // A loop, not Math.min(...values): a spread of 100 000+ observations overflows the call stack.
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of spec.values) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      return [lo, hi];
    }
  }
}

/** True when every draw of the spec is the same number. */
export function isDegenerate(spec: DistSpec): boolean {
  const [lo, hi] = support(spec);
  return lo === hi;
}

/** A short Norwegian description for tables, e.g. "trippelestimat 0,6 / 1 / 1 (PERT)". */
export function describeSpec(spec: DistSpec, fmt: (x: number) => string = String): string {
  switch (spec.type) {
    case "fixed":
      return `fast verdi ${fmt(spec.value)}`;
    case "trippelestimat":
      return `trippelestimat ${fmt(spec.lav)} / ${fmt(spec.mest_sannsynlig)} / ${fmt(spec.hoy)} (${spec.form === "triangel" ? "triangel" : "PERT"})`;
    case "uniform":
      return `uniform ${fmt(spec.min)}–${fmt(spec.max)}`;
    case "normal":
      return `normal, 90 %-intervall ${fmt(spec.p5)}–${fmt(spec.p95)}`;
    case "lognormal":
      return `lognormal, 90 %-intervall ${fmt(spec.p5)}–${fmt(spec.p95)}`;
    case "empirical":
      return `empirisk, ${spec.values.length} observasjoner`;
  }
}

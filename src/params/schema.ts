/**
 * zod schemas for the parameter files in data/params/: every value dated (from/to, inclusive), sourced and with a
 * unit. A number may be written as a trippelestimat when no source gave it (see data/README.md).
 */
import { z } from "zod";
import { isoDate } from "../time/isoDate";

export const reference = z.strictObject({
  title: z.string().min(1),
  href: z.string().min(1).optional(),
});

/** A trippelestimat in a parameter file: lav <= mest_sannsynlig <= hoy. */
export const paramTrippel = z
  .strictObject({ lav: z.number().finite(), mest_sannsynlig: z.number().finite(), hoy: z.number().finite() })
  .refine((t) => t.lav <= t.mest_sannsynlig && t.mest_sannsynlig <= t.hoy, {
    message: "trippelestimat requires lav <= mest_sannsynlig <= hoy",
  });

/** A parameter number: a plain number (observed or derived) or a trippelestimat (uncertain). */
export const paramNumber = z.union([z.number().finite(), paramTrippel]);
export type ParamNumber = z.infer<typeof paramNumber>;

export const valueStatus = z.enum(["observed", "derived", "uncertain"]);

const entryCommon = {
  from: isoDate,
  to: isoDate,
  status: valueStatus,
  note: z.string().optional(),
  reference: z.array(reference).optional(),
};

export const scalarEntry = z.strictObject({ ...entryCommon, value: paramNumber });
export const takstEntry = z
  .strictObject({ ...entryCommon, honorar: paramNumber.optional(), refusjon: paramNumber, egenandel: paramNumber })
  .refine(
    (e) =>
      typeof e.honorar !== "number" ||
      typeof e.refusjon !== "number" ||
      typeof e.egenandel !== "number" ||
      Math.abs(e.honorar - e.refusjon - e.egenandel) < 0.005,
    { message: "honorar must equal refusjon + egenandel" },
  );

const fileCommon = {
  description: z.string().min(1),
  unit: z.string().min(1),
  lastVerified: isoDate,
  reference: z.array(reference).min(1, "at least one reference {title, href} is required"),
};

export const scalarParamFile = z.strictObject({ ...fileCommon, values: z.array(scalarEntry).min(1) });
export const takstParamFile = z.strictObject({ ...fileCommon, values: z.array(takstEntry).min(1) });

export type ScalarParamFile = z.infer<typeof scalarParamFile>;
export type TakstParamFile = z.infer<typeof takstParamFile>;

/**
 * Folketrygden's share of the egenandel, on average and at the margin, from a population of patient groups and the
 * egenandelstak (frikort). For a group with c consultations a year at egenandel e, other godkjente egenandeler o and
 * yearly total g = c·e + o:
 *   exempt group (children under 16, other exemptions): folketrygden pays all c·e, and all of an extra consultation;
 *   others: folketrygden pays max(g − T, 0) in the year, the fastlege part of it in proportion c·e / g (consultations
 *   spread over the year); an EXTRA consultation adds max(g + e − T, 0) − max(g − T, 0) to what folketrygden pays.
 *   average  = Σ persons × paid fastlege egenandel / Σ persons × c·e
 *   marginal = Σ persons × c × extra / Σ persons × c × e      (extra consultations go to patients as their visits do)
 * Above the tak an extra consultation's egenandel falls on folketrygden in full, so the marginal share is at least
 * the average. The groups of the default population are in data/reference/egenandel-population.yaml.
 */
import * as path from "node:path";
import { z } from "zod";
import { describeZodIssue } from "../errors/formatZodError";
import { UserError } from "../errors/userError";
import { DATA_DIR, displayPath } from "../io/paths";
import { parseYaml } from "../io/parseYaml";
import { readText } from "../io/readText";
import type { ParamSet } from "../params/loadParams";
import { fixedScalarAt } from "../params/lookup";

/** Tolerance when checking that the groups' person shares add up to 1. */
const PERSON_SHARE_TOLERANCE = 1e-6;

export interface PatientGroup {
  name: string;
  label: string;
  /** Share of the population in the group (the shares add up to 1). */
  personShare: number;
  consultationsPerYear: number;
  /** Other godkjente egenandeler per person and year (medicines, specialists, physiotherapy …), in kr. */
  otherEgenandelNok: number;
  /** Exempt from egenandel (children under 16 and other exemptions): folketrygden pays it all. */
  exempt: boolean;
}

export interface ExemptShares {
  average: number;
  marginal: number;
  /** Per group: share of all consultations, average and marginal share paid by folketrygden. */
  groups: Array<{ name: string; label: string; consultationShare: number; average: number; marginal: number }>;
}

export function exemptEgenandelShares(groups: ReadonlyArray<PatientGroup>, takNok: number, egenandelPerConsultationNok: number): ExemptShares {
  if (!(takNok > 0)) throw new UserError("params", "egenandelstak", `the tak must be a positive amount in kr, got ${takNok}`);
  if (!(egenandelPerConsultationNok > 0))
    throw new UserError("params", "egenandelPerConsultationNok", `the egenandel per consultation must be positive, got ${egenandelPerConsultationNok}`);
  const shares = groups.reduce((a, g) => a + g.personShare, 0);
  if (groups.length === 0 || Math.abs(shares - 1) > PERSON_SHARE_TOLERANCE)
    throw new UserError("params", "groups", `the groups' personShare must add up to 1, got ${shares}`);
  const e = egenandelPerConsultationNok;
  let value = 0;
  let paid = 0;
  let visits = 0;
  let extraPaid = 0;
  const rows = groups.map((g) => {
    const fastlege = g.consultationsPerYear * e;
    const total = fastlege + g.otherEgenandelNok;
    const above = Math.max(total - takNok, 0);
    const groupPaid = g.exempt ? fastlege : total > 0 ? (fastlege * above) / total : 0;
    const extra = g.exempt ? e : Math.max(total + e - takNok, 0) - above;
    value += g.personShare * fastlege;
    paid += g.personShare * groupPaid;
    visits += g.personShare * g.consultationsPerYear;
    extraPaid += g.personShare * g.consultationsPerYear * extra;
    return {
      name: g.name,
      label: g.label,
      consultations: g.personShare * g.consultationsPerYear,
      average: fastlege > 0 ? groupPaid / fastlege : 0,
      marginal: extra / e,
    };
  });
  if (!(visits > 0)) throw new UserError("params", "groups", "the population has no consultations");
  return {
    average: paid / value,
    marginal: extraPaid / (visits * e),
    groups: rows.map((r) => ({ name: r.name, label: r.label, consultationShare: r.consultations / visits, average: r.average, marginal: r.marginal })),
  };
}

export const EGENANDEL_POPULATION_FILE = path.join(DATA_DIR, "reference", "egenandel-population.yaml");

const populationSchema = z.strictObject({
  description: z.string().min(1),
  lastVerified: z.unknown(),
  year: z.number().int(),
  reference: z.array(z.strictObject({ title: z.string(), href: z.string().optional() })).min(1),
  egenandelPerConsultationNok: z.number().positive(),
  egenandelNote: z.string().min(1),
  groups: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        label: z.string().min(1),
        personShare: z.number().min(0).max(1),
        consultationsPerYear: z.number().min(0),
        otherEgenandelNok: z.number().min(0),
        exempt: z.boolean(),
        status: z.enum(["observed", "derived", "uncertain"]),
        note: z.string().min(1),
      }),
    )
    .min(1),
});
export type EgenandelPopulation = z.infer<typeof populationSchema>;

export function loadEgenandelPopulation(file: string = EGENANDEL_POPULATION_FILE): EgenandelPopulation {
  const shown = displayPath(file);
  const parsed = populationSchema.safeParse(parseYaml(readText(file, "params"), shown, "params"));
  if (!parsed.success) {
    const { path: p, what } = describeZodIssue(parsed.error);
    throw new UserError("params", `${shown}: ${p}`, what);
  }
  return parsed.data;
}

/** The default population's average and marginal shares with the egenandelstak of its year (data/params/egenandelstak). */
export function defaultExemptShares(params: ParamSet): ExemptShares & { year: number; takNok: number } {
  const pop = loadEgenandelPopulation();
  const takNok = fixedScalarAt(params, "egenandelstak", `${pop.year}-01-01`);
  return { ...exemptEgenandelShares(pop.groups, takNok, pop.egenandelPerConsultationNok), year: pop.year, takNok };
}

/**
 * The directorate's allocation policy as explicit options (tildelingsbrev 2021): (a) main-purpose applications first;
 * (b) then by the number of permanently employed doctors in other general-practice work who need specialisation;
 * (c) discretion, written down: a minimum per helseregion, extra weight for low sentralitet, a cap per kommune; and
 * (b) as a size: no more agreements than doctors in need (sizeByNeed, on by default).
 * Read from YAML (--policy FILE) and validated; every option has a default that applies the letter's rules alone.
 */
import { z } from "zod";
import { UserError } from "../errors/userError";
import { describeZodIssue } from "../errors/formatZodError";
import { displayPath } from "../io/paths";
import { parseYaml } from "../io/parseYaml";
import { readText } from "../io/readText";

export const policySchema = z.strictObject({
  /** Most agreements nationally (default: data/params/budget/max_agreements). */
  cap: z.number().int().min(1, "cap must be 1 or more").optional(),
  /** Slots reserved for each helseregion's best-ranked applications before the tiers (0 = none). */
  minPerHelseregion: z.number().int().min(0).default(0),
  /** Priority score = doctors needing specialisation × (1 + this weight) when sentralitet ≥ lowSentralitetFrom. */
  lowSentralitetWeight: z.number().min(0).default(0),
  lowSentralitetFrom: z.number().int().min(1).max(6).default(5),
  /** Most agreements to one kommune in a round (default: no limit beyond what it requested). */
  maxPerKommune: z.number().int().min(1).optional(),
  /**
   * Criterion (b) sizes the grant: a kommune gets at most as many agreements as the doctors it states need
   * specialisation (the rest goes to the next in line). Off: it may get all it requested.
   */
  sizeByNeed: z.boolean().default(true),
});

export type AllocationPolicy = z.infer<typeof policySchema>;

export const DEFAULT_POLICY: AllocationPolicy = policySchema.parse({});

export function readPolicy(file: string): AllocationPolicy {
  return parsePolicy(readText(file, "io"), displayPath(file));
}

/** A policy from YAML text; `where` names the file in messages. */
export function parsePolicy(text: string, where: string): AllocationPolicy {
  const parsed = policySchema.safeParse(parseYaml(text, where, "io"));
  if (!parsed.success) {
    const { path, what } = describeZodIssue(parsed.error);
    throw new UserError("io", path ? `${where}: ${path}` : where, what);
  }
  return parsed.data;
}

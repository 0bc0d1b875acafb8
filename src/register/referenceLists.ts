/**
 * Reference lists the register's coded columns are checked against (data/reference/): specialist schemes
 * (specialist_scheme) and positions after the agreement (position_12m, position_24m), and the scheme's goals. Each
 * file is validated with zod and read once per process.
 */
import * as path from "node:path";
import { z } from "zod";
import { UserError } from "../errors/userError";
import { describeZodIssue } from "../errors/formatZodError";
import { DATA_DIR, displayPath } from "../io/paths";
import { parseYaml } from "../io/parseYaml";
import { readText } from "../io/readText";
import { isoDate } from "../time/isoDate";

const head = {
  description: z.string(),
  lastVerified: isoDate,
  reference: z.array(z.strictObject({ title: z.string(), href: z.string().optional() })).min(1),
};

const schemesSchema = z.strictObject({ ...head, codes: z.record(z.string(), z.strictObject({ label: z.string() })) });

const positionSchema = z.strictObject({
  label: z.string(),
  inKommune: z.boolean(),
  inGeneralPractice: z.boolean(),
  fastlege: z.boolean(),
  otherKommunalWork: z.boolean(),
});
const positionsSchema = z.strictObject({ ...head, codes: z.record(z.string(), positionSchema) });

const goalsSchema = z.strictObject({
  ...head,
  goals: z.array(z.strictObject({ id: z.string(), goal: z.string(), indicator: z.string() })).min(1),
});

export type PositionDef = z.infer<typeof positionSchema>;
export type SchemeGoal = z.infer<typeof goalsSchema>["goals"][number];

export const SPECIALIST_SCHEMES_FILE = path.join(DATA_DIR, "reference", "specialist-schemes.yaml");
export const POSITIONS_FILE = path.join(DATA_DIR, "reference", "positions.yaml");
export const SCHEME_GOALS_FILE = path.join(DATA_DIR, "reference", "scheme-goals.yaml");

function load<T>(file: string, schema: z.ZodType<T>): T {
  const shown = displayPath(file);
  const parsed = schema.safeParse(parseYaml(readText(file, "params"), shown, "params"));
  if (!parsed.success) {
    const { path: p, what } = describeZodIssue(parsed.error);
    throw new UserError("params", p ? `${shown}: ${p}` : shown, what);
  }
  return parsed.data;
}

const cache = new Map<string, unknown>();
function once<T>(file: string, schema: z.ZodType<T>): T {
  if (!cache.has(file)) cache.set(file, load(file, schema));
  return cache.get(file) as T;
}

/** The specialist scheme codes (new, old) of data/reference/specialist-schemes.yaml. */
export function specialistSchemeCodes(): string[] {
  return Object.keys(once(SPECIALIST_SCHEMES_FILE, schemesSchema).codes);
}

/** The position codes of data/reference/positions.yaml, each with the retention indicators it counts in. */
export function positionCodes(): ReadonlyMap<string, PositionDef> {
  return new Map(Object.entries(once(POSITIONS_FILE, positionsSchema).codes));
}

/** The scheme's goals and the indicator that answers each (data/reference/scheme-goals.yaml). */
export function schemeGoals(): { goals: SchemeGoal[]; reference: Array<{ title: string; href?: string }> } {
  const g = once(SCHEME_GOALS_FILE, goalsSchema);
  return { goals: g.goals, reference: g.reference };
}

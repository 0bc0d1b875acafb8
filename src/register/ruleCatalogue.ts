/**
 * The register rules R01–R19 as data (data/rules/introduksjonsavtale-regler.yaml): code, severity, Norwegian text,
 * the source it implements (and where it was found), how an ambiguous source is read (note), validity and the numbers
 * each rule uses. Validated with zod when loaded.
 */
import * as path from "node:path";
import { z } from "zod";
import { UserError } from "../errors/userError";
import { describeZodIssue } from "../errors/formatZodError";
import { DATA_DIR, displayPath } from "../io/paths";
import { parseYaml } from "../io/parseYaml";
import { readText } from "../io/readText";
import { sha256 } from "../io/sha256";
import { isoDate } from "../time/isoDate";

export const RULE_CODES = [
  "R01",
  "R02",
  "R03",
  "R04",
  "R05",
  "R06",
  "R07",
  "R08",
  "R09",
  "R10",
  "R11",
  "R12",
  "R13",
  "R14",
  "R15",
  "R16",
  "R17",
  "R18",
  "R19",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

const ruleSchema = z.strictObject({
  code: z.enum(RULE_CODES),
  severity: z.enum(["error", "warning"]),
  text: z.string().min(1),
  source: z.string().min(1),
  /** Where a public copy of the source was found. */
  href: z.string().url().optional(),
  /** How the rule reads a source that can be read more than one way (such rules are warnings). */
  note: z.string().min(1).optional(),
  validFrom: isoDate,
  validTo: isoDate.optional(),
  parameters: z.record(z.string(), z.union([z.number().finite(), isoDate])),
});

const catalogueSchema = z.strictObject({
  description: z.string(),
  lastVerified: isoDate,
  reference: z.array(z.strictObject({ title: z.string(), href: z.string().optional() })).min(1),
  rules: z.array(ruleSchema),
});

export type RuleDef = z.infer<typeof ruleSchema>;

export interface RuleCatalogue {
  file: string;
  sha256: string;
  rules: ReadonlyMap<RuleCode, RuleDef>;
}

export const RULES_FILE = path.join(DATA_DIR, "rules", "introduksjonsavtale-regler.yaml");

export function loadRuleCatalogue(file: string = RULES_FILE): RuleCatalogue {
  const shown = displayPath(file);
  const text = readText(file, "params");
  const parsed = catalogueSchema.safeParse(parseYaml(text, shown, "params"));
  if (!parsed.success) {
    const { path: p, what } = describeZodIssue(parsed.error);
    throw new UserError("params", p ? `${shown}: ${p}` : shown, what);
  }
  const rules = new Map(parsed.data.rules.map((r) => [r.code, r]));
  const missing = RULE_CODES.filter((c) => !rules.has(c));
  if (missing.length > 0) throw new UserError("params", shown, `rules missing: ${missing.join(", ")}`);
  return { file: shown, sha256: sha256(text), rules };
}

/** A numeric parameter of a rule, or a UserError naming the rule file. */
export function ruleNumber(cat: RuleCatalogue, code: RuleCode, name: string): number {
  const v = cat.rules.get(code)!.parameters[name];
  if (typeof v !== "number") throw new UserError("params", `${cat.file}: ${code}.parameters.${name}`, "expected a number");
  return v;
}

/** A date parameter of a rule (YYYY-MM-DD), or a UserError naming the rule file. */
export function ruleDate(cat: RuleCatalogue, code: RuleCode, name: string): string {
  const v = cat.rules.get(code)!.parameters[name];
  if (typeof v !== "string") throw new UserError("params", `${cat.file}: ${code}.parameters.${name}`, "expected a date YYYY-MM-DD");
  return v;
}

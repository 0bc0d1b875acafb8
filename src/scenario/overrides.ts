/**
 * `--set name=value` overrides: a quick what-if that replaces one named input with a fixed value (or sets one of the
 * scenario's settings). An unknown name is an error listing the names allowed.
 */
import { MAX_AGREEMENT_YEAR_INDEX, MAX_COUNT_INPUT } from "../constants";
import { UserError } from "../errors/userError";
import { EXEMPT_SHARE_BASES } from "../cost/section";
import { COST_INPUT_NAMES } from "../inputs/costInputs";
import { FLOW_INPUT_NAMES } from "../inputs/flowInputs";

import type { Override } from "../inputs/override";

export type { Override };

/** Scenario settings --set may change besides the inputs: a date, a whole number within its range, or one of a list. */
const SETTINGS: Readonly<Record<string, { type: "date" } | { type: "count"; min: number; max: number } | { type: "choice"; values: readonly string[] }>> = {
  agreements: { type: "count", min: 0, max: MAX_COUNT_INPUT },
  agreementYearStart: { type: "date" },
  agreementYearIndex: { type: "count", min: 1, max: MAX_AGREEMENT_YEAR_INDEX },
  exemptShareBasis: { type: "choice", values: EXEMPT_SHARE_BASES },
};

/** A decimal number as analysts type it: optional sign, digits, a decimal point or comma (0.5, 0,5, -3, .25); no 1e3, 0x1, Infinity. */
const DECIMAL = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/** Parses "name=value" strings and writes them into the raw (not yet validated) scenario object. */
export function applyOverrides(raw: Record<string, unknown>, sets: ReadonlyArray<string>): Override[] {
  const out: Override[] = [];
  for (const s of sets) {
    const eq = s.indexOf("=");
    if (eq <= 0) throw new UserError("flag", `--set ${s}`, "expected name=value, e.g. --set substitutionShare=0.5");
    const name = s.slice(0, eq).trim();
    const text = s.slice(eq + 1).trim();
    const isInput = COST_INPUT_NAMES.includes(name);
    const isFlowInput = FLOW_INPUT_NAMES.includes(name);
    // Own keys only: "__proto__" or "constructor" must not find Object.prototype's members.
    const setting = Object.hasOwn(SETTINGS, name) ? SETTINGS[name] : undefined;
    if (!isInput && !isFlowInput && !setting) {
      throw new UserError(
        "flag",
        `--set ${s}`,
        `unknown name "${name}"; allowed: ${[...COST_INPUT_NAMES, ...FLOW_INPUT_NAMES, ...Object.keys(SETTINGS)].join(", ")}`,
      );
    }
    if (setting?.type === "choice" && !setting.values.includes(text))
      throw new UserError("flag", `--set ${s}`, `"${text}" is not allowed; ${name} must be one of ${setting.values.join(", ")}`);
    if (setting?.type === "date" || setting?.type === "choice") {
      raw[name] = text;
      out.push({ name, value: text });
      continue;
    }
    const value = Number(text.replace(",", "."));
    if (!DECIMAL.test(text) || !Number.isFinite(value))
      throw new UserError("flag", `--set ${s}`, `"${text}" is not a decimal number; write e.g. ${name}=0.5 or ${name}=0,5`);
    if (setting?.type === "count" && !(Number.isInteger(value) && value >= setting.min && value <= setting.max))
      throw new UserError("flag", `--set ${s}`, `"${text}" is not allowed; ${name} must be a whole number from ${setting.min} to ${setting.max}`);
    if (isInput || isFlowInput) {
      const section = isInput ? "inputs" : "flows";
      if (isFlowInput && (typeof raw.flows !== "object" || raw.flows === null)) {
        throw new UserError("flag", `--set ${s}`, "the scenario has no flows section to override; add one (see data/scenarios/standard.yaml)");
      }
      const target = (typeof raw[section] === "object" && raw[section] !== null ? raw[section] : (raw[section] = {})) as Record<string, unknown>;
      target[name] = { type: "fixed", value, reason: "--set on the command line" };
    } else {
      raw[name] = value;
    }
    out.push({ name, value });
  }
  return out;
}

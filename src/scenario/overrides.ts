/**
 * `--set name=value` overrides: a quick what-if that replaces one named input with a fixed value (or sets one of the
 * scenario's settings). An unknown name is an error listing the names allowed.
 */
import { UserError } from "../errors/userError";
import { COST_INPUT_NAMES } from "../inputs/costInputs";
import { FLOW_INPUT_NAMES } from "../inputs/flowInputs";

import type { Override } from "../inputs/override";

export type { Override };

/** Scenario settings --set may change besides the inputs. */
const SETTINGS: Record<string, "number" | "date"> = {
  agreements: "number",
  agreementYearStart: "date",
  agreementYearIndex: "number",
};

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
    const setting = SETTINGS[name];
    if (!isInput && !isFlowInput && !setting) {
      throw new UserError(
        "flag",
        `--set ${s}`,
        `unknown name "${name}"; allowed: ${[...COST_INPUT_NAMES, ...FLOW_INPUT_NAMES, ...Object.keys(SETTINGS)].join(", ")}`,
      );
    }
    if (setting === "date") {
      raw[name] = text;
      out.push({ name, value: text });
      continue;
    }
    const value = Number(text.replace(",", "."));
    if (text === "" || !Number.isFinite(value)) throw new UserError("flag", `--set ${s}`, `"${text}" is not a number`);
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

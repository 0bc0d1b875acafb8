/**
 * What a named input is: its identifier, Norwegian label, unit, domain (the values it may take) and meaning. Every
 * capability's catalogue (cost, flows, cohort, slots) is a list of these; scenarios give each as a distribution.
 */
import type { ParamSet } from "../params/loadParams";
import { fixedScalarAt } from "../params/lookup";
import { MAX_AMOUNT_INPUT_NOK, MAX_COUNT_INPUT } from "../constants";

export type InputDomain = "share" | "count" | "amount" | "weeks" | "months" | "stillingsprosent";

export interface InputDef {
  /** Identifier used in scenario files and --set. */
  name: string;
  /** Norwegian label for tables and charts. */
  label: string;
  /** Unit, in words. */
  unit: string;
  domain: InputDomain;
  /** The takst this input counts per consultation, when it is a takst-mix input. */
  takst?: string;
  /** What the input means, in one sentence (shown in errors and the assumptions table). */
  help: string;
}

/** Lower and upper bound of a domain; the stillingsprosent minimum comes from data (rules/min_stillingsprosent). */
export function domainBounds(domain: InputDomain, minStillingsprosent: number): [number, number] {
  switch (domain) {
    case "share":
      return [0, 1];
    case "stillingsprosent":
      return [minStillingsprosent, 1];
    case "weeks":
      return [0, 52];
    case "months":
      return [0, 12];
    case "count":
      return [0, MAX_COUNT_INPUT];
    case "amount":
      return [0, MAX_AMOUNT_INPUT_NOK];
  }
}

/** Words for a domain in messages, e.g. "a share: 0 to 1". */
export function describeDomain(domain: InputDomain, minStillingsprosent: number): string {
  const [lo, hi] = domainBounds(domain, minStillingsprosent);
  switch (domain) {
    case "share":
      return "a share or probability: 0 to 1";
    case "stillingsprosent":
      return `a share of full time: ${lo} to ${hi} (the rules require at least ${lo * 100} %)`;
    case "weeks":
      return "weeks per year: 0 to 52";
    case "months":
      return "months: 0 to 12";
    case "count":
      return `a count: 0 to ${MAX_COUNT_INPUT}`;
    case "amount":
      return `an amount in kroner: 0 to ${MAX_AMOUNT_INPUT_NOK}`;
  }
}

/** The rules' minimum stillingsprosent on a date (data/params/rules/min_stillingsprosent). */
export function minStillingsprosent(params: ParamSet, date: string): number {
  return fixedScalarAt(params, "rules/min_stillingsprosent", date);
}

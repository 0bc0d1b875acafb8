/**
 * Parsers for CLI flag values. Each declares the range it allows, and a bad value is one message naming the flag's
 * value and that range (commander prefixes the flag: "option '--seed <s>' argument 'x' is invalid."). Numbers are
 * whole decimal numbers only (no 1e3, 0x10, Infinity), and a value beyond the range is shown as typed, never as 1e+23.
 */
import { InvalidArgumentError, type Command } from "commander";
import { FLAG_DATE_MAX, FLAG_DATE_MIN, MAX_COUNT_INPUT, MAX_DRAWS, MAX_REPLICATIONS, MAX_SIMULATION_MONTHS } from "../constants";
import { isIsoDate } from "../time/isoDate";
import { unknownLangMessage } from "../i18n/cliMessages";
import { DEFAULT_LANG, LANGS, type Lang } from "../i18n/messages";

/** The largest seed: the Mersenne Twister takes a 32-bit unsigned seed. */
export const MAX_SEED = 2 ** 32 - 1;

/** A whole-number flag from `min` to `max`; `what` names it in the message, `example` shows a good value. */
function wholeNumber(what: string, min: number, max: number, example: string): (v: string) => number {
  return (v: string) => {
    const text = v.trim();
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min || n > max)
      throw new InvalidArgumentError(`"${v}" is not allowed; ${what} must be a whole number from ${min} to ${max}, e.g. ${example}`);
    return n;
  };
}

export const parseDraws = wholeNumber("draws", 1, MAX_DRAWS, "--draws 100000");
export const parseSeed = wholeNumber("seed", 0, MAX_SEED, "--seed 1");
export const parseCap = wholeNumber("the cap (agreements)", 1, MAX_COUNT_INPUT, "--cap 65");
export const parseMonths = wholeNumber("months", 1, MAX_SIMULATION_MONTHS, "--months 48");
export const parseReplications = wholeNumber("replications", 1, MAX_REPLICATIONS, "--replications 1000");
/** --horizon: the last year a slot simulation and budget run through (from the scheme's start in 2022). */
export const parseHorizon = wholeNumber("the horizon (a year)", 2022, 2060, "--horizon 2030");
/** Sobol base samples: N × (factors + 2) evaluations, bounded like draws. */
export const parseSobolSamples = wholeNumber("the Sobol sample size", 1, MAX_DRAWS, "--sobol 4096");

/** Collects repeated --set name=value flags. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A date flag, YYYY-MM-DD, from FLAG_DATE_MIN to FLAG_DATE_MAX (--as-of 1900-01-01 is a typo, refused here, not in a data lookup). */
export function parseIsoDateFlag(v: string): string {
  if (!isIsoDate(v)) throw new InvalidArgumentError(`"${v}" is not a date written YYYY-MM-DD`);
  if (v < FLAG_DATE_MIN || v > FLAG_DATE_MAX)
    throw new InvalidArgumentError(`"${v}" is not allowed; the date must be from ${FLAG_DATE_MIN} to ${FLAG_DATE_MAX}`);
  return v;
}

/** --max-input-mb: the largest input file in MB (raises the limits of src/io/readText). */
export function parseMaxInputMb(v: string): number {
  const text = v.trim();
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(n > 0) || n > 1024 * 1024)
    throw new InvalidArgumentError(`"${v}" is not allowed; give the largest input file in MB, a number above 0, e.g. --max-input-mb 100`);
  return n;
}

/** --lang: the language of tables and messages for analysts, nb (bokmål, the default) or en. */
export function parseLang(v: string): Lang {
  const lang = LANGS.find((l) => l === v.trim().toLowerCase());
  if (!lang) throw new InvalidArgumentError(unknownLangMessage(v, LANGS));
  return lang;
}

/** The --lang a command runs with (a global option: given before or after the command's name). */
export function langOf(cmd: Command): Lang {
  return cmd.optsWithGlobals<{ lang?: Lang }>().lang ?? DEFAULT_LANG;
}

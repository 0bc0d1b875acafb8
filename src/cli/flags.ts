/** Parsers for numeric CLI flags: a bad value is one clear message naming the flag and what is allowed. */
import { InvalidArgumentError } from "commander";
import { MAX_DRAWS } from "../constants";
import { isIsoDate } from "../time/isoDate";

export function parseDraws(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < 1 || n > MAX_DRAWS) {
    throw new InvalidArgumentError(`"${v}" is not allowed; draws must be a whole number from 1 to ${MAX_DRAWS}, e.g. --draws 100000`);
  }
  return n;
}

export function parseSeed(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n > 2 ** 32 - 1) throw new InvalidArgumentError(`"${v}" is not allowed; seed must be a whole number from 0 to 4294967295`);
  return n;
}

/** Collects repeated --set name=value flags. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseIsoDateFlag(v: string): string {
  if (!isIsoDate(v)) throw new InvalidArgumentError(`"${v}" is not a date written YYYY-MM-DD`);
  return v;
}

export function parseCap(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < 1) throw new InvalidArgumentError(`"${v}" is not allowed; the cap must be a whole number of agreements, 1 or more`);
  return n;
}

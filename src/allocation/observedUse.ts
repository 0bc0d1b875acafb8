/**
 * The observed number of agreements in use (data/params/national/introduksjonsavtaler_i_bruk.yaml): the point the slot
 * simulation is calibrated against, drawn on the timeline chart. Absent from a parameter folder without the file.
 */
import type { ParamSet } from "../params/loadParams";

export const OBSERVED_IN_USE_ID = "national/introduksjonsavtaler_i_bruk";

export interface ObservedUse {
  date: string;
  inPlace: number;
  source: string;
}

/** The latest observation, or undefined when the parameter folder has none. */
export function observedInUse(params: ParamSet): ObservedUse | undefined {
  const f = params.scalars.get(OBSERVED_IN_USE_ID);
  const last = f?.values[f.values.length - 1];
  if (!f || !last || typeof last.value !== "number") return undefined;
  return { date: last.from, inPlace: last.value, source: f.reference?.[0]?.title.replace(/ \(.*\)$/, "") ?? OBSERVED_IN_USE_ID };
}

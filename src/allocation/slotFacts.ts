/** The slot simulation's facts the budget text needs (src/budget/budgetText.ts), from a simulation or its summary. */
import type { SlotRunFacts } from "../budget/budgetText";
import type { SlotSimulation } from "./simulateSlots";

export function slotRunFacts(sim: Pick<SlotSimulation, "rounds" | "freedSlots" | "decisionDate" | "timeline" | "calibration">): SlotRunFacts {
  const c = sim.calibration;
  return {
    rounds: sim.rounds?.length ?? 0,
    freedSlots: sim.freedSlots ?? "firstRoundOnly",
    firstYear: Number(sim.decisionDate.slice(0, 4)),
    lastYear: Number(sim.timeline[sim.timeline.length - 1]!.date.slice(0, 4)),
    ...(c
      ? { calibration: { accepted: c.accepted, priorDraws: c.priorDraws, target: c.target, fitted: c.parameters.filter((p) => p.fitted).map((p) => p.name) } }
      : {}),
  };
}

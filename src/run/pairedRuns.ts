/**
 * Paired comparisons for a run of several scenarios (issue 19): every scenario after the first against the first,
 * draw by draw (src/analysis/pairedComparison.ts), with a difference chart each. Runs with another seed or number of
 * draws cannot be paired; they are listed with the reason instead.
 */
import { comparePaired, pairedDraws, type PairedComparison } from "../analysis/pairedComparison";
import { differenceSpec } from "../charts/differenceChart";
import type { ChartSpec } from "../charts/render";
import type { ScenarioRun } from "../results/scenarioResults";

export function pairedComparisons(runs: ReadonlyArray<ScenarioRun>): {
  comparisons: PairedComparison[];
  skipped: string[];
  charts: Array<{ name: string; caption: string; spec: ChartSpec }>;
} {
  const [first, ...rest] = runs;
  const comparisons: PairedComparison[] = [];
  const skipped: string[] = [];
  const charts: Array<{ name: string; caption: string; spec: ChartSpec }> = [];
  if (!first?.paired) return { comparisons, skipped, charts };
  const a = first.paired;
  for (const run of rest) {
    const b = run.paired;
    if (!b) continue;
    if (a.run.report.seed !== b.run.report.seed || a.run.report.draws !== b.run.report.draws) {
      skipped.push(
        `«${b.run.report.scenario.title}» er ikke sammenlignet parvis: frø eller antall trekk er ulikt (${b.run.report.seed} / ${b.run.report.draws} mot ${a.run.report.seed} / ${a.run.report.draws}).`,
      );
      continue;
    }
    const c = comparePaired(a.run, b.run, a.scenario, b.scenario);
    comparisons.push(c);
    charts.push({
      name: `parvis-${c.b.name}`,
      caption: `Forskjellen i netto merutgift per avtaleår, «${c.b.title}» minus «${c.a.title}», trekk for trekk.`,
      spec: differenceSpec(c, pairedDraws(a.run, b.run).sort()),
    });
  }
  return { comparisons, skipped, charts };
}

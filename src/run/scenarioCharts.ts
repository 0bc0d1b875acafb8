/**
 * The chart catalogue of one scenario run, in report order: name (the file name), the spec, and a Norwegian caption.
 * Every chart gets the run's context line (scenario and date) in its subtitle.
 */
import { slotTimelineSpec } from "../charts/allocationCharts";
import { budgetPathSpec } from "../charts/budgetChart";
import { costDistributionSpec } from "../charts/costDistributionChart";
import { partyEffectsSpec, partyWaterfallSpec } from "../charts/flowsCharts";
import type { ChartSpec } from "../charts/render";
import { sobolSpec } from "../charts/sobolChart";
import { shapleySpec } from "../charts/shapleyChart";
import { runSubtitle, withRunContext } from "../charts/subtitle";
import { tornadoSpec } from "../charts/tornadoChart";
import { isoCostSpec } from "../charts/breakEvenCharts";
import { voiSpec } from "../charts/voiChart";
import type { ScenarioRun } from "../results/scenarioResults";

export interface CatalogueEntry {
  name: string;
  caption: string;
  spec: ChartSpec;
}

export function scenarioCharts(run: ScenarioRun): CatalogueEntry[] {
  const r = run.results;
  const title = r.scenario.title;
  const date = r.manifest.date;
  const sub = runSubtitle(title, date);
  const flows = r.flows ? Object.values(r.flows) : [];
  const entries: CatalogueEntry[] = [
    {
      name: "kostnadsfordeling",
      caption: "Fordelingen av netto merutgift per avtaleår, med anslaget på 500 000 kr, P50 og P85.",
      spec: costDistributionSpec(r.cost, run.sortedNet),
    },
    { name: "tornado", caption: "Hvilke forutsetninger flytter resultatet mest, én og én (P10 til P90).", spec: tornadoSpec(r.cost) },
    ...(r.cost.sobol && !r.cost.correlations
      ? [{ name: "sobol", caption: "Global følsomhet: andel av variansen hver forutsetning forklarer, alene og med samspill.", spec: sobolSpec(r.cost) }]
      : []),
    ...(r.cost.shapley
      ? [
          {
            name: "shapley",
            caption: "Shapley-effekter: andel av variansen hver forutsetning står for, også når forutsetningene er korrelerte.",
            spec: shapleySpec(r.cost),
          },
        ]
      : []),
    ...(flows.length
      ? [
          { name: "strommer-parter", caption: "Hvem vinner og taper: netto virkning per part, begge ansettelsesformer.", spec: partyEffectsSpec(flows) },
          { name: "strommer-kommunen", caption: "Kommunens netto virkning, trinn for trinn.", spec: partyWaterfallSpec(flows, "kommune") },
          { name: "strommer-fastleger", caption: "De avgivende fastlegenes netto virkning, trinn for trinn.", spec: partyWaterfallSpec(flows, "fastleger") },
        ]
      : []),
    ...(r.allocation
      ? [{ name: "tildeling-tidslinje", caption: "Avtaler i bruk per måned mot taket.", spec: slotTimelineSpec(r.allocation, sub, r.allocation.observed) }]
      : []),
    ...(r.budget
      ? [
          {
            name: "budsjettbane",
            caption: "Folketrygdens utgifter per budsjettår (P50–P85) mot bevilgningen på kap. 2755 post 70.",
            spec: budgetPathSpec(r.budget, sub),
          },
        ]
      : []),
    ...(r.decision?.isoCost
      ? [
          {
            name: "iso-kostnad",
            caption: "Kombinasjonene av to forutsetninger der kostnaden er lik målet, og sannsynligheten for å overstige det.",
            spec: isoCostSpec(r.decision.isoCost, title),
          },
        ]
      : []),
    ...(r.decision?.voi
      ? [
          {
            name: "verdi-av-informasjon",
            caption: "Hva det er verdt å kjenne hver forutsetning for valget av budsjettpost (EVPPI, kr per år).",
            spec: voiSpec(r.decision.voi, title),
          },
        ]
      : []),
  ];
  return entries.map((e) => ({ ...e, spec: withRunContext(e.spec, title, date) }));
}

/**
 * "Hva det betyr": the report's reading of its own numbers, generated from results (never typed by hand, so it cannot
 * go stale when an assumption changes): which way the answer goes and how sure it is, what drives it, how the
 * bottom-up result squares with the top-down check, and what it means for the budget line.
 * Every number carries data-key / data-value (its path in results.json) so a test can hold the text to the results.
 */
import type { ScenarioResults } from "../results/scenarioResults";
import { formatMillNok, formatNok, formatPercent } from "../format/norwegian";
import { escapeHtml } from "./htmlTable";

/** A key number: shown formatted, with its path in results.json and its raw value for checks. */
export function num(key: string, value: number, shown: string): string {
  return `<span class="num" data-key="${escapeHtml(key)}" data-value="${value}">${escapeHtml(shown)}</span>`;
}

/** How sure, in words, from the share of draws above the reference (the cut-offs of the usual verbal scale: 10 / 33 / 67 / 90 %). */
export function certaintyWords(shareAbove: number): string {
  if (shareAbove < 0.1) return "nesten sikkert under";
  if (shareAbove < 1 / 3) return "trolig under";
  if (shareAbove <= 2 / 3) return "omtrent like sannsynlig over som under";
  if (shareAbove <= 0.9) return "trolig over";
  return "nesten sikkert over";
}

/**
 * The paragraphs of "Hva det betyr" for one scenario (`prefix` is the path of these results in results.json). Takes a
 * run's results, or just a cost report (`{ cost: run.report }`, as notebooks have): the budget path is then left out.
 */
export function meaningParagraphs(r: Pick<ScenarioResults, "cost"> & Partial<Pick<ScenarioResults, "budget">>, prefix = ""): string[] {
  const c = r.cost;
  const k = (path: string) => `${prefix}cost.${path}`;
  const out: string[] = [];
  out.push(
    `<p><strong>Retning og sikkerhet.</strong> Kostnaden per avtaleår ligger ${certaintyWords(c.shareAbove500k)} anslaget på ${formatNok(c.referenceCostNok)}: ` +
      `medianen er ${num(k("p50"), c.p50, formatNok(c.p50))}, og ${num(k("shareAbove500k"), c.shareAbove500k, formatPercent(c.shareAbove500k))} av trekkene ligger over anslaget. ` +
      `Åtte av ti utfall ligger mellom ${num(k("p10"), c.p10, formatNok(c.p10))} og ${num(k("p90"), c.p90, formatNok(c.p90))}.</p>`,
  );
  const top = c.tornado.rows[0];
  if (top) {
    const i = 0;
    const lo = Math.min(top.outputAtLow, top.outputAtHigh);
    const hi = Math.max(top.outputAtLow, top.outputAtHigh);
    const second = c.tornado.rows[1];
    out.push(
      `<p><strong>Hva som driver svaret.</strong> ${escapeHtml(top.label)} betyr mest: fra P10 til P90 flytter den resultatet mellom ${formatNok(lo)} og ${formatNok(hi)} ` +
        `(utslag ${num(k(`tornado.rows.${i}.swing`), top.swing, formatNok(top.swing))})` +
        (second ? `; deretter ${escapeHtml(second.label)} (utslag ${num(k("tornado.rows.1.swing"), second.swing, formatNok(second.swing))}).` : ".") +
        ` Å vite mer om ${escapeHtml(top.label.toLowerCase())} er det som mest ville gjort anslaget sikrere.</p>`,
    );
  }
  const noisy = (c.sobol?.indices ?? []).map((s, i) => ({ s, i })).filter(({ s }) => s.firstOrder > s.total);
  if (c.sobol && noisy.length > 0) {
    const { s, i } = noisy[0]!;
    out.push(
      `<p><strong>Usikkerhet i følsomhetsmålene.</strong> For ${escapeHtml(s.label)} er førsteordens indeks (${num(k(`sobol.indices.${i}.firstOrder`), s.firstOrder, formatPercent(s.firstOrder, 0))}) ` +
        `høyere enn total indeks (${num(k(`sobol.indices.${i}.total`), s.total, formatPercent(s.total, 0))}). Det kan ikke være sant for de virkelige indeksene; ` +
        `det er estimeringsstøy med N = ${c.sobol.samples}. Små indekser bør leses som «nær null», og rangeringen av de minste forutsetningene er usikker.</p>`,
    );
  }
  const t = c.topDown;
  const gap = t.differenceNok;
  const larger = Math.abs(t.rateEffectNok) >= Math.abs(t.specialistAddOnEffectNok) ? "satsen" : "spesialisttillegget";
  out.push(
    `<p><strong>Avstemming ovenfra og ned.</strong> Landets refusjon per fastlegekonsultasjon (${t.referenceYear}) ganget med introduksjonslegens konsultasjoner og den delen som ikke er substitusjon, ` +
      `gir ${num(k("topDown.topDownNetNok"), t.topDownNetNok, formatNok(t.topDownNetNok))} per avtaleår, mot ${num(k("topDown.bottomUpNetNok"), t.bottomUpNetNok, formatNok(t.bottomUpNetNok))} nedenfra og opp ` +
      `(forskjell ${num(k("topDown.differenceNok"), gap, formatNok(gap))}). Forskjellen deler seg nøyaktig i to: ` +
      `satsen – landets gjennomsnittlige refusjon per konsultasjon mot modellens takstmiks, med prisendringen siden ${t.referenceYear} – ` +
      `${num(k("topDown.rateEffectNok"), t.rateEffectNok, formatNok(t.rateEffectNok))}, og spesialisttillegget fastlegene ville tatt for arbeidet som flyttes, ` +
      `${num(k("topDown.specialistAddOnEffectNok"), t.specialistAddOnEffectNok, formatNok(t.specialistAddOnEffectNok))}. ` +
      `Den største delen er ${larger}; avstemmingen forklarer avviket og er ingen grunn til å bytte anslag.</p>`,
  );
  const n = c.national;
  const b = r.budget;
  const worstIndex = b ? b.years.reduce((a, y, i) => (y.nok.p85 > b.years[a]!.nok.p85 ? i : a), 0) : -1;
  const worst = b?.years[worstIndex];
  const under = n.p85 <= n.budgetLineNok;
  out.push(
    `<p><strong>Budsjettet.</strong> Med alle ${n.agreements} avtaler i bruk hele året er P85 ${num(k("national.p85"), n.p85, formatMillNok(n.p85))}, ` +
      `${under ? "innenfor" : "over"} bevilgningen på ${num(k("national.budgetLineNok"), n.budgetLineNok, formatMillNok(n.budgetLineNok))}` +
      ` (${num(k("national.shareAboveBudgetLine"), n.shareAboveBudgetLine, formatPercent(n.shareAboveBudgetLine))} av trekkene over).` +
      (worst
        ? ` Med avtalene som faktisk tas i bruk, er høyeste P85 ${num(`${prefix}budget.years.${worstIndex}.nok.p85`, worst.nok.p85, formatMillNok(worst.nok.p85))} i ${worst.year}; ` +
          (b!.years.every((y) => y.nok.p85 <= y.budgetLineNok)
            ? "bevilgningen holder i alle år med 85 % sikkerhet."
            : "i minst ett år er det mer enn 15 % sjanse for å gå over bevilgningen.")
        : "") +
      "</p>",
  );
  return out;
}

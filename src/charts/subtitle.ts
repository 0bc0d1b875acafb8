/** The context line every chart's subtitle carries: which scenario and when it was run ("Scenario «…» · 23.11.2026"). */
import { formatDate } from "../format/norwegian";

export function runSubtitle(scenarioTitle: string, date: string): string {
  return `Scenario «${scenarioTitle}» · kjørt ${formatDate(date)}`;
}

type Titled = { title?: unknown };

/**
 * Adds the run's context line to a chart's subtitle (as the last line). When the subtitle already names the scenario,
 * only the date is added; when it already carries the date, nothing is. Returns a new spec; the input is not changed.
 */
export function withRunContext<T extends object>(spec: T, scenarioTitle: string, date: string): T {
  const t = (spec as Titled).title;
  const title = typeof t === "string" ? { text: t } : { ...(t as { text: string; subtitle?: string | string[] }) };
  const lines = title.subtitle === undefined ? [] : Array.isArray(title.subtitle) ? [...title.subtitle] : [title.subtitle];
  const named = lines.some((l) => l.includes(`«${scenarioTitle}»`));
  if (!lines.some((l) => l.includes(formatDate(date)))) lines.push(named ? `Kjørt ${formatDate(date)}.` : `${runSubtitle(scenarioTitle, date)}.`);
  return { ...spec, title: { ...title, subtitle: lines.filter((l) => l !== "") } };
}

/** The context line of a chart that compares several scenarios. */
export function comparisonSubtitle(count: number, date: string): string {
  return `${count} scenarioer · kjørt ${formatDate(date)}`;
}

/**
 * Everything `introsim run` writes, built in memory as file name -> content (then written as one folder, atomically):
 * results.json, manifest.json, report.html, results.xlsx, each chart as .svg/.vl.json (and .png with `png`), and with `csv` the
 * tables as CSV in Norwegian Excel format (csv/<table>.csv). For several scenarios: a sub-folder per scenario and the
 * comparison (table, charts, report) at the top.
 */
import { comparisonSheet, scenarioSheets } from "../export/resultSheets";
import { sheetCsv } from "../export/csv";
import { workbookBytes } from "../export/xlsx";
import type { ChartSpec } from "../charts/render";
import { comparisonSubtitle } from "../charts/subtitle";
import { budgetComparisonSpec, scenarioComparisonSpec } from "../charts/comparisonChart";
import { comparisonReportHtml, scenarioReportHtml, type ReportChart, type ReportScenario } from "../report/reportHtml";
import { collectSources, type SourceRef } from "../report/sources";
import { loadParams } from "../params/loadParams";
import type { ScenarioRun } from "../results/scenarioResults";
import { scenarioCharts } from "./scenarioCharts";
import { pairedComparisons } from "./pairedRuns";
import { pairedSection } from "../report/uncertaintySection";

export interface OutputOptions {
  /** Also write the tables as CSV with Norwegian Excel conventions. */
  csv?: boolean;
  /** Also write every chart as PNG (resvg at 2×, most of the charts' cost); the report uses the SVG either way. */
  png?: boolean;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

async function render(
  entries: ReadonlyArray<{ name: string; caption: string; spec: ChartSpec }>,
  files: Map<string, string | Uint8Array>,
  prefix: string,
  png: boolean,
): Promise<ReportChart[]> {
  // Loaded here: vega, vega-lite and resvg take a few hundred ms that commands without charts never need.
  const { renderChart, chartFiles } = await import("../charts/render");
  // Vega numbers the SVG gradients and clip paths of a process from a counter: started afresh for each report, its ids
  // stay unique within the report and do not depend on which reports were rendered before or in which thread
  // (src/run/parallelRuns.ts renders each scenario's report in its own worker).
  // (vega-scenegraph's resetSVGDefIds, which vega re-exports but its types do not declare.)
  ((await import("vega")) as unknown as { resetSVGDefIds: () => void }).resetSVGDefIds();
  const out: ReportChart[] = [];
  for (const e of entries) {
    const chart = await renderChart(e.spec, { png });
    for (const [file, content] of chartFiles(chart, e.name)) files.set(`${prefix}${file}`, content);
    out.push({ name: e.name, caption: e.caption, svg: chart.svg, spec: chart.spec });
  }
  return out;
}

/** The numbered sources of the data files this run used (from data/params; none when the run used other parameter files). */
function runSources(r: ScenarioRun["results"]): SourceRef[] {
  return collectSources(
    loadParams(),
    r.manifest.data.files.map((f) => f.id),
  );
}

async function scenarioFiles(run: ScenarioRun, files: Map<string, string | Uint8Array>, prefix: string, opts: OutputOptions): Promise<ReportScenario> {
  const r = run.results;
  const charts = await render(scenarioCharts(run), files, prefix, opts.png ?? false);
  const sheets = scenarioSheets(r);
  files.set(`${prefix}results.json`, json(r));
  files.set(`${prefix}manifest.json`, json(r.manifest));
  files.set(`${prefix}results.xlsx`, await workbookBytes(sheets, { date: r.manifest.date, manifest: r.manifest }));
  if (opts.csv) for (const s of sheets) files.set(`${prefix}csv/${s.name}.csv`, sheetCsv(s));
  const report = { results: r, charts, sources: runSources(r) };
  files.set(`${prefix}report.html`, scenarioReportHtml(report));
  return report;
}

/** One scenario's files in a run of several (under "<name>/") and its part of the comparison report. */
export interface ScenarioPart {
  files: Map<string, string | Uint8Array>;
  report: ReportScenario;
}

/** One scenario's part of a run of several: its files under "<name>/" (built in a scenario worker: src/run/runWorker.ts). */
export async function scenarioPart(run: ScenarioRun, opts: OutputOptions = {}): Promise<ScenarioPart> {
  const files = new Map<string, string | Uint8Array>();
  const report = await scenarioFiles(run, files, `${run.results.scenario.name}/`, opts);
  return { files, report };
}

/** The files of a one-scenario run. */
export async function scenarioOutputFiles(run: ScenarioRun, opts: OutputOptions = {}): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  await scenarioFiles(run, files, "", opts);
  return files;
}

/**
 * The files of a run of several scenarios: <name>/… for each, and the comparison at the top. `parts[i]`, when given, is
 * scenarioPart(runs[i], opts) already built (by the scenario's worker).
 */
export async function comparisonOutputFiles(
  runs: ReadonlyArray<ScenarioRun>,
  opts: OutputOptions = {},
  parts: ReadonlyArray<ScenarioPart | undefined> = [],
): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  const reports: ReportScenario[] = [];
  for (const [i, run] of runs.entries()) {
    const part = parts[i] ?? (await scenarioPart(run, opts));
    for (const [name, content] of part.files) files.set(name, content);
    reports.push(part.report);
  }
  const results = runs.map((r) => r.results);
  const date = results[0]!.manifest.date;
  const sub = comparisonSubtitle(results.length, date);
  const budgets = results.flatMap((r) => (r.budget ? [{ title: r.scenario.title, budget: r.budget }] : []));
  const paired = pairedComparisons(runs);
  const charts = await render(
    [
      {
        name: "sammenligning",
        caption: "Netto merutgift per avtaleår i hvert scenario: P10–P90, P50 og P85, mot anslaget.",
        spec: scenarioComparisonSpec(
          results.map((r) => r.cost),
          sub,
        ),
      },
      ...(budgets.length
        ? [
            {
              name: "budsjett-sammenligning",
              caption: "Utgift per budsjettår (P85 og P50) i hvert scenario mot bevilgningen.",
              spec: budgetComparisonSpec(budgets, sub),
            },
          ]
        : []),
      ...paired.charts,
    ],
    files,
    "",
    opts.png ?? false,
  );
  const sheet = comparisonSheet(results);
  files.set("results.json", json({ scenarios: results }));
  files.set("manifest.json", json({ date, scenarios: results.map((r) => r.manifest) }));
  files.set(
    "results.xlsx",
    await workbookBytes([sheet, ...results.map((r) => ({ ...scenarioSheets(r)[0]!, name: `${r.scenario.name}`.slice(0, 31) }))], {
      date,
      manifest: results.map((r) => r.manifest),
    }),
  );
  if (opts.csv) files.set(`csv/${sheet.name}.csv`, sheetCsv(sheet));
  files.set(
    "report.html",
    comparisonReportHtml(
      reports,
      charts,
      runs.map((r) => `${r.results.scenario.name}/report.html`),
      pairedSection(paired.comparisons, paired.skipped, () => ""),
    ),
  );
  return files;
}

/**
 * One render function for every chart: a Vega-Lite spec (plain data) -> the layout rule (layout.ts: fixed width,
 * wrapped titles and labels, Norwegian accessibility labels) -> Vega -> SVG (headless, vega's "none" renderer, text
 * measured in DejaVu Sans) -> PNG (resvg, with the machine's DejaVu fonts). writeChart keeps the laid-out spec beside
 * them as .vl.json, so the interactive report and notebooks show the same layout.
 */
import * as vl from "vega-lite";
import * as vega from "vega";
import { Resvg } from "@resvg/resvg-js";
import { writeFileAtomic } from "../io/atomicWrite";
import { DEFAULT_LANG, messages, type Lang } from "../i18n/messages";
import { chartWidthPx, isComposite, isFittedByRender, layoutSpec, type LayoutOptions } from "./layout";
import { installTextMetrics } from "./textWidth";

export type ChartSpec = vl.TopLevelSpec;
export type { LayoutOptions } from "./layout";

/** Passes of fitting a chart with panels to its width (the second is almost always exact; the third absorbs tick changes). */
const FIT_PASSES = 3;

/** The SVG's own width in pixels (its root element's width attribute). */
export function svgWidth(svg: string): number {
  const m = /<svg[^>]*\swidth="([\d.]+)"/.exec(svg);
  return m ? Number(m[1]) : Number.NaN;
}

/** Vega writes English accessibility labels (roles, titles, axis and legend captions); this puts them in the chosen language. */
export function localiseAria(svg: string, lang: Lang): string {
  return svg
    .replace(/aria-roledescription="([^"]*)"/g, (_, role: string) => `aria-roledescription="${messages.ariaRole(lang, role)}"`)
    .replace(/aria-label="(Title|Subtitle) text '([^"]*)'"/g, (_, kind: string, text: string) => `aria-label="${messages.titleLabel(lang, kind === "Title" ? "title" : "subtitle", text)}"`)
    .replace(/aria-label="([XY]-axis [^"]*|\w* ?[Ll]egend [^"]*)"/g, (_, caption: string) => `aria-label="${messages.guideLabel(lang, caption)}"`);
}

async function toSvg(spec: ChartSpec, lang: Lang): Promise<string> {
  installTextMetrics();
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return localiseAria(await view.toSVG(), lang);
  } finally {
    view.finalize();
  }
}

type Json = Record<string, unknown>;

/** The views whose widths share the room of a chart with panels, and how many sit side by side. */
function panelWidths(spec: Json): { views: Json[]; columns: number } {
  if (spec.spec && typeof spec.spec === "object" && spec.facet && typeof spec.facet === "object") {
    const facet = spec.facet as Json;
    const column = (facet.column ?? facet) as Json;
    const data = spec.data as { values?: Json[] } | undefined;
    const field = typeof column.field === "string" ? column.field : undefined;
    const columns = field && data?.values ? new Set(data.values.map((r) => r[field])).size : 1;
    return { views: [spec.spec as Json], columns: facet.row && !facet.column ? 1 : Math.max(1, columns) };
  }
  if (Array.isArray(spec.hconcat)) return { views: spec.hconcat as Json[], columns: spec.hconcat.length };
  if (Array.isArray(spec.vconcat)) return { views: spec.vconcat as Json[], columns: 1 };
  if (!isComposite(spec)) return { views: [spec], columns: 1 }; // a step-height view: its own width is fitted
  return { views: [], columns: 1 };
}

/**
 * Lays a spec out (layoutSpec) and renders it; a chart with panels is rendered again with its panels' widths adjusted
 * until its total width is the page's. Returns the laid-out spec and its SVG.
 */
export async function fitChart(spec: ChartSpec, opts: LayoutOptions = {}): Promise<{ spec: ChartSpec; svg: string }> {
  const lang = opts.lang ?? DEFAULT_LANG;
  const target = chartWidthPx(opts);
  const laid = layoutSpec(spec, opts);
  if (!isFittedByRender(laid)) return { spec: laid, svg: await toSvg(laid, lang) };
  // The title is wrapped to the width and never sets it: the views are fitted without it (a title wider than the
  // views would otherwise hide how much room they have), then it is drawn.
  const { title, ...untitled } = laid as unknown as Json;
  const { views, columns } = panelWidths(untitled);
  let svg = await toSvg(untitled as unknown as ChartSpec, lang);
  for (let pass = 0; pass < FIT_PASSES && views.length > 0; pass++) {
    const excess = svgWidth(svg) - target;
    if (Math.abs(excess) < 1) break;
    for (const v of views) {
      const current = typeof v.width === "number" ? v.width : target / columns;
      v.width = Math.max(40, Math.floor(current - excess / columns));
    }
    svg = await toSvg(untitled as unknown as ChartSpec, lang);
  }
  if (title === undefined) return { spec: untitled as unknown as ChartSpec, svg };
  const fitted = { ...laid, ...untitled } as ChartSpec; // the laid-out key order, the fitted width
  return { spec: fitted, svg: await toSvg(fitted, lang) };
}

/** Renders a Vega-Lite spec to an SVG string, following the layout rule (see fitChart). */
export async function renderSvg(spec: ChartSpec, opts: LayoutOptions = {}): Promise<string> {
  return (await fitChart(spec, opts)).svg;
}

/** Renders an SVG string to PNG bytes at `scale` × its size (2 = sharp on screens and in print). */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}

export interface RenderedChart {
  spec: ChartSpec;
  svg: string;
  /** Absent when rendered with png: false. */
  png?: Uint8Array;
}

export interface WrittenChart {
  svg: string;
  png?: string;
  spec: string;
}

/**
 * Renders a spec to SVG and (unless `png: false`) PNG in memory (render everything first, then write: no half-written
 * output); `spec` is the laid-out one. The PNG is most of the cost (resvg at 2×: ~0.2 s of CPU a chart, 2026-11-27),
 * so `introsim run` makes it only with --png; its report uses the SVG.
 */
export async function renderChart(spec: ChartSpec, opts: LayoutOptions & { png?: boolean } = {}): Promise<RenderedChart> {
  const { png = true, ...layout } = opts;
  const fitted = await fitChart(spec, layout);
  return { spec: fitted.spec, svg: fitted.svg, ...(png ? { png: svgToPng(fitted.svg) } : {}) };
}

/** The files of a chart, by file name: `<name>.vl.json`, `<name>.svg` and `<name>.png` (when rendered). */
export function chartFiles(chart: RenderedChart, name: string): Array<[string, string | Uint8Array]> {
  return [
    [`${name}.vl.json`, `${JSON.stringify(chart.spec, null, 2)}\n`],
    [`${name}.svg`, chart.svg],
    ...(chart.png ? [[`${name}.png`, chart.png] as [string, Uint8Array]] : []),
  ];
}

/** Writes `<base>.vl.json`, `<base>.svg` and `<base>.png` (when rendered; each atomically); returns their paths. */
export function writeRenderedChart(chart: RenderedChart, base: string): WrittenChart {
  const out: WrittenChart = { spec: `${base}.vl.json`, svg: `${base}.svg`, ...(chart.png ? { png: `${base}.png` } : {}) };
  writeFileAtomic(out.spec, `${JSON.stringify(chart.spec, null, 2)}\n`);
  writeFileAtomic(out.svg, chart.svg);
  if (chart.png && out.png) writeFileAtomic(out.png, chart.png);
  return out;
}

/** Renders and writes one chart. */
export async function writeChart(spec: ChartSpec, base: string, opts: LayoutOptions = {}): Promise<WrittenChart> {
  return writeRenderedChart(await renderChart(spec, opts), base);
}

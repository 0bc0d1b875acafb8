/**
 * One render function for every chart: a Vega-Lite spec (plain data) -> Vega -> SVG (headless, vega's "none"
 * renderer) -> PNG (resvg, with the machine's DejaVu fonts). writeChart keeps the spec beside them as .vl.json.
 */
import * as vl from "vega-lite";
import * as vega from "vega";
import { Resvg } from "@resvg/resvg-js";
import { writeFileAtomic } from "../io/atomicWrite";

export type ChartSpec = vl.TopLevelSpec;

/** Renders a Vega-Lite spec to an SVG string. */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
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
  png: Uint8Array;
}

export interface WrittenChart {
  svg: string;
  png: string;
  spec: string;
}

/** Renders a spec to SVG and PNG in memory (render everything first, then write: no half-written output). */
export async function renderChart(spec: ChartSpec): Promise<RenderedChart> {
  const svg = await renderSvg(spec);
  return { spec, svg, png: svgToPng(svg) };
}

/** The three files of a chart, by file name: `<name>.vl.json`, `<name>.svg`, `<name>.png`. */
export function chartFiles(chart: RenderedChart, name: string): Array<[string, string | Uint8Array]> {
  return [
    [`${name}.vl.json`, `${JSON.stringify(chart.spec, null, 2)}\n`],
    [`${name}.svg`, chart.svg],
    [`${name}.png`, chart.png],
  ];
}

/** Writes `<base>.vl.json`, `<base>.svg` and `<base>.png` (each atomically); returns their paths. */
export function writeRenderedChart(chart: RenderedChart, base: string): WrittenChart {
  const out = { spec: `${base}.vl.json`, svg: `${base}.svg`, png: `${base}.png` };
  writeFileAtomic(out.spec, `${JSON.stringify(chart.spec, null, 2)}\n`);
  writeFileAtomic(out.svg, chart.svg);
  writeFileAtomic(out.png, chart.png);
  return out;
}

/** Renders and writes one chart. */
export async function writeChart(spec: ChartSpec, base: string): Promise<WrittenChart> {
  return writeRenderedChart(await renderChart(spec), base);
}

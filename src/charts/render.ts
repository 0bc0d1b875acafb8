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

export interface WrittenChart {
  svg: string;
  png: string;
  spec: string;
}

/** Writes `<base>.vl.json`, `<base>.svg` and `<base>.png` (each atomically); returns their paths. */
export async function writeChart(spec: ChartSpec, base: string): Promise<WrittenChart> {
  const svg = await renderSvg(spec);
  const png = svgToPng(svg);
  const out = { spec: `${base}.vl.json`, svg: `${base}.svg`, png: `${base}.png` };
  writeFileAtomic(out.spec, `${JSON.stringify(spec, null, 2)}\n`);
  writeFileAtomic(out.svg, svg);
  writeFileAtomic(out.png, png);
  return out;
}

/**
 * The one display helper of the notebooks: a chart as a Jupyter MIME bundle with the Vega-Lite spec
 * (application/vnd.vegalite.v5+json: JupyterLab and Notebook 7 draw it interactively, with tooltips) and the SVG as the
 * fallback (image/svg+xml: classic Notebook, nbconvert, GitHub), both laid out by the same rule as every other chart.
 *
 * spec -> fitChart (layout + SVG) -> { vega-lite, svg, text } -> the kernel's display_data
 */
import { fitChart, type ChartSpec, type LayoutOptions } from "./render";

/** The MIME type JupyterLab's built-in Vega 5 renderer reads. */
export const VEGALITE_MIME = "application/vnd.vegalite.v5+json";

export type MimeBundle = Record<string, unknown>;

/** The MIME bundle of a chart: the laid-out Vega-Lite spec, its SVG, and its title as plain text. */
export async function chartBundle(spec: ChartSpec, opts: LayoutOptions = {}): Promise<MimeBundle> {
  const fitted = await fitChart(spec, opts);
  const title = (fitted.spec as { title?: { text?: string | string[] } }).title?.text;
  return {
    [VEGALITE_MIME]: fitted.spec,
    "image/svg+xml": fitted.svg,
    "text/plain": Array.isArray(title) ? title.join(" ") : (title ?? "Figur"),
  };
}

type DisplayWriter = (data: { data: MimeBundle; metadata: object; transient: object }, update: boolean) => void;

/**
 * The tslab kernel's writer of display_data messages, when running inside it (undefined elsewhere). tslab's public
 * `display.raw` sends one MIME type per output; a bundle of several needs its writer. The module name is computed so
 * that the library does not depend on tslab (a notebook tool, a devDependency).
 */
function kernelWriter(): DisplayWriter | undefined {
  const module = ["tslab", "dist", "jupyter"].join("/");
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the kernel's own module, only inside a tslab notebook
    return (require(module) as { lastWriteDisplayData?: DisplayWriter | null }).lastWriteDisplayData ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Shows a chart in a notebook cell (interactive Vega-Lite, SVG fallback). Returns nothing, so that the cell does not
 * also print the bundle as text; outside a kernel it does nothing (use chartBundle there).
 * `await showChart(costDistributionSpec(r, run.sortedNet))`.
 */
export async function showChart(spec: ChartSpec, opts: LayoutOptions = {}): Promise<void> {
  const bundle = await chartBundle(spec, opts);
  kernelWriter()?.({ data: bundle, metadata: {}, transient: {} }, false);
}

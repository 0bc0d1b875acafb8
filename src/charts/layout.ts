/**
 * The layout rule every chart follows (applied by render, so chart modules only say what to draw):
 * - the chart's total width is fixed — the page (600 px) or the wide variant (900 px) — axes and legend included;
 *   a title, a subtitle or a label never sets it;
 * - title and subtitle lines are wrapped to that width (measured in DejaVu Sans, see textWidth.ts);
 * - category labels on the y axis wrap onto more lines instead of being cut with "…" (at most 30 % of the width);
 *   legends never truncate;
 * - facets and concatenated views get room between them (theme.PANEL_SPACING) and their tick labels stay inside;
 * - numbers and dates in the language's locale (lang "en": "500,000", English months);
 * (Accessibility labels in the chosen language are put into the SVG by render.localiseAria; titles, axis titles and
 * legends are written in the language by each chart's spec function from src/i18n/chartMessages.ts.)
 *
 * spec -> wrap title -> axis labels and descriptions -> width (single view: fit-x; panels: fitted by render)
 */
import type { Lang } from "../i18n/messages";
import { wrapText } from "./textWidth";
import { CHART_PADDING, CHART_WIDTHS, ENGLISH_LOCALE, MAX_LABEL_SHARE, SUBTITLE_FONT_SIZE, TITLE_FONT_SIZE, type ChartWidth } from "./theme";

/** Options of layoutSpec and renderChart: `width` "page" (600 px, default) or "wide" (900 px); `lang` "nb" (default) or "en". */
export interface LayoutOptions {
  width?: ChartWidth;
  lang?: Lang;
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);

/** The view whose height is a step per category (`height: {step}`): wrapped labels need the step to hold their lines. */
const hasStepHeight = (node: Json): boolean => isObject(node.height) && typeof node.height.step === "number";

/** Axis label font size (theme's config.axis.labelFontSize). */
const AXIS_LABEL_FONT_SIZE = 11;

/** The total width in pixels of a chart laid out with these options. */
export function chartWidthPx(opts: LayoutOptions = {}): number {
  return CHART_WIDTHS[opts.width ?? "page"];
}

/** True when the spec draws several panels (facet, concat, repeat): their widths are fitted after a first render. */
export function isComposite(spec: object): boolean {
  return ["facet", "hconcat", "vconcat", "concat", "repeat"].some((k) => k in spec);
}

/**
 * True when the chart's width is fitted after a first render rather than by autosize fit-x: charts with panels, and
 * single views whose height is a step per category (Vega-Lite 5 warns "Dropping fit-y because spec has discrete
 * height" for any fit autosize on such a view, fit-x included, so they keep the default "pad" and get a numeric width).
 */
export function isFittedByRender(spec: object): boolean {
  return isComposite(spec) || hasStepHeight(spec as Json);
}

function wrapTitle(title: unknown, width: number): unknown {
  if (title === undefined || title === null) return title;
  const t: Json = typeof title === "string" || Array.isArray(title) ? { text: title } : { ...(title as Json) };
  const str = (x: unknown): string => (typeof x === "string" ? x : typeof x === "number" ? String(x) : "");
  const flat = (x: unknown): string[] => (x === undefined ? [] : Array.isArray(x) ? x.map(str) : [str(x)]);
  const text = flat(t.text).join(" ");
  t.text = wrapText(text, width, TITLE_FONT_SIZE, true);
  const sub = flat(t.subtitle).flatMap((line) => wrapText(line, width, SUBTITLE_FONT_SIZE));
  if (sub.length) t.subtitle = sub;
  return t;
}

/** The inline values of a field in the data a view sees (its own data, else the inherited one). */
function fieldValues(data: unknown, field: string): string[] {
  const values = isObject(data) && Array.isArray(data.values) ? (data.values as unknown[]) : [];
  const out = new Set<string>();
  for (const row of values) {
    const v = isObject(row) ? row[field] : undefined;
    if (typeof v === "string" || typeof v === "number") out.add(String(v));
  }
  return [...out];
}

/** Height (px) of one line of an axis label (Vega's default line height: font size + 2). */
const AXIS_LABEL_LINE_HEIGHT = AXIS_LABEL_FONT_SIZE + 2;
/** Room (px) kept between two wrapped labels on a banded axis. */
const LABEL_GAP = 6;

/** A Vega expression that shows each label as its wrapped lines (an array of strings is drawn one line each), and the most lines any label takes. */
function wrapLabelExpr(labels: string[], maxWidth: number): { expr?: string; lines: number } {
  const wrapped = labels.map((l) => [l, wrapText(l, maxWidth, AXIS_LABEL_FONT_SIZE)] as const).filter(([, lines]) => lines.length > 1);
  if (wrapped.length === 0) return { lines: 1 };
  const table = `{${wrapped.map(([l, lines]) => `${JSON.stringify(l)}: ${JSON.stringify(lines)}`).join(", ")}}`;
  return { expr: `${table}[datum.label] || datum.label`, lines: Math.max(...wrapped.map(([, lines]) => lines.length)) };
}

/** Lays out one view's encoding; returns the most lines a y-axis label was wrapped to. */
function layoutEncoding(encoding: Json, data: unknown, width: number): number {
  let maxLines = 1;
  for (const channel of ["x", "y"] as const) {
    const enc = encoding[channel];
    if (!isObject(enc) || enc.axis === null) continue;
    const axis: Json = isObject(enc.axis) ? { ...enc.axis } : {};
    const discrete = enc.type === "nominal" || enc.type === "ordinal";
    if (discrete && typeof enc.field === "string") {
      if (channel === "y") {
        const { expr, lines } = wrapLabelExpr(fieldValues(data, enc.field), MAX_LABEL_SHARE * width);
        if (expr && axis.labelExpr === undefined) {
          axis.labelExpr = expr;
          maxLines = Math.max(maxLines, lines);
        }
      }
      axis.labelLimit = 0; // never "…": long labels wrap (y) or stand at an angle (x)
    }
    enc.axis = axis;
  }
  for (const channel of ["color", "fill", "stroke", "strokeDash", "shape", "size", "opacity"]) {
    const enc = encoding[channel];
    if (!isObject(enc) || !isObject(enc.legend)) continue;
    const legend: Json = { ...enc.legend };
    delete legend.labelLimit; // the theme's 0: legends never truncate
    enc.legend = legend;
  }
  return maxLines;
}


function visit(node: Json, inherited: unknown, stepHolder: Json | undefined, width: number): void {
  const data = node.data ?? inherited;
  const holder = hasStepHeight(node) ? node : stepHolder;
  if (isObject(node.encoding)) {
    const lines = layoutEncoding(node.encoding, data, width);
    const step = holder && isObject(holder.height) ? Number(holder.height.step) : Number.NaN;
    const needed = lines * AXIS_LABEL_LINE_HEIGHT + LABEL_GAP;
    if (holder && lines > 1 && step < needed) holder.height = { ...(holder.height as Json), step: needed };
  }
  for (const key of ["layer", "hconcat", "vconcat", "concat"]) {
    const children = node[key];
    if (Array.isArray(children)) for (const child of children) if (isObject(child)) visit(child, data, holder, width);
  }
  if (isObject(node.spec)) visit(node.spec, data, holder, width);
}

/**
 * Applies the layout rule to a Vega-Lite spec and returns a new spec (the input is not changed). A single or layered
 * view gets the exact total width through autosize fit-x; panels (facet, concat) and step-height views are fitted by
 * renderChart (isFittedByRender).
 */
export function layoutSpec<T extends object>(spec: T, opts: LayoutOptions = {}): T {
  const width = chartWidthPx(opts);
  const out = structuredClone(spec) as Json;
  if ("title" in out) out.title = wrapTitle(out.title, width - 2 * CHART_PADDING);
  visit(out, undefined, undefined, width);
  // numbers and dates on axes and in tooltips in the language ("500 000" / "500,000"); the chart's words come from its spec function
  if (opts.lang === "en") out.config = { ...(isObject(out.config) ? out.config : {}), locale: ENGLISH_LOCALE };
  if (!isFittedByRender(out)) {
    out.width = width;
    out.autosize = { type: "fit-x", contains: "padding" };
  } else if (!isComposite(out) && typeof out.width !== "number") out.width = width / 2; // a first guess; fitChart sets the exact width
  return out as T;
}

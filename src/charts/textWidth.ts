/**
 * Text widths in pixels from the font's own advance widths (DejaVu Sans, read with opentype.js), so that headless
 * rendering lays out and truncates text as a browser would. Without a canvas, Vega guesses 0.8 × font size per
 * character, which overstates widths by about a third: labels were cut with "…" and titles stretched the canvas.
 *
 * installTextMetrics() hands this measure to Vega (vega.textMetrics.width, the hook vl-convert uses too).
 */
import * as fs from "node:fs";
import * as opentype from "opentype.js";
import * as vega from "vega";
import { FONT_FILES } from "./theme";

const fonts = new Map<string, opentype.Font | null>();

function fontFor(bold: boolean): opentype.Font | null {
  const file = bold ? FONT_FILES.bold : FONT_FILES.regular;
  if (!fonts.has(file)) fonts.set(file, fs.existsSync(file) ? opentype.parse(toArrayBuffer(fs.readFileSync(file))) : null);
  return fonts.get(file) ?? null;
}

function toArrayBuffer(buf: Buffer): ArrayBuffer {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

const isBold = (weight: unknown): boolean => weight === "bold" || weight === "bolder" || (typeof weight === "number" && weight >= 600) || (typeof weight === "string" && Number(weight) >= 600);

/**
 * Width in pixels of `text` at `fontSize` px in DejaVu Sans (bold when asked). Falls back to Vega's 0.8 × size per
 * character when the font file is missing (setup.sh installs fonts-dejavu-core).
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const font = fontFor(bold);
  if (!font) return 0.8 * text.length * fontSize;
  // glyph by glyph with pair kerning (opentype.js's own layout stops at GSUB lookups DejaVu uses; widths need none)
  let units = 0;
  let previous: opentype.Glyph | undefined;
  for (const ch of text) {
    const glyph = font.charToGlyph(ch);
    units += glyph.advanceWidth ?? 0;
    if (previous) units += font.getKerningValue(previous, glyph);
    previous = glyph;
  }
  return (units * fontSize) / font.unitsPerEm;
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

let installed = false;

/** Makes Vega measure text with textWidth (once per process; affects layout, label overlap and truncation). */
export function installTextMetrics(): void {
  if (installed) return;
  installed = true;
  // vega re-exports vega-scenegraph's textMetrics at run time; its typings leave it out
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;
  metrics.width = (item: TextItem, text: unknown): number => {
    const s = typeof text === "string" ? text.trim() : typeof text === "number" ? String(text) : "";
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    if (size <= 0 || s === "") return 0;
    const w = textWidth(s, size, isBold(item.fontWeight));
    // a text longer than its limit is drawn truncated to the limit: its box is the limit (Vega's truncate probes
    // shorter prefixes through this same function, which then measure below the limit)
    return item.limit != null && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
}

/**
 * Splits `text` into lines no wider than `maxWidth` px, breaking at spaces (a single word wider than the line stays
 * whole on its own line: words are never cut).
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  // only ordinary spaces break: "500\u00a0000 kr" keeps its no-break spaces together
  const words = text.split(/[ \t\n]+/).filter((w) => w !== "");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && textWidth(candidate, fontSize, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== "") lines.push(line);
  return lines;
}

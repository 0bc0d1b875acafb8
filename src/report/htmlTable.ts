/** A small, self-contained HTML table (escaped, numbers right-aligned) for notebooks and the HTML report. */

import type { Table } from "../format/table";

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function htmlTable(t: Table): string {
  const right = new Set(t.alignRight ?? []);
  const cell = (v: string | number, i: number, tag: "td" | "th") => {
    const align = right.has(i) || typeof v === "number" ? ' style="text-align:right"' : ' style="text-align:left"';
    return `<${tag}${align}>${escapeHtml(String(v))}</${tag}>`;
  };
  return [
    '<table class="introsim">',
    t.caption ? `<caption style="text-align:left;font-weight:bold">${escapeHtml(t.caption)}</caption>` : "",
    `<thead><tr>${t.headers.map((h, i) => cell(h, i, "th")).join("")}</tr></thead>`,
    `<tbody>${t.rows.map((r) => `<tr>${r.map((v, i) => cell(v, i, "td")).join("")}</tr>`).join("")}</tbody>`,
    "</table>",
  ].join("");
}

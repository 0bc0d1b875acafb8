/**
 * The report's numbered source list, from the references in the data files a run used (title, link, the site that
 * publishes it, and when the value was last verified), and citations "[n]" in place of data-file paths.
 *
 * manifest.data.files (ids) -> the files' references in data/params -> numbered, deduplicated list -> HTML
 */
import type { ParamSet } from "../params/loadParams";
import { formatDateLong } from "../format/norwegian";
import { escapeHtml } from "./htmlTable";

export interface SourceRef {
  /** Its number in the list, from 1. */
  n: number;
  title: string;
  href?: string;
  /** The publishing site, from the link's host ("helsedirektoratet.no"); absent without a link. */
  publisher?: string;
  /** The latest lastVerified date of the data files that cite it. */
  checked: string;
  /** Data files (repository paths) that cite it. */
  files: string[];
}

function publisherOf(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

/** The sources of the data files with these ids (the run's manifest.data.files), numbered in order of first use. */
export function collectSources(params: ParamSet, fileIds: ReadonlyArray<string>): SourceRef[] {
  const byKey = new Map<string, SourceRef>();
  const files = new Map<string, { reference: ReadonlyArray<{ title: string; href?: string }>; lastVerified: string; file: string }>();
  for (const [id, f] of params.scalars) files.set(id, f);
  for (const [code, f] of params.takster) files.set(`normaltariff/${code}`, f);
  for (const id of fileIds) {
    const f = files.get(id);
    if (!f) continue;
    const path = `data/params/${id}.yaml`;
    for (const ref of f.reference) {
      const key = `${ref.title}\u0000${ref.href ?? ""}`;
      let s = byKey.get(key);
      if (!s) {
        s = { n: byKey.size + 1, title: ref.title, href: ref.href, publisher: publisherOf(ref.href), checked: f.lastVerified, files: [] };
        byKey.set(key, s);
      }
      if (f.lastVerified > s.checked) s.checked = f.lastVerified;
      if (!s.files.includes(path)) s.files.push(path);
    }
  }
  return [...byKey.values()];
}

/** Replaces each data-file path in the HTML with its citation numbers ("data/params/normaltariff/2ad.yaml" -> "[3, 4]"). */
export function citeDataFiles(html: string, sources: ReadonlyArray<SourceRef>): string {
  const cites = new Map<string, number[]>();
  for (const s of sources) for (const f of s.files) cites.set(f, [...(cites.get(f) ?? []), s.n]);
  return html.replace(/data\/params\/[\w/.-]+?\.yaml/g, (path) => {
    const ns = cites.get(path);
    return ns ? `<a href="#kilde-${ns[0]}">[${ns.join(", ")}]</a>` : path;
  });
}

/** The numbered list: [n] Title. Publisher. Lenke. Sist kontrollert 3. november 2026. */
export function sourcesList(sources: ReadonlyArray<SourceRef>): string {
  if (sources.length === 0) return "<p>Ingen datafiler med kilder i denne kjøringen.</p>";
  const item = (s: SourceRef) =>
    `<li id="kilde-${s.n}" value="${s.n}">${escapeHtml(s.title)}.${s.publisher ? ` ${escapeHtml(s.publisher)}.` : ""}${
      s.href ? ` <a href="${escapeHtml(s.href)}">${escapeHtml(s.href)}</a>.` : " (ingen offentlig lenke)."
    } Sist kontrollert ${formatDateLong(s.checked)}.</li>`;
  return `<ol class="sources">${sources.map(item).join("")}</ol>`;
}

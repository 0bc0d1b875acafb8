// Every notebook runs top to bottom headless on the project's tslab kernel (as a user would open it), with no errors.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "../helpers";

const NOTEBOOKS = path.join(ROOT, "notebooks");
const notebooks = fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb") && !f.endsWith(".out.ipynb")).sort();

/** Text each notebook's outputs must contain: what the notebook is for. */
const MUST_SHOW: Record<string, RegExp[]> = {
  "00-oversikt.ipynb": [/Presisjon: Monte Carlo-usikkerheten i hvert tall/, /median [\d\u00a0]+\u00a0kr, P85/, /budsjettbane/, /Budsjett: høyeste P85 [\d,]+\u00a0mill\.\u00a0kr/, /Høy substitusjon/, /<svg/],
  "01-kostnad-per-avtale.ipynb": [/Retning og sikkerhet\.<\/strong> Kostnaden per avtaleår ligger (nesten sikkert|trolig|omtrent)/, /Hva som driver svaret\.<\/strong> \S/, /Parvis standardavvik [\d\u00a0]+\u00a0kr mot [\d\u00a0]+\u00a0kr/, /Shapley-effekter: andel av variansen/, /Rangkorrelasjoner mellom forutsetningene/, /Svar: median [\d\u00a0]+\u00a0kr per avtaleår/, /500\u00a0000\u00a0kr/, /<svg/, /Takstmiksen er kalibrert/, /Avstemming mot det folketrygden faktisk betaler/, /På marginen/],
  "03-tildeling.ipynb": [/Plassene: (Med årlige runder|Bare første runde): om lag \d+ av \d+ avtaler tildelt/, /Budsjettet: P85 (under|over) bevilgningen/, /Kalibrering: avtaler i bruk i august 2023/, /Observert \(Hdir\)/, /Folketrygdens utgifter per år/, /Fikk alle/, /<svg/],
  "04-maaloppnaaelse.ipynb": [
    /Kontroll av registeret: 113 rader/,
    /prikket/,
    /Ordningens mål og hva registeret viser/,
    /Spesialist innen 3 år: \d+\u00a0% med avtale, \d+\u00a0% uten/,
    /per ekstra spesialist: [\d\u00a0]+\u00a0kr/,
    /er fortsatt i kommunen 12 måneder etter at avtalen sluttet/,
    /Arbeidsbelastning: konsultasjoner per avgivende fastlege [−-]?\d+\u00a0%/,
    /Kostnad per spesialist: P50 [\d\u00a0]+\u00a0kr/,
    /<svg/,
  ],
  "05-regnskapstall.ipynb": [
    /Kontroll av kravlinjene: [\d\u00a0]+ lest, [\d\u00a0]+ godkjent, [\d\u00a0]+ avvist/,
    /Svar: [\d\u00a0]+\u00a0kr per avtaleår/,
    /For avtaler som disse generelt \(avtalene som et utvalg\)/,
    /Før start fulgte de avgivende fastlegene (ikke )?sammenligningsgruppen \(samlet test av \d kvartaler i grunnlaget p = [\d,]+ .*lineær trend/,
    /HODs 500\u00a0000\u00a0kr ligger utenfor 95 %-intervallet i \d+ av 8 følsomhetsgrenser/,
    /Folketrygdens utgift/,
    /<svg/,
  ],
  "06-beslutning.ipynb": [/Break-even innenfor spennet for \d+ av \d+ forutsetninger/, /EVPI [\d\u00a0]+\u00a0kr per år/, /Mest verdt å måle: /, /Offentlige parter samlet: nåverdi/, /<svg/],
  "02-refusjonsstrommer.ipynb": [/Næringsdrivende introduksjonslege/, /Fastlønnet introduksjonslege/, /Kontroll mot kostnadsmodellen/, /<svg/, /med ALIS uansett/],
};

interface Output {
  output_type: string;
  ename?: string;
  evalue?: string;
  text?: string | string[];
  data?: Record<string, string | string[] | object>;
}

const VEGALITE_MIME = "application/vnd.vegalite.v5+json";

/** The text of an output: its stream text and every string MIME value (the Vega-Lite spec, an object, as JSON). */
const asText = (v: unknown): string => (typeof v === "string" ? v : Array.isArray(v) ? v.map(asText).join("") : JSON.stringify(v));
const textOf = (o: Output) => [o.text ?? "", ...Object.values(o.data ?? {})].map(asText).join("");

describe("notebooks", () => {
  test("there are notebooks 01 (cost per agreement) and 02 (refusjon flows)", () => {
    expect(notebooks).toEqual(expect.arrayContaining(["01-kostnad-per-avtale.ipynb", "02-refusjonsstrommer.ipynb"]));
  });

  test.each(notebooks)("%s executes headless without errors", (nb) => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "introsim-nb-")), nb);
    const r = spawnSync("/usr/bin/jupyter", ["nbconvert", "--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.timeout=600", nb, "--output", out], {
      cwd: NOTEBOOKS,
      encoding: "utf8",
      env: { ...process.env, JUPYTER_PATH: path.join(ROOT, ".jupyter/share/jupyter") },
    });
    expect(r.status, r.stderr).toBe(0);
    const executed = JSON.parse(fs.readFileSync(out, "utf8")) as {
      cells: Array<{ cell_type: string; source?: string | string[]; metadata?: { execution?: Record<string, string> }; outputs?: Output[] }>;
    };
    const outputs = executed.cells.flatMap((c) => c.outputs ?? []);
    const errors = outputs.filter((o) => o.output_type === "error").map((o) => `${o.ename}: ${o.evalue}`);
    expect(errors).toEqual([]);
    const code = executed.cells.filter((c) => c.cell_type === "code");
    // tslab leaves execution_count empty; nbclient records when the kernel replied to each cell it ran.
    expect(code.filter((c) => !c.metadata?.execution?.["shell.execute_reply"])).toEqual([]);
    expect(outputs.length).toBeGreaterThan(0);
    const shown = outputs.map(textOf).join("\n");
    for (const pattern of MUST_SHOW[nb] ?? []) expect(shown).toMatch(pattern);
    // charts are shown with showChart: the Vega-Lite MIME type (interactive in JupyterLab) plus the SVG fallback, in
    // every cell that draws one, and never only as an SVG inside text/html
    const chartCells = executed.cells.filter((c) => c.cell_type === "code" && /showChart\(/.test([c.source ?? ""].flat().join("")));
    for (const c of chartCells) expect((c.outputs ?? []).some((o) => o.data?.[VEGALITE_MIME] !== undefined && o.data["image/svg+xml"] !== undefined)).toBe(true);
    const svgInHtml = outputs.filter((o) => asText(o.data?.["text/html"] ?? "").includes("<svg"));
    expect(svgInHtml.length).toBe(0);
  });
});

// The iso-cost and value-of-information charts render to SVG with Norwegian titles, the contour and the central point.
import { describe, expect, test } from "vitest";
import { runDecision } from "../../src/analysis/runDecision";
import { isoCostSpec } from "../../src/charts/breakEvenCharts";
import { renderSvg } from "../../src/charts/render";
import { voiSpec } from "../../src/charts/voiChart";
import { loadScenario } from "../../src/scenario/loadScenario";
import { realParams, STANDARD } from "../helpers";

describe("decision charts", () => {
  const params = realParams();
  const { scenario } = loadScenario(STANDARD, params, []);
  const d = runDecision(scenario, params, { draws: 2000, parts: { breakEven: false, isoCost: true, voi: true, appraisal: false } });

  test("iso-cost: shaded cells, a contour layer with every point, the central cross, a title asking what must be true", async () => {
    const spec = isoCostSpec(d.isoCost!, d.scenario.title) as unknown as { layer: Array<{ data: { values: unknown[] } }>; title: { text: string } };
    expect(spec.title.text).toMatch(/^Hva må substitusjonsandel og konsultasjoner per uke .* være for 500\u00a0000\u00a0kr\?$/);
    expect(spec.layer[1]!.data.values).toHaveLength(d.isoCost!.contour.length);
    expect(spec.layer[2]!.data.values).toEqual([{ x: d.isoCost!.central.x, y: d.isoCost!.central.y }]);
    const svg = await renderSvg(isoCostSpec(d.isoCost!, d.scenario.title));
    expect(svg).toMatch(/<svg/);
    expect(svg).toMatch(/Substitusjonsandel/);
  });

  test("value of information: bars for inputs and groups with positive value, the EVPI rule, the top item in the title", async () => {
    const spec = voiSpec(d.voi!, d.scenario.title) as unknown as { layer: Array<{ data: { values: Array<{ navn?: string; x?: number }> } }>; title: { text: string } };
    const top = d.voi!.rows[0]!;
    expect(spec.title.text).toBe(`Å vite ${top.label.toLowerCase()} er verdt mest`);
    expect(spec.layer[0]!.data.values.every((b) => b.navn !== undefined)).toBe(true);
    expect(spec.layer[1]!.data.values[0]!.x).toBe(d.voi!.evpi.perYear);
    expect(await renderSvg(voiSpec(d.voi!, d.scenario.title))).toMatch(/Kroner per år/);
  });
});

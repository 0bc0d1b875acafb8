/**
 * The report's interactive charts, offline: Vega and vega-embed are inlined from the installed packages (no network),
 * each chart's Vega-Lite spec is compiled here to Vega and kept in the page as JSON; on screen the charts come alive
 * (tooltips with Norwegian numbers), in print the static SVG shows (see reportHtml's CSS).
 *
 * laid-out Vega-Lite spec -> vega-lite compile -> <script type="application/json"> ; vega.min.js + vega-embed.min.js -> <script>
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as vl from "vega-lite";

let bundles: string | undefined;

/** vega.min.js and vega-embed.min.js, read from node_modules once, as inline scripts. */
export function vegaScripts(): string {
  if (bundles === undefined) {
    const vega = fs.readFileSync(require.resolve("vega/build/vega.min.js"), "utf8");
    // vega-embed's package exports only its CommonJS build; the browser bundle sits beside it
    const embed = fs.readFileSync(path.join(path.dirname(require.resolve("vega-embed")), "vega-embed.min.js"), "utf8");
    bundles = [vega, embed].map((js) => `<script>${js.replace(/<\/(script)/gi, "<\\/$1")}</script>`).join("\n");
  }
  return bundles;
}

/** The compiled Vega spec of a chart as an inert JSON block (`<` escaped so no text can close the script). */
export function specBlock(id: string, vlSpec: object): string {
  const vegaSpec = vl.compile(vlSpec as vl.TopLevelSpec).spec;
  return `<script type="application/json" id="${id}">${JSON.stringify(vegaSpec).replace(/</g, "\\u003c")}</script>`;
}

/** Starts every chart with a spec; a figure that came alive gets the class "live" (its static SVG is then hidden on screen). */
export const BOOT_SCRIPT = `<script>
document.addEventListener("DOMContentLoaded", function () {
  if (typeof vegaEmbed !== "function") return;
  document.querySelectorAll("figure[data-vega]").forEach(function (fig) {
    var spec = JSON.parse(document.getElementById(fig.getAttribute("data-vega")).textContent);
    vegaEmbed(fig.querySelector(".interactive"), spec, { mode: "vega", renderer: "svg", actions: false })
      .then(function () { fig.classList.add("live"); })
      .catch(function (e) { console.error("introsim: chart " + fig.id + ": " + e); });
  });
});
</script>`;

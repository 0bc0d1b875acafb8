/**
 * `introsim allocate`: one allocation round under the directorate's rules, with a readable reason per kommune; with
 * --scenario also the life of the slots month by month over many replications (timeline, utilisation, doctors served,
 * folketrygd spending by budget year with each year's tariff: the budget projection).
 */
import type { Command } from "commander";
import { readApplications } from "../allocation/applications";
import { allocateRound } from "../allocation/allocateRound";
import { DEFAULT_POLICY, readPolicy } from "../allocation/policy";
import { loadParams } from "../params/loadParams";
import { fixedScalarAt } from "../params/lookup";
import { packageVersion } from "../manifest/manifest";
import { langOf, parseCap, parseHorizon, parseMonths, parseReplications, parseSeed } from "./flags";
import { observedInUse } from "../allocation/observedUse";
import { loadScenario } from "../scenario/loadScenario";
import { UserError } from "../errors/userError";
import { DEFAULT_SEED } from "../constants";
import { loadRuleCatalogue } from "../register/ruleCatalogue";
import { simulateSlots, slotRules, type SlotSimulation } from "../allocation/simulateSlots";
import { projectBudget, type BudgetProjection } from "../budget/projectBudget";
import { numberFormats } from "../format/localeNumbers";
import { cliText } from "../i18n/cliMessages";

/** A calendar year's months: a budget year with fewer was only partly simulated. */
const MONTHS_PER_YEAR = 12;
/** Width of a month in words ("september 2024") in the slot timeline. */
const MONTH_WIDTH = 14;

export function registerAllocate(program: Command): void {
  program
    .command("allocate")
    .description("allocate agreements to applying kommuner under the priority rules and the national cap, with a reason per decision")
    .requiredOption("--applications <file>", "applications CSV (see data/allocation/)")
    .option("--cap <n>", "national cap (default: the policy's, else data/params/budget/max_agreements)", parseCap)
    .option("--policy <file>", "allocation policy YAML (see data/allocation/policy-default.yaml)")
    .option("--scenario <file>", "scenario with an allocation: section; adds the monthly simulation over time")
    .option("--months <m>", "months to simulate (default: through December of the horizon)", parseMonths)
    .option("--horizon <year>", "last year simulated, through 31 December (default: the scenario's allocation.horizon, 2030)", parseHorizon)
    .option("--replications <r>", "Monte Carlo replications of the slot simulation", parseReplications, 1000)
    .option("--seed <s>", "random seed (default: the scenario's)", parseSeed)
    .option("--json", "print one JSON object instead of a table")
    .action(
      (
        flags: {
          applications: string;
          cap?: number;
          policy?: string;
          scenario?: string;
          months?: number;
          horizon?: number;
          replications: number;
          seed?: number;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        const input = readApplications(flags.applications);
        const rounds = [...new Set(input.applications.map((a) => a.round))].sort();
        if (rounds.length > 1)
          throw new UserError("io", input.file, `holds rounds ${rounds.join(", ")}; allocate one round at a time (filter the file by round)`);
        const policy = flags.policy ? readPolicy(flags.policy) : DEFAULT_POLICY;
        const params = loadParams();
        const firstRound = Math.min(...input.applications.map((a) => a.round));
        const cap = flags.cap ?? policy.cap ?? fixedScalarAt(params, "budget/max_agreements", `${Number.isFinite(firstRound) ? firstRound : 2022}-01-01`);
        const result = allocateRound(input.applications, policy, cap);
        let simulation: SlotSimulation | undefined;
        let budget: BudgetProjection | undefined;
        if (flags.scenario) {
          const { scenario } = loadScenario(flags.scenario, params);
          if (!scenario.allocation)
            throw new UserError(
              "scenario",
              flags.scenario,
              "the scenario has no allocation section; add allocation: {decisionDate, months, …} (see data/scenarios/standard.yaml)",
            );
          const section = { ...scenario.allocation, ...(flags.months ? { months: flags.months } : {}), ...(flags.horizon ? { horizon: flags.horizon } : {}) };
          const first = Number(section.decisionDate.slice(0, 4));
          if (section.horizon < first)
            throw new UserError("flag", "--horizon", `${section.horizon} is before the first round (${section.decisionDate}); give a year from ${first}`);
          const seed = flags.seed ?? scenario.seed ?? DEFAULT_SEED;
          const rules = slotRules(loadRuleCatalogue(), fixedScalarAt(params, "rules/min_stillingsprosent", section.decisionDate));
          const observed = observedInUse(params);
          simulation = simulateSlots(input.applications, policy, cap, section, rules, {
            replications: flags.replications,
            seed,
            ...(observed ? { observed } : {}),
          });
          budget = projectBudget(scenario, params, simulation.activity, {
            seed,
            ...(section.tariffRegulationPerYear ? { regulation: section.tariffRegulationPerYear } : {}),
          });
        }
        if (flags.json) {
          const granted = result.decisions.map((d) => ({
            kommunenr: d.kommunenr,
            kommune: d.kommune,
            helseregion: d.helseregion,
            requested: d.requested,
            granted: d.granted,
            rank: d.rank,
            reason: d.reason,
          }));
          const manifest = {
            tool: "introsim",
            version: packageVersion(),
            applications: { file: input.file, sha256: input.sha256 },
            policy,
            cap,
            data: { hash: params.dataHash },
          };
          const sim = simulation
            ? {
                timeline: simulation.timeline,
                utilisation: simulation.utilisation,
                doctorsServed: simulation.doctorsServed,
                slotsGranted: simulation.slotsGranted,
                lapsed: simulation.lapsed,
                givenBack: simulation.givenBack,
                reallocated: simulation.reallocated,
                byHelseregion: simulation.byHelseregion,
                bySentralitet: simulation.bySentralitet,
                budget: budget!,
              }
            : {};
          process.stdout.write(
            `${JSON.stringify({ granted, totals: result.totals, ...sim, manifest: { ...manifest, ...(simulation ? { scenario: flags.scenario, seed: simulation.seed, replications: simulation.replications, months: simulation.months } : {}) } }, null, 2)}\n`,
          );
          return;
        }
        const text = cliText(langOf(cmd));
        const t = text.allocate;
        const f = numberFormats(langOf(cmd));
        const lines = [
          t.heading(input.file, result.totals.requested, result.totals.granted, cap),
          ...(input.extraColumns.length ? [text.extraColumns(input.extraColumns.join(", "))] : []),
          ...result.decisions.map(
            (d) =>
              `  ${String(d.rank).padStart(3)}. ${d.kommunenr} ${d.kommune.padEnd(16)} ${d.helseregion.padEnd(11)} ${d.granted}/${d.requested}  ${d.reason}`,
          ),
        ];
        if (simulation) {
          const at = (m: number) => simulation!.timeline[Math.min(m, simulation!.months - 1)]!;
          lines.push(t.simulationHeading(simulation.replications, simulation.decisionDate));
          for (const m of [6, 12, 14, 24, 36, 48].filter((x) => x < simulation!.months))
            lines.push(
              `  ${f.month(at(m).date).padEnd(MONTH_WIDTH)}  ${Math.round(at(m).inPlace.p10)} / ${Math.round(at(m).inPlace.p50)} / ${Math.round(at(m).inPlace.p90)}`,
            );
          lines.push(
            t.utilisation(
              f.percent(simulation.utilisation.p50),
              Math.round(simulation.doctorsServed.p50),
              Math.round(simulation.lapsed.p50),
              Math.round(simulation.givenBack.p50),
              Math.round(simulation.reallocated.p50),
            ),
          );
          for (const [region, x] of Object.entries(simulation.byHelseregion))
            lines.push(t.region(region, Math.round(x.slotsGranted.p50), Math.round(x.doctorsServed.p50), Math.round(x.activeAgreementMonths.p50)));
          for (const y of budget!.years)
            lines.push(
              t.spending(
                y.year,
                y.simulatedMonths < MONTHS_PER_YEAR ? y.simulatedMonths : null,
                f.nok(y.nok.p50),
                f.nok(y.nok.p85),
                f.nok(y.budgetLineNok),
                y.prices === "last-known" || y.prices === "extrapolated" ? y.prices : "known",
              ),
            );
          for (const w of budget!.warnings) process.stderr.write(`introsim: ${text.warning}: ${w}\n`);
        }
        process.stdout.write(`${lines.join("\n")}\n`);
      },
    );
}

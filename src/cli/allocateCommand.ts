/**
 * `introsim allocate`: one allocation round under the directorate's rules, with a readable reason per kommune.
 * (The monthly simulation of slots over time is not built yet; see the allocation issue.)
 */
import type { Command } from "commander";
import { readApplications } from "../allocation/applications";
import { allocateRound } from "../allocation/allocateRound";
import { DEFAULT_POLICY, readPolicy } from "../allocation/policy";
import { loadParams } from "../params/loadParams";
import { fixedScalarAt } from "../params/lookup";
import { packageVersion } from "../scenario/manifest";
import { parseCap } from "./flags";

export function registerAllocate(program: Command): void {
  program
    .command("allocate")
    .description("allocate agreements to applying kommuner under the priority rules and the national cap, with a reason per decision")
    .requiredOption("--applications <file>", "applications CSV (see data/allocation/)")
    .option("--cap <n>", "national cap (default: the policy's, else data/params/budget/max_agreements)", parseCap)
    .option("--policy <file>", "allocation policy YAML (see data/allocation/policy-default.yaml)")
    .option("--json", "print one JSON object instead of a table")
    .action((flags: { applications: string; cap?: number; policy?: string; json?: boolean }) => {
      const input = readApplications(flags.applications);
      const policy = flags.policy ? readPolicy(flags.policy) : DEFAULT_POLICY;
      const params = loadParams();
      const firstRound = Math.min(...input.applications.map((a) => a.round));
      const cap = flags.cap ?? policy.cap ?? fixedScalarAt(params, "budget/max_agreements", `${Number.isFinite(firstRound) ? firstRound : 2022}-01-01`);
      const result = allocateRound(input.applications, policy, cap);
      if (flags.json) {
        const granted = result.decisions.map((d) => ({ kommunenr: d.kommunenr, kommune: d.kommune, helseregion: d.helseregion, requested: d.requested, granted: d.granted, rank: d.rank, reason: d.reason }));
        const manifest = { tool: "introsim", version: packageVersion(), applications: { file: input.file, sha256: input.sha256 }, policy, cap, data: { hash: params.dataHash } };
        process.stdout.write(`${JSON.stringify({ granted, totals: result.totals, manifest }, null, 2)}\n`);
        return;
      }
      const lines = [
        `introsim allocate — ${input.file}: ${result.totals.requested} requested, ${result.totals.granted} granted (cap ${cap})`,
        ...(input.extraColumns.length ? [`notice: extra columns ignored: ${input.extraColumns.join(", ")}`] : []),
        ...result.decisions.map((d) => `  ${String(d.rank).padStart(3)}. ${d.kommunenr} ${d.kommune.padEnd(16)} ${d.helseregion.padEnd(11)} ${d.granted}/${d.requested}  ${d.reason}`),
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}

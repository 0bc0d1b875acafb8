/**
 * The `introsim` command line: parse flags (commander), call the library, print or write; map errors to exit codes.
 * Exit codes: 0 success; 1 bad input (scenario, data, flag value) with one message on stderr; 2 bad usage (unknown
 * command or option), or an unreadable register in validate/indicators; 70 an internal error (a bug: set
 * INTROSIM_DEBUG=1 to see the stack trace).
 *
 * runCli(argv) does the work and returns the exit code without exiting (tests and the fuzz suite call it in-process);
 * main(argv) is the program: runCli, then exit with its code.
 */
import { Command, CommanderError } from "commander";
import { isUserError } from "../errors/userError";
import { MAX_INPUT_ENV } from "../io/readText";
import { packageVersion } from "../manifest/manifest";
import { registerCost } from "./costCommand";
import { registerRun } from "./runCommand";
import { registerFlows } from "./flowsCommand";
import { registerValidate } from "./validateCommand";
import { registerIndicatorsCommand } from "./indicatorsCommand";
import { registerAllocate } from "./allocateCommand";
import { registerClaims } from "./claimsCommand";
import { registerReplay } from "./replayCommand";
import { registerBreakeven } from "./breakevenCommand";
import { parseLang, parseMaxInputMb } from "./flags";

export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

function report(message: string): void {
  process.stderr.write(`introsim: error: ${message}\n`);
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("introsim")
    .description("Cost, flows and outcomes of introduksjonsavtaler i allmennmedisin (HOD / Helsedirektoratet).")
    .version(packageVersion())
    .option("--max-input-mb <mb>", `raise the size limit of every input file to this many MB (also ${MAX_INPUT_ENV}); see README "Limits"`, parseMaxInputMb)
    .option("--lang <lang>", "language of tables and messages: nb (bokmål, the default) or en (English); JSON keys stay English", parseLang)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith("error:") ? `introsim: ${s}` : s) })
    .hook("preAction", (cmd) => {
      const mb = cmd.opts<{ maxInputMb?: number }>().maxInputMb;
      if (mb !== undefined) process.env[MAX_INPUT_ENV] = String(mb);
    });
  registerCost(program);
  registerFlows(program);
  registerRun(program);
  registerValidate(program);
  registerIndicatorsCommand(program);
  registerAllocate(program);
  registerClaims(program);
  registerReplay(program);
  registerBreakeven(program);
  return program;
}

/** Runs the command line and returns its exit code; messages go to stderr, one line each. Never exits the process. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0; // --help, --version
      return e.code === "commander.invalidArgument" ? EXIT_BAD_INPUT : EXIT_USAGE;
    }
    if (isUserError(e)) {
      report(e.message);
      return e.exitCode;
    }
    if (process.env.INTROSIM_DEBUG) console.error(e);
    report(`internal error: ${(e as Error)?.message ?? String(e)} (this is a bug in introsim; set INTROSIM_DEBUG=1 for details)`);
    return EXIT_INTERNAL;
  }
}

export async function main(argv: string[] = process.argv): Promise<void> {
  const code = await runCli(argv);
  // On success let Node finish by itself (pending output and handles close in order); on failure stop at once.
  if (code !== 0) process.exit(code);
}

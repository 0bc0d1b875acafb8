/**
 * The `introsim` command line: parse flags (commander), call the library, print or write; map errors to exit codes.
 * Exit codes: 0 success; 1 bad input (scenario, data, flag value) with one message on stderr; 2 bad usage (unknown
 * command or option); 70 an internal error (a bug: set INTROSIM_DEBUG=1 to see the stack trace).
 */
import { Command, CommanderError } from "commander";
import { isUserError } from "../errors/userError";
import { packageVersion } from "../manifest/manifest";
import { registerCost } from "./costCommand";
import { registerRun } from "./runCommand";
import { registerFlows } from "./flowsCommand";
import { registerValidate } from "./validateCommand";
import { registerIndicatorsCommand } from "./indicatorsCommand";
import { registerAllocate } from "./allocateCommand";
import { registerClaims } from "./claimsCommand";

export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

function fail(message: string, code: number): never {
  process.stderr.write(`introsim: error: ${message}\n`);
  process.exit(code);
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("introsim")
    .description("Cost, flows and outcomes of introduksjonsavtaler i allmennmedisin (HOD / Helsedirektoratet).")
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith("error:") ? `introsim: ${s}` : s) });
  registerCost(program);
  registerFlows(program);
  registerRun(program);
  registerValidate(program);
  registerIndicatorsCommand(program);
  registerAllocate(program);
  registerClaims(program);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) process.exit(0); // --help, --version
      process.exit(e.code === "commander.invalidArgument" ? EXIT_BAD_INPUT : EXIT_USAGE);
    }
    if (isUserError(e)) fail(e.message, EXIT_BAD_INPUT);
    if (process.env.INTROSIM_DEBUG) console.error(e);
    fail(`internal error: ${(e as Error)?.message ?? String(e)} (this is a bug in introsim; set INTROSIM_DEBUG=1 for details)`, EXIT_INTERNAL);
  }
}

/**
 * Runs the introsim command line in this process (runCli from src/cli/main) and captures what it writes: hundreds of
 * cases in seconds instead of a node process each. process.exit is stubbed to throw, so a command that would exit
 * is caught, and process.exitCode is reset between calls.
 */
import { runCli } from "../../src/cli/main";

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}

export async function runInProcess(args: string[]): Promise<InProcessResult> {
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr), exit: process.exit.bind(process) };
  const debug = process.env.INTROSIM_DEBUG;
  delete process.env.INTROSIM_DEBUG;
  process.stdout.write = ((s: string | Uint8Array) => out.push(String(s)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => err.push(String(s)) > 0) as typeof process.stderr.write;
  process.exit = ((code?: number) => {
    throw new ExitCalled(code ?? 0);
  }) as typeof process.exit;
  process.exitCode = undefined;
  let code: number;
  try {
    code = await runCli(["node", "introsim", ...args]);
  } catch (e) {
    if (!(e instanceof ExitCalled)) throw e;
    code = e.code;
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exit = write.exit;
    process.exitCode = undefined;
    if (debug !== undefined) process.env.INTROSIM_DEBUG = debug;
  }
  return { code, stdout: out.join(""), stderr: err.join("") };
}

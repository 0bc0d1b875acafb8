/**
 * A Monte Carlo worker thread (a pool kept by src/cost/monteCarlo.ts for the process's life): maps the uniforms of
 * the chunks it is sent to draws and evaluates the cost kernel (src/cost/chunkEngine.ts workerLoop). A failure to load
 * the model is reported to the main thread as a message, so the main thread never waits for a dead worker.
 */
import { workerData, type MessagePort } from "node:worker_threads";

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

import("./chunkEngine")
  .then(({ workerLoop }) => workerLoop(port, signal))
  .catch((e: unknown) => {
    port.postMessage({ kind: "chunk", start: -1, n: 0, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });

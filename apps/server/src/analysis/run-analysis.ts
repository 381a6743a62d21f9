// Runs analysis tasks in one long-lived worker thread, started on first use and kept warm (starting
// it compiles the engine's TypeScript, about a second), as the vendor import does. A worker that
// dies is replaced on the next task, and the tasks it was running fail with its error; its models
// are gone with it, which the server notices (a task answers "no such model") and rebuilds.
// SMART_ANALYSIS_WORKER=off runs the same tasks in the server's own thread.
import { Worker } from 'node:worker_threads';
import { type AnalysisTasks, tasks } from './analysis-work';

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (reason: Error) => void }>();

function failAll(error: Error) {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  worker = null;
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./analysis-worker.mjs', import.meta.url));
  started.unref();
  started.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(new Error(`analysis worker: ${reply.message}`));
  });
  started.on('error', failAll);
  started.on('exit', (code) => {
    if (worker === started) failAll(new Error(`the analysis worker stopped (exit code ${code})`));
  });
  worker = started;
  return started;
}

const inline = () => process.env.SMART_ANALYSIS_WORKER === 'off';

export function runAnalysisTask<K extends keyof AnalysisTasks>(
  task: K,
  ...args: Parameters<AnalysisTasks[K]>
): Promise<ReturnType<AnalysisTasks[K]>> {
  if (inline()) {
    const run = tasks[task] as (...a: Parameters<AnalysisTasks[K]>) => ReturnType<AnalysisTasks[K]>;
    return Promise.resolve().then(() => run(...args));
  }
  const target = ensureWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: (value) => resolve(value as ReturnType<AnalysisTasks[K]>), reject });
    target.postMessage({ id, task, args });
  });
}

/** Resolves once the worker has started (benchmarks measure a server that has been up a while). */
export async function analysisWorkerReady(): Promise<void> {
  await runAnalysisTask('ping');
}

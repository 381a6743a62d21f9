// Runs import tasks in one long-lived worker thread, started on first use and kept warm (starting
// one costs seconds: it compiles the tasks' TypeScript). It does not keep the process alive, and a
// worker that dies is replaced on the next task; the tasks it was running fail with its error.
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { Tasks } from './work';

type Reply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; code: string; message: string };
interface Pending {
  resolve: (value: unknown) => void;
  reject: (reason: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error) {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  worker = null;
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./worker.mjs', import.meta.url));
  started.unref();
  started.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.result);
    else if (reply.code === 'invalid_file' || reply.code === 'conflict')
      waiting.reject(new AppError(reply.code as ErrorCode, reply.message));
    else waiting.reject(new Error(reply.message));
  });
  started.on('error', failAll);
  started.on('exit', (code) => {
    if (worker === started) failAll(new Error(`the import worker stopped (exit code ${code})`));
  });
  worker = started;
  return started;
}

/** Starts the worker ahead of the first import, so the first upload does not wait for it. */
export function warmImportWorker(): void {
  ensureWorker();
}

/** Resolves once the worker has started and loaded its tasks (for benchmarks: a server that has been up a while). */
export async function importWorkerReady(): Promise<void> {
  await runInWorker('ping');
}

export function runInWorker<K extends keyof Tasks>(
  task: K,
  ...args: Parameters<Tasks[K]>
): Promise<Awaited<ReturnType<Tasks[K]>>> {
  const target = ensureWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: (value) => resolve(value as Awaited<ReturnType<Tasks[K]>>), reject });
    target.postMessage({ id, task, args });
  });
}

// Runs one import task in a worker thread and hands back its result, or its error as an AppError.
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { Tasks } from './work';

type Reply = { ok: true; result: unknown } | { ok: false; code: string; message: string };

export function runInWorker<K extends keyof Tasks>(
  task: K,
  ...args: Parameters<Tasks[K]>
): Promise<Awaited<ReturnType<Tasks[K]>>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { task, args } });
    worker.once('message', (reply: Reply) => {
      void worker.terminate();
      if (reply.ok) resolve(reply.result as Awaited<ReturnType<Tasks[K]>>);
      else if (reply.code === 'invalid_file') reject(new AppError(reply.code as ErrorCode, reply.message));
      else reject(new Error(reply.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the import worker stopped (exit code ${code})`));
    });
  });
}

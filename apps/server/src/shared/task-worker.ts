// One long-lived worker thread per kind of heavy task (reading an import, analysing an
// organization), started on first use and kept warm: starting one compiles its tasks' TypeScript,
// a second or more. It does not keep the process alive. A worker that dies is replaced on the next
// task, and the tasks it was running fail with its error.
import { Worker } from 'node:worker_threads';

/** What the worker answers for a task: its result, or the error's code and message. */
export type TaskReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; code: string; message: string };

// biome-ignore lint/suspicious/noExplicitAny: a table of tasks of any signature
type TaskTable = Record<string, (...args: any[]) => unknown>;

export interface TaskWorker<T extends TaskTable> {
  run<K extends keyof T & string>(task: K, ...args: Parameters<T[K]>): Promise<Awaited<ReturnType<T[K]>>>;
  /** Starts the worker ahead of its first task. */
  warm(): void;
}

/**
 * A worker running the `tasks` exported by the TypeScript module at `tasksUrl`. `name` is used in
 * messages ("the import worker stopped"); `toError` turns a failed task's reply into the error the
 * caller sees.
 */
export function createTaskWorker<T extends TaskTable>(options: {
  tasksUrl: URL;
  name: string;
  toError: (reply: { code: string; message: string }) => Error;
}): TaskWorker<T> {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (reason: Error) => void }>();

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = null;
  };

  const ensure = (): Worker => {
    if (worker) return worker;
    const started = new Worker(new URL('./task-worker-entry.mjs', import.meta.url), {
      workerData: { tasksUrl: options.tasksUrl.href },
    });
    started.unref();
    started.on('message', (reply: TaskReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(options.toError(reply));
    });
    started.on('error', failAll);
    started.on('exit', (code) => {
      if (worker === started) failAll(new Error(`the ${options.name} worker stopped (exit code ${code})`));
    });
    worker = started;
    return started;
  };

  return {
    run(task, ...args) {
      const target = ensure();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: (value) => resolve(value as never), reject });
        target.postMessage({ id, task, args });
      });
    },
    warm() {
      ensure();
    },
  };
}

// Runs import tasks (reading a spreadsheet, checking and planning its rows) in their own
// long-lived worker thread, so a 50,000-row file never holds up other requests.
import { AppError, type ErrorCode } from '../../shared/errors';
import { createTaskWorker } from '../../shared/task-worker';
import type { Tasks } from './work';

const importWorker = createTaskWorker<Tasks>({
  tasksUrl: new URL('./work.ts', import.meta.url),
  name: 'import',
  // A refused file and a conflict are the user's to read; anything else is a failure of ours.
  toError: ({ code, message }) =>
    code === 'invalid_file' || code === 'conflict'
      ? new AppError(code as ErrorCode, message)
      : new Error(message),
});

/** Starts the worker ahead of the first import, so the first upload does not wait for it. */
export function warmImportWorker(): void {
  importWorker.warm();
}

/** Resolves once the worker has started and loaded its tasks (for benchmarks: a server that has been up a while). */
export async function importWorkerReady(): Promise<void> {
  await importWorker.run('ping');
}

export function runInWorker<K extends keyof Tasks & string>(
  task: K,
  ...args: Parameters<Tasks[K]>
): Promise<Awaited<ReturnType<Tasks[K]>>> {
  return importWorker.run(task, ...args);
}

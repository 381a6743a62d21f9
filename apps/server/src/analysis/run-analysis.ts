// Runs analysis tasks in their own long-lived worker thread (shared/task-worker.ts), as the vendor
// import does. A worker that dies takes its models with it, which the server notices (a task
// answers "no such model") and rebuilds. SMART_ANALYSIS_WORKER=off runs the same tasks in the
// server's own thread.
import { createTaskWorker } from '../shared/task-worker';
import { type AnalysisTasks, tasks } from './analysis-work';

const analysisWorker = createTaskWorker<AnalysisTasks>({
  tasksUrl: new URL('./analysis-work.ts', import.meta.url),
  name: 'analysis',
  toError: ({ message }) => new Error(`analysis worker: ${message}`),
});

const inline = () => process.env.SMART_ANALYSIS_WORKER === 'off';

export function runAnalysisTask<K extends keyof AnalysisTasks & string>(
  task: K,
  ...args: Parameters<AnalysisTasks[K]>
): Promise<Awaited<ReturnType<AnalysisTasks[K]>>> {
  if (inline()) {
    const run = tasks[task] as (...a: Parameters<AnalysisTasks[K]>) => Awaited<ReturnType<AnalysisTasks[K]>>;
    return Promise.resolve().then(() => run(...args));
  }
  return analysisWorker.run(task, ...args);
}

/** Resolves once the worker has started (benchmarks measure a server that has been up a while). */
export async function analysisWorkerReady(): Promise<void> {
  await runAnalysisTask('ping');
}

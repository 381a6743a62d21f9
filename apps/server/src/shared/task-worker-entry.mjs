// The worker thread of createTaskWorker (task-worker.ts): loads the TypeScript tasks it was started
// for once (through tsx, as the server itself runs), then runs each task it is sent and answers with
// its id. Errors travel back with their code so the server can show them.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { tasks } = await tsImport(workerData.tasksUrl, import.meta.url);
parentPort.on('message', async ({ id, task, args }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: await tasks[task](...args) });
  } catch (error) {
    parentPort.postMessage({
      id,
      ok: false,
      code: error?.code ?? 'internal',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});

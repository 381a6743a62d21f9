// Worker thread for the organization-wide analysis: loads the TypeScript tasks once (through tsx,
// as the server itself runs), then runs each task it is sent, one at a time, and answers with its id.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { tasks } = await tsImport('./analysis-work.ts', import.meta.url);
parentPort.on('message', ({ id, task, args }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: tasks[task](...args) });
  } catch (error) {
    parentPort.postMessage({
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});

// Worker thread entry: loads the TypeScript tasks (through tsx, as the server itself runs) and
// runs the one it is given. Errors travel back with their code so the server can show them.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { tasks } = await tsImport('./work.ts', import.meta.url);
try {
  const result = await tasks[workerData.task](...workerData.args);
  parentPort.postMessage({ ok: true, result });
} catch (error) {
  parentPort.postMessage({ ok: false, code: error.code ?? 'internal', message: error.message });
}

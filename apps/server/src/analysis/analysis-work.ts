// The tasks the analysis worker thread runs (shared/task-worker-entry.mjs loads this file): the models and
// their analyses live in the worker, so building a 20,000-node model and analysing it never holds
// the server's event loop.
import {
  analysisFor,
  analysisJsonFor,
  clearModels,
  missingMaps,
  prepareModel,
  scenarioFor,
} from './analysis-models';

export const tasks = {
  ping: () => true,
  clear: clearModels,
  missingMaps,
  prepareModel,
  analysis: analysisFor,
  analysisJson: analysisJsonFor,
  scenario: scenarioFor,
};

export type AnalysisTasks = typeof tasks;

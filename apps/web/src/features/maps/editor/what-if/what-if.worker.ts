// The web worker behind the editor's live what-if: the analysis runs here, off the main thread, so
// a large map never freezes the editor while it is checked.
import type { DraftModel } from '@smart/core';
import { type WhatIfResult, whatIf } from './what-if';

export interface WhatIfRequest {
  id: number;
  model: DraftModel;
}

export type WhatIfAnswer = { id: number; result: WhatIfResult } | { id: number; error: string };

// The worker's global scope, typed without the WebWorker library (the app compiles with DOM's).
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WhatIfRequest>) => void) | null;
  postMessage: (answer: WhatIfAnswer) => void;
};

scope.onmessage = (event) => {
  const { id, model } = event.data;
  try {
    scope.postMessage({ id, result: whatIf(model) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};

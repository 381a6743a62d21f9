// The live what-if as a hook: the map's current draft goes to a web worker a moment after the last
// edit, and the newest answer comes back. Answers to drafts that have since changed are dropped.
import { useEffect, useRef, useState } from 'react';
import type { DraftModel } from '../../draft';
import type { WhatIfResult } from './what-if';
import type { WhatIfAnswer, WhatIfRequest } from './what-if.worker';

/** Quiet time after the last edit before the map is checked again: typing a name is one check. */
export const WHAT_IF_DEBOUNCE_MS = 300;

export interface WhatIfState {
  state: 'idle' | 'running' | 'ready' | 'error';
  /** The latest answer; kept while the next one runs, so the list does not flicker. */
  result: WhatIfResult | null;
  /** How long the analysis took in the worker, in milliseconds. */
  ms: number | null;
  error?: string;
}

const IDLE: WhatIfState = { state: 'idle', result: null, ms: null };

/** Checks `model` in a web worker while `enabled`; the worker starts on first use and ends on unmount. */
export function useWhatIf(model: DraftModel, enabled = true): WhatIfState {
  const [state, setState] = useState<WhatIfState>(IDLE);
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const busy = useRef(false);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
      busy.current = false;
    },
    [],
  );

  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => {
      // Only the newest draft matters: a check still running on an older one (a very large map,
      // edited again before it was done) is stopped with its worker rather than waited for.
      if (worker.current && busy.current) {
        worker.current.terminate();
        worker.current = null;
      }
      if (!worker.current) {
        const started = new Worker(new URL('./what-if.worker.ts', import.meta.url), { type: 'module' });
        started.onmessage = (event: MessageEvent<WhatIfAnswer>) => {
          const answer = event.data;
          // An answer about a draft that has changed since is of no use: a newer one is coming.
          if (answer.id !== latest.current) return;
          busy.current = false;
          if ('error' in answer) {
            setState((s) => ({ ...s, state: 'error', error: answer.error }));
          } else {
            setState({ state: 'ready', result: answer.result, ms: answer.result.ms });
          }
        };
        started.onerror = (event) => {
          event.preventDefault();
          busy.current = false;
          setState((s) => ({ ...s, state: 'error', error: event.message || 'The check could not run.' }));
        };
        worker.current = started;
      }
      latest.current += 1;
      busy.current = true;
      const request: WhatIfRequest = { id: latest.current, model };
      setState((s) => ({ ...s, state: 'running' }));
      worker.current.postMessage(request);
    }, WHAT_IF_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [model, enabled]);

  return state;
}

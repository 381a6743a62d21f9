// Undo and redo: a stack of the map's documents (model + layout). Documents share every part an
// edit did not touch, so keeping a hundred of them costs little. Typing in one field coalesces
// into one step: edits with the same key within a second replace the newest entry.

export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** The coalescing key and time of the newest step, if it may still absorb the next edit. */
  lastKey: string | null;
  lastAt: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1000;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null, lastAt: 0 };
}

/** A new present; `key` marks edits of one field so a burst of typing undoes in one step. */
export function record<T>(
  history: History<T>,
  next: T,
  key: string | null = null,
  now = Date.now(),
): History<T> {
  if (next === history.present) return history;
  const coalesce = key !== null && key === history.lastKey && now - history.lastAt < COALESCE_MS;
  if (coalesce) return { ...history, present: next, future: [], lastAt: now };
  return {
    past: [...history.past, history.present].slice(-HISTORY_LIMIT),
    present: next,
    future: [],
    lastKey: key,
    lastAt: now,
  };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastKey: null,
    lastAt: 0,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const next = history.future[0];
  if (next === undefined) return history;
  return {
    past: [...history.past, history.present],
    present: next,
    future: history.future.slice(1),
    lastKey: null,
    lastAt: 0,
  };
}

// The one error type the engine throws, with a code callers can map (CLI exit status, HTTP 400).
export type AnalysisErrorCode = 'unknown-node' | 'invalid-option';

export class AnalysisError extends Error {
  constructor(
    readonly code: AnalysisErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}

/** Ids the graph does not know, in the order given. */
export function unknownNodeIds(indexOf: ReadonlyMap<string, number>, ids: readonly string[]): string[] {
  return ids.filter((id) => !indexOf.has(id));
}

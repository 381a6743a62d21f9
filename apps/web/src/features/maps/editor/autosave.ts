// Autosave with optimistic concurrency: a save goes out 1.5 s after the last change, one at a time,
// with the version the editor last saw. A refused save is never retried blindly: a conflict stops
// saving until the person decides; a network or server failure is retried with growing waits; a
// document the server rejects waits for the next change. Plain TypeScript, so it is tested with
// fake timers and a fake server.
import { sameValue } from '@smart/core';
import { ApiError } from '../../../api/client';
import type { MapDetail } from '../types';
import type { EditorDoc } from './edits';

export interface ConflictInfo {
  /** The server's own sentence ("This map was changed by Dana Reyes at 14:32 (version 8) ..."). */
  message: string;
  /** Their version, when it could be read. */
  theirs: MapDetail | null;
}

export type SaveStatus =
  | { state: 'saved'; at: Date | null }
  /** Changes wait for the pause after the last one. */
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'retrying'; message: string; inSeconds: number }
  /** Refused for a reason retrying cannot fix (an invalid document, no right to edit). */
  | { state: 'failed'; message: string; issues: { path: string; message: string }[] }
  | { state: 'conflict'; conflict: ConflictInfo };

export interface SaverDeps {
  put: (doc: EditorDoc, version: number) => Promise<MapDetail>;
  /** The map as the server has it now (read after a conflict, to say who saved). */
  fetchLatest: () => Promise<MapDetail>;
  onStatus: (status: SaveStatus) => void;
  /** A save went through: `sent` is the document the server now has. */
  onSaved: (map: MapDetail, sent: EditorDoc) => void;
  delayMs?: number;
  now?: () => Date;
}

/** Waits before each retry after a network or server failure, in seconds. */
export const RETRY_SECONDS = [2, 5, 10, 30] as const;

const isRetryable = (error: unknown) =>
  !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;

/** Whether the server's map has the same content as a document (only its version moved on). */
export function sameContent(map: MapDetail, doc: EditorDoc): boolean {
  return sameValue(map.model, doc.model) && sameValue(map.layout, doc.layout);
}

export class AutoSaver {
  private version: number;
  /** What the server has, as far as this editor knows. */
  private saved: EditorDoc;
  private latest: EditorDoc;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private attempt = 0;
  private status: SaveStatus;
  private disposed = false;

  constructor(
    private readonly deps: SaverDeps,
    doc: EditorDoc,
    version: number,
    savedAt: Date | null,
  ) {
    this.version = version;
    this.saved = doc;
    this.latest = doc;
    this.status = { state: 'saved', at: savedAt };
  }

  get current(): SaveStatus {
    return this.status;
  }

  get currentVersion(): number {
    return this.version;
  }

  /** Whether something the person did is not on the server yet. */
  get hasUnsavedChanges(): boolean {
    return this.latest !== this.saved;
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    if (!this.disposed) this.deps.onStatus(status);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  /** Starts over from a map just loaded (a reload, a restore): nothing is unsaved. */
  reset(doc: EditorDoc, version: number, savedAt: Date | null): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.version = version;
    this.saved = doc;
    this.latest = doc;
    this.attempt = 0;
    this.setStatus({ state: 'saved', at: savedAt });
  }

  /** The map's version moved on without a content change (a review): later saves use it. */
  setVersion(version: number): void {
    this.version = Math.max(this.version, version);
  }

  /** The document changed; it is saved after a pause unless saving is stopped by a conflict. */
  change(doc: EditorDoc): void {
    if (doc === this.latest) return;
    this.latest = doc;
    if (this.status.state === 'conflict') return;
    if (doc === this.saved) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      if (!this.inFlight) this.setStatus({ state: 'saved', at: this.now() });
      return;
    }
    if (this.status.state !== 'saving') this.setStatus({ state: 'pending' });
    this.schedule(this.deps.delayMs ?? 1500);
  }

  /** Saves now (Ctrl+S, leaving the page, an import): resolves when nothing is left to send. */
  async saveNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) await this.inFlight;
    await this.flush();
  }

  /** Stops: no more saves, no more status reports (what is unsaved stays unsaved). */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Starts again after dispose(), saving what changed meanwhile after the usual pause. */
  resume(): void {
    if (!this.disposed) return;
    this.disposed = false;
    if (this.latest !== this.saved && this.status.state !== 'conflict')
      this.schedule(this.deps.delayMs ?? 1500);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private async flush(): Promise<void> {
    if (this.disposed || this.status.state === 'conflict') return;
    if (this.inFlight) return this.inFlight;
    if (this.latest === this.saved) return;
    const sending = this.latest;
    this.setStatus({ state: 'saving' });
    this.inFlight = this.send(sending).finally(() => {
      this.inFlight = null;
    });
    await this.inFlight;
    // Changes made while that save was out go in the next one.
    const state = this.status.state;
    if (this.latest !== this.saved && (state === 'saved' || state === 'pending')) {
      this.setStatus({ state: 'pending' });
      this.schedule(this.deps.delayMs ?? 1500);
    }
  }

  private async send(sending: EditorDoc): Promise<void> {
    try {
      const map = await this.deps.put(sending, this.version);
      this.accept(map, sending);
    } catch (error) {
      await this.refused(error, sending);
    }
  }

  private accept(map: MapDetail, sending: EditorDoc): void {
    this.version = map.version;
    this.saved = sending;
    this.attempt = 0;
    if (!this.disposed) this.deps.onSaved(map, sending);
    this.setStatus(this.latest === sending ? { state: 'saved', at: this.now() } : { state: 'pending' });
  }

  private async refused(error: unknown, sending: EditorDoc): Promise<void> {
    if (error instanceof ApiError && error.code === 'version_conflict') {
      let theirs: MapDetail | null = null;
      try {
        theirs = await this.deps.fetchLatest();
      } catch {
        // Say what the server said, even if the map cannot be read now.
      }
      // Their save changed nothing this editor had not saved (a review, a save of the same
      // content): take their version number and send again. Anything else is for the person.
      if (theirs && theirs.version > this.version && sameContent(theirs, this.saved)) {
        this.version = theirs.version;
        return this.send(sending);
      }
      this.setStatus({ state: 'conflict', conflict: { message: error.message, theirs } });
      return;
    }
    if (isRetryable(error)) {
      const wait = RETRY_SECONDS[Math.min(this.attempt, RETRY_SECONDS.length - 1)] ?? 30;
      this.attempt += 1;
      const message = error instanceof Error ? error.message : String(error);
      this.setStatus({ state: 'retrying', message, inSeconds: wait });
      this.schedule(wait * 1000);
      return;
    }
    const apiError = error instanceof ApiError ? error : null;
    this.setStatus({
      state: 'failed',
      message:
        apiError?.status === 403
          ? `You can no longer edit this map: ${apiError.message}`
          : (apiError?.message ?? String(error)),
      issues: apiError?.issues ?? [],
    });
  }
}

import { draftModelSchema } from '@smart/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/client';
import type { MapDetail } from '../types';
import { AutoSaver, type SaveStatus } from './autosave';
import { applyEdit, type EditorDoc } from './edits';

const start: EditorDoc = {
  model: draftModelSchema.parse({ format: 'smart-model', version: 1, tlp: 'AMBER', name: 'Claims' }),
  layout: {},
};
const renamed = (doc: EditorDoc, name: string) => applyEdit(doc, { type: 'setMap', name });

function mapOf(doc: EditorDoc, version: number, by = 'Dana Reyes'): MapDetail {
  return {
    id: 'm1',
    name: doc.model.name ?? '',
    templateId: null,
    subTeamId: null,
    subTeamName: null,
    tlp: doc.model.tlp,
    reviewStatus: 'draft',
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
    version,
    nodeCount: 0,
    problemCount: 0,
    openComments: 0,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T14:32:00Z',
    updatedBy: { id: 'u2', name: by },
    canEdit: true,
    model: doc.model as unknown as MapDetail['model'],
    layout: doc.layout,
    problems: [],
    canReview: true,
    canComment: true,
  };
}

const conflict = () =>
  new ApiError(409, 'version_conflict', 'This map was changed by Dana Reyes at 14:32 (version 8).', [], null);

function setUp(
  put: (doc: EditorDoc, version: number) => Promise<MapDetail>,
  latest?: () => Promise<MapDetail>,
) {
  const statuses: SaveStatus[] = [];
  const saved: { version: number; doc: EditorDoc }[] = [];
  const putSpy = vi.fn(put);
  const saver = new AutoSaver(
    {
      put: putSpy,
      fetchLatest: latest ?? (() => Promise.reject(new Error('not expected'))),
      onStatus: (s) => statuses.push(s),
      onSaved: (map, doc) => saved.push({ version: map.version, doc }),
    },
    start,
    3,
    null,
  );
  return { saver, statuses, saved, putSpy, state: () => saver.current.state };
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves 1.5 s after the last change, once, with the version it last saw', async () => {
    const { saver, putSpy, saved, state } = setUp(async (doc, version) => mapOf(doc, version + 1));
    const a = renamed(start, 'A');
    const ab = renamed(a, 'AB');
    saver.change(a);
    await vi.advanceTimersByTimeAsync(1000);
    saver.change(ab);
    expect(state()).toBe('pending');
    await vi.advanceTimersByTimeAsync(1400);
    expect(putSpy).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(putSpy).toHaveBeenCalledTimes(1);
    expect(putSpy).toHaveBeenCalledWith(ab, 3);
    expect(state()).toBe('saved');
    expect(saved).toEqual([{ version: 4, doc: ab }]);
    // The next save carries the new version.
    saver.change(renamed(ab, 'ABC'));
    await saver.saveNow();
    expect(putSpy).toHaveBeenLastCalledWith(expect.anything(), 4);
  });

  it('sends changes made during a save in the next one, never two at a time', async () => {
    let release: (() => void) | undefined;
    const { saver, putSpy, state } = setUp(
      (doc, version) =>
        new Promise((resolve) => {
          release = () => resolve(mapOf(doc, version + 1));
        }),
    );
    const a = renamed(start, 'A');
    saver.change(a);
    await vi.advanceTimersByTimeAsync(1500);
    expect(state()).toBe('saving');
    const b = renamed(a, 'B');
    saver.change(b);
    await vi.advanceTimersByTimeAsync(5000);
    expect(putSpy).toHaveBeenCalledTimes(1);
    release?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(state()).toBe('pending');
    await vi.advanceTimersByTimeAsync(1500);
    expect(putSpy).toHaveBeenCalledTimes(2);
    expect(putSpy).toHaveBeenLastCalledWith(b, 4);
    release?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(state()).toBe('saved');
    expect(saver.hasUnsavedChanges).toBe(false);
  });

  it('retries a network failure with growing waits, then saves', async () => {
    let failures = 2;
    const { saver, putSpy, statuses, state } = setUp(async (doc, version) => {
      if (failures-- > 0) throw new ApiError(0, 'network_error', 'Cannot reach the SMART server.', [], null);
      return mapOf(doc, version + 1);
    });
    saver.change(renamed(start, 'A'));
    await vi.advanceTimersByTimeAsync(1500);
    expect(statuses.at(-1)).toMatchObject({ state: 'retrying', inSeconds: 2 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(statuses.at(-1)).toMatchObject({ state: 'retrying', inSeconds: 5 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(putSpy).toHaveBeenCalledTimes(3);
    expect(state()).toBe('saved');
  });

  it('stops on a conflict, saying who saved, and never sends over their version', async () => {
    const theirs = mapOf(renamed(start, 'Their name'), 8);
    const { saver, putSpy, statuses } = setUp(
      async () => {
        throw conflict();
      },
      async () => theirs,
    );
    saver.change(renamed(start, 'Mine'));
    await vi.advanceTimersByTimeAsync(1500);
    expect(statuses.at(-1)).toEqual({
      state: 'conflict',
      conflict: { message: 'This map was changed by Dana Reyes at 14:32 (version 8).', theirs },
    });
    saver.change(renamed(start, 'Mine again'));
    await vi.advanceTimersByTimeAsync(60_000);
    await saver.saveNow();
    expect(putSpy).toHaveBeenCalledTimes(1);
    expect(saver.hasUnsavedChanges).toBe(true);
    // Reloading their version starts over from it.
    saver.reset(start, 8, null);
    expect(saver.current.state).toBe('saved');
  });

  it('takes a newer version whose content is what it saved (a review) and saves again', async () => {
    let calls = 0;
    const { saver, putSpy, state } = setUp(
      async (doc, version) => {
        calls += 1;
        if (calls === 1) throw conflict();
        return mapOf(doc, version + 1);
      },
      async () => mapOf(start, 5),
    );
    const a = renamed(start, 'A');
    saver.change(a);
    await vi.advanceTimersByTimeAsync(1500);
    expect(putSpy).toHaveBeenCalledTimes(2);
    expect(putSpy).toHaveBeenLastCalledWith(a, 5);
    expect(state()).toBe('saved');
  });

  it('does not retry a document the server refuses, until the next change', async () => {
    const { saver, putSpy, statuses } = setUp(async () => {
      throw new ApiError(
        422,
        'invalid_model',
        'The model document is not valid.',
        [{ path: 'tlp', message: 'bad' }],
        null,
      );
    });
    saver.change(renamed(start, 'A'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(putSpy).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', issues: [{ path: 'tlp', message: 'bad' }] });
    saver.change(renamed(start, 'B'));
    await vi.advanceTimersByTimeAsync(1500);
    expect(putSpy).toHaveBeenCalledTimes(2);
  });

  it('saves nothing once disposed, and picks up again when resumed (React mounts effects twice)', async () => {
    const { saver, putSpy, state } = setUp(async (doc, version) => mapOf(doc, version + 1));
    saver.dispose();
    saver.change(renamed(start, 'A'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(putSpy).not.toHaveBeenCalled();
    saver.resume();
    await vi.advanceTimersByTimeAsync(1500);
    expect(putSpy).toHaveBeenCalledTimes(1);
    expect(state()).toBe('saved');
  });

  it('has nothing to save after undoing back to the saved document', async () => {
    const { saver, putSpy, state } = setUp(async (doc, version) => mapOf(doc, version + 1));
    saver.change(renamed(start, 'A'));
    saver.change(start);
    expect(state()).toBe('saved');
    await vi.advanceTimersByTimeAsync(5000);
    expect(putSpy).not.toHaveBeenCalled();
  });
});

// The state of the map being edited: its document with undo/redo, the autosave that follows every
// change, and what the server last said about the map (version, review, who saved). Every change
// goes through commit(), which records it for undo and hands it to the autosave in the same call.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../../api/client';
import { toDocument } from '../draft';
import { mapKey, mapsKey } from '../queries';
import type { MapDetail } from '../types';
import { AutoSaver, type SaveStatus } from './autosave';
import { applyEdit, type Edit, type EditorDoc } from './edits';
import { type History, record, redo, startHistory, undo } from './history';

const mapPath = (orgId: string, mapId: string) => `/api/orgs/${orgId}/maps/${mapId}`;

function saveBody(doc: EditorDoc, version: number) {
  const name = doc.model.name?.trim();
  return { version, ...(name ? { name } : {}), model: toDocument(doc.model), layout: doc.layout };
}

export interface MapDocument {
  doc: EditorDoc;
  canUndo: boolean;
  canRedo: boolean;
  /** The map as the server last described it (its content may be older than `doc`). */
  server: MapDetail;
  status: SaveStatus;
  commit: (edit: Edit, coalesceKey?: string) => EditorDoc;
  undo: () => void;
  redo: () => void;
  saveNow: () => Promise<SaveStatus>;
  /** Starts over from a map (reloaded after a conflict, restored from history). */
  load: (map: MapDetail, doc: EditorDoc) => void;
  /** The map's metadata moved on without a content change (a review). */
  updateServer: (map: MapDetail) => void;
  hasUnsavedChanges: () => boolean;
}

export function useMapDocument(orgId: string, initial: MapDetail, initialDoc: EditorDoc): MapDocument {
  const queryClient = useQueryClient();
  const [history, setHistoryState] = useState<History<EditorDoc>>(() => startHistory(initialDoc));
  const historyRef = useRef(history);
  const [server, setServer] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved', at: null });

  const [saver] = useState(
    () =>
      new AutoSaver(
        {
          put: (doc, version) => api.put<MapDetail>(mapPath(orgId, initial.id), saveBody(doc, version)),
          fetchLatest: () => api.get<MapDetail>(mapPath(orgId, initial.id)),
          onStatus: setStatus,
          onSaved: (map) => {
            setServer(map);
            queryClient.setQueryData(mapKey(orgId, map.id), map);
            void queryClient.invalidateQueries({ queryKey: mapsKey(orgId), exact: true });
          },
        },
        initialDoc,
        initial.version,
        null,
      ),
  );
  // Stopped when the editor goes away (and started again: React may mount an effect twice).
  useEffect(() => {
    saver.resume();
    return () => saver.dispose();
  }, [saver]);

  const setHistory = useCallback(
    (next: History<EditorDoc>) => {
      if (next === historyRef.current) return;
      historyRef.current = next;
      setHistoryState(next);
      saver.change(next.present);
    },
    [saver],
  );

  const commit = useCallback(
    (edit: Edit, coalesceKey?: string) => {
      const current = historyRef.current;
      const next = applyEdit(current.present, edit);
      setHistory(record(current, next, coalesceKey ?? null));
      return next;
    },
    [setHistory],
  );

  const load = useCallback(
    (map: MapDetail, doc: EditorDoc) => {
      const fresh = startHistory(doc);
      historyRef.current = fresh;
      setHistoryState(fresh);
      setServer(map);
      saver.reset(doc, map.version, new Date(map.updatedAt));
      queryClient.setQueryData(mapKey(orgId, map.id), map);
    },
    [saver, queryClient, orgId],
  );

  const updateServer = useCallback(
    (map: MapDetail) => {
      setServer(map);
      saver.setVersion(map.version);
    },
    [saver],
  );

  return useMemo(
    () => ({
      doc: history.present,
      canUndo: history.past.length > 0,
      canRedo: history.future.length > 0,
      server,
      status,
      commit,
      undo: () => setHistory(undo(historyRef.current)),
      redo: () => setHistory(redo(historyRef.current)),
      saveNow: async () => {
        await saver.saveNow();
        return saver.current;
      },
      load,
      updateServer,
      hasUnsavedChanges: () => saver.hasUnsavedChanges,
    }),
    [history, server, status, commit, setHistory, saver, load, updateServer],
  );
}

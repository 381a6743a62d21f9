// The map editor: the canvas with its palette, marking and legend; the side panel with the details
// of the selection, the problems, the live chokepoints, comments and history; the header with review, save state and the
// map-wide actions. It owns the selection and wires every action to an edit of the document.
import { Alert, Anchor, Box, Group, Paper, Select, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconEye, IconSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type Rect, useReactFlow } from '@xyflow/react';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../../api/client';
import type { Role } from '../../../api/types';
import { errorMessage } from '../../../app/form-errors';
import { type DraftModel, indexNodes, nodeLabel } from '../draft';
import { layoutGraph, NODE_SIZE, placeMissing } from '../layout';
import { modelToGraph } from '../map-graph';
import { NODE_LOOK } from '../map-style';
import { mapKey } from '../queries';
import type { MapDetail, Position } from '../types';
import { ExportHeader, LegendOverlay, TlpMarking } from './canvas-overlays';
import { ConflictModal, ImportModal, type ImportOutcome, LeaveGuard } from './dialogs';
import { EditorCanvas, NO_SELECTION, type Selection } from './EditorCanvas';
import { EditorHeader } from './EditorHeader';
import { type AddableKind, connectionProblem, type Edit, newId } from './edits';
import { downloadBlob, downloadText, exportFrame, renderImage } from './export-image';
import { fileStem, modelFileName, modelFileText } from './model-file';
import { PALETTE_KINDS, Palette } from './Palette';
import { MARKS, markEditor, prepareDoc } from './prepare';
import { mapProblems, problemsByNode } from './problems';
import { EdgeProperties } from './properties/EdgeProperties';
import { MapProperties, SelectionProperties } from './properties/MapProperties';
import { NodeProperties } from './properties/NodeProperties';
import { SidePanel, type SideTab } from './SidePanel';
import { useEditorShortcuts } from './shortcuts';
import { useMapDocument } from './use-map-document';
import { useMapNames } from './use-map-names';
import { ChokepointsPanel } from './what-if/ChokepointsPanel';
import { useWhatIf } from './what-if/use-what-if';

function readOnlyReason(role: Role, map: MapDetail): string {
  if (role === 'executive_viewer') return 'Executive viewers read maps.';
  if (role === 'assessor') return 'Assessors read maps.';
  if (role === 'business_owner') {
    return map.subTeamName
      ? `Only business owners of the ${map.subTeamName} sub-team, risk leads and administrators edit this map.`
      : 'This map belongs to no sub-team: risk leads and administrators edit it.';
  }
  return 'You cannot edit this map.';
}

interface Props {
  orgId: string;
  role: Role;
  initial: MapDetail;
  initialDoc: Parameters<typeof useMapDocument>[2];
}

export function MapEditor({ orgId, role, initial, initialDoc }: Props) {
  const document = useMapDocument(orgId, initial, initialDoc);
  const { doc, server, status, commit } = document;
  const queryClient = useQueryClient();
  const flow = useReactFlow();
  const names = useMapNames(server.templateId);
  const graph = useMemo(() => modelToGraph(doc.model, names), [doc.model, names]);
  const nodes = useMemo(() => indexNodes(doc.model), [doc.model]);
  // Checking a large map takes a few milliseconds: typing stays ahead of it, and the map is on
  // screen before its first check.
  const checkedModel = useDeferredValue<DraftModel | null>(doc.model, null);
  const problems = useMemo(() => (checkedModel ? mapProblems(checkedModel) : []), [checkedModel]);
  const problemMap = useMemo(() => problemsByNode(problems), [problems]);
  const editable = server.canEdit && status.state !== 'conflict';

  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [tab, setTab] = useState<SideTab>('details');
  const wide = useMediaQuery('(min-width: 1800px)', true, { getInitialValueInEffect: false });
  const [panelOpen, setPanelOpen] = useState(true);
  // Chokepoints: checked in a web worker while their tab is open or the map highlights them.
  // Opening the tab the first time turns the highlight on; it stays on while the user goes back to
  // editing, so the map shows each edit's effect.
  const [highlightChokepoints, setHighlightChokepoints] = useState(false);
  const chokepointsSeen = useRef(false);
  const onTab = useCallback((next: SideTab) => {
    if (next === 'chokepoints' && !chokepointsSeen.current) {
      chokepointsSeen.current = true;
      setHighlightChokepoints(true);
    }
    setTab(next);
  }, []);
  const whatIf = useWhatIf(doc.model, highlightChokepoints || (panelOpen && tab === 'chokepoints'));
  const whatIfResult = whatIf.result?.status === 'blocked' ? null : whatIf.result;
  const chokepointIds = useMemo(
    () => (highlightChokepoints && whatIfResult ? new Set(whatIfResult.chokepoints) : undefined),
    [highlightChokepoints, whatIfResult],
  );
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [layingOut, setLayingOut] = useState(false);
  const [exporting, setExporting] = useState<{ format: 'svg' | 'png'; frame: Rect } | null>(null);
  const canvasBox = useRef<HTMLDivElement>(null);
  const labelRef = useRef<HTMLInputElement>(null);
  const [focusLabel, setFocusLabel] = useState(false);

  // The selection without what an edit (or an undo) took away.
  const edgeById = useMemo(() => new Map(graph.edges.map((e) => [e.id, e])), [graph]);
  const selectedNodes = useMemo(
    () => new Set([...selection.nodes].filter((id) => nodes.has(id))),
    [selection.nodes, nodes],
  );
  const selectedEdges = useMemo(
    () => [...selection.edges].flatMap((id) => edgeById.get(id) ?? []),
    [selection.edges, edgeById],
  );
  const effectiveSelection = useMemo(
    () => ({ nodes: selectedNodes, edges: new Set(selectedEdges.map((e) => e.id)) }),
    [selectedNodes, selectedEdges],
  );

  useEffect(() => {
    if (status.state === 'conflict') setConflictOpen(true);
  }, [status.state]);

  useEffect(() => {
    if (!focusLabel) return;
    setFocusLabel(false);
    labelRef.current?.focus();
    labelRef.current?.select();
  }, [focusLabel]);

  const selectNode = useCallback(
    (id: string, reveal = true) => {
      setSelection({ nodes: new Set([id]), edges: new Set() });
      const at = doc.layout[id];
      const kind = nodes.get(id)?.kind;
      if (reveal && at && kind) {
        const size = NODE_SIZE[kind];
        void flow.setCenter(at.x + size.width / 2, at.y + size.height / 2, {
          zoom: Math.max(flow.getZoom(), 0.8),
          duration: 300,
        });
      }
    },
    [doc.layout, nodes, flow],
  );

  /** A free spot near the middle of the view for a node added from the palette or keyboard. */
  const centerSpot = useCallback(
    (kind: AddableKind): Position => {
      const box = canvasBox.current?.getBoundingClientRect();
      const center = box
        ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
        : { x: 0, y: 0 };
      const size = NODE_SIZE[kind];
      let spot = { x: Math.round(center.x - size.width / 2), y: Math.round(center.y - size.height / 2) };
      const taken = (p: Position) =>
        Object.values(doc.layout).some((q) => Math.abs(q.x - p.x) < 40 && Math.abs(q.y - p.y) < 40);
      for (let i = 0; i < 20 && taken(spot); i++) spot = { x: spot.x + 30, y: spot.y + 30 };
      return spot;
    },
    [flow, doc.layout],
  );

  const addNode = useCallback(
    (kind: AddableKind, position?: Position) => {
      const id = newId(doc.model, kind);
      commit({
        type: 'addNode',
        kind,
        id,
        label: `New ${NODE_LOOK[kind].label.toLowerCase()}`,
        position: position ?? centerSpot(kind),
      });
      setSelection({ nodes: new Set([id]), edges: new Set() });
      setTab('details');
      setPanelOpen(true);
      setFocusLabel(true);
    },
    [commit, doc.model, centerSpot],
  );

  const onMoved = useCallback(
    (positions: Record<string, Position>) => commit({ type: 'moveNodes', positions }),
    [commit],
  );
  const canConnect = useCallback(
    (source: string, target: string) => connectionProblem(doc.model, source, target) === null,
    [doc.model],
  );
  const onConnect = useCallback(
    (source: string, target: string) => {
      const problem = connectionProblem(doc.model, source, target);
      if (problem) notifications.show({ color: 'orange', message: problem });
      else commit({ type: 'connect', source, target });
    },
    [commit, doc.model],
  );

  const removeSelection = useCallback(() => {
    if (selectedNodes.size === 0 && selectedEdges.length === 0) return;
    commit({ type: 'remove', nodes: [...selectedNodes], edges: selectedEdges.map((e) => e.ref) });
    setSelection(NO_SELECTION);
  }, [commit, selectedNodes, selectedEdges]);

  const autoLayout = useCallback(async () => {
    setLayingOut(true);
    try {
      const positions = await layoutGraph(graph);
      const layout: Record<string, Position> = {};
      for (const [id, p] of positions) layout[id] = { x: p.x, y: p.y };
      commit({ type: 'setLayout', layout });
      requestAnimationFrame(() => void flow.fitView({ padding: 0.08, duration: 300 }));
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'The map could not be laid out',
        message: errorMessage(error),
      });
    } finally {
      setLayingOut(false);
    }
  }, [graph, commit, flow]);

  const mapName = doc.model.name?.trim() || server.name;
  const exportJson = useCallback(
    () => downloadText(modelFileText(doc.model), modelFileName(mapName), 'application/json'),
    [doc.model, mapName],
  );
  const onExport = (what: 'svg' | 'png' | 'json') => {
    if (what === 'json') return exportJson();
    setExporting({ format: what, frame: exportFrame(flow.getNodes()) });
  };
  useEffect(() => {
    if (!exporting) return;
    let cancelled = false;
    // Two frames: React renders every node, then the browser lays them out.
    requestAnimationFrame(() =>
      requestAnimationFrame(async () => {
        const viewport = canvasBox.current?.querySelector<HTMLElement>('.react-flow__viewport');
        try {
          if (!viewport) throw new Error('The canvas is not on the page.');
          const image = await renderImage(viewport, exporting.frame, exporting.format);
          if (!cancelled) downloadBlob(image, `${fileStem(mapName)}.${exporting.format}`);
        } catch (error) {
          notifications.show({
            color: 'red',
            title: 'The image could not be made',
            message: errorMessage(error),
          });
        } finally {
          if (!cancelled) setExporting(null);
        }
      }),
    );
    return () => {
      cancelled = true;
    };
  }, [exporting, mapName]);

  const loadMap = useCallback(
    async (map: MapDetail) => {
      const next = await prepareDoc(map);
      document.load(map, next);
      setSelection(NO_SELECTION);
    },
    [document],
  );

  const onImport = async (fileName: string, read: { model: typeof doc.model }): Promise<ImportOutcome> => {
    const graphAfter = modelToGraph(read.model);
    const kept: Record<string, Position> = {};
    for (const node of graphAfter.nodes) {
      const at = doc.layout[node.id];
      if (at) kept[node.id] = at;
    }
    const layout = await placeMissing(graphAfter, kept);
    commit({ type: 'replace', doc: { model: read.model, layout } });
    setSelection(NO_SELECTION);
    const after = await document.saveNow();
    if (after.state === 'saved') {
      notifications.show({ color: 'teal', message: `Imported ${fileName} as a new version of this map.` });
      requestAnimationFrame(() => void flow.fitView({ padding: 0.08, duration: 300 }));
      return { ok: true };
    }
    if (after.state === 'failed') {
      return {
        ok: false,
        message: `The server refused the document: ${after.message}`,
        details: [
          ...after.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)),
          'The map shows the imported document, not saved: undo (Ctrl+Z) to go back.',
        ],
      };
    }
    if (after.state === 'conflict')
      return { ok: false, message: 'Someone else saved this map first.', details: [] };
    return {
      ok: false,
      message: 'Not saved yet: the server cannot be reached. SMART keeps retrying.',
      details: [],
    };
  };

  useEditorShortcuts(
    {
      undo: document.undo,
      redo: document.redo,
      remove: removeSelection,
      save: () => void document.saveNow(),
      addKind: (i) => {
        const kind = PALETTE_KINDS[i];
        if (kind) addNode(kind);
      },
      selectAll: () => setSelection({ nodes: new Set(nodes.keys()), edges: new Set() }),
      clearSelection: () => setSelection(NO_SELECTION),
      fitView: () => void flow.fitView({ padding: 0.08, duration: 300 }),
      showShortcuts: () => setShortcutsOpen(true),
    },
    editable,
  );

  const onFirstRender = useCallback(
    () => markEditor(MARKS.firstRender, { nodes: graph.nodes.length }),
    [graph],
  );

  const single = selectedNodes.size === 1 && selectedEdges.length === 0 ? [...selectedNodes][0] : undefined;
  const singleEntry = single ? nodes.get(single) : undefined;
  const singleEdge = selectedNodes.size === 0 && selectedEdges.length === 1 ? selectedEdges[0] : undefined;
  const findData = useMemo(
    () =>
      [...nodes.values()].map((entry) => ({
        value: entry.node.id,
        label: `${nodeLabel(entry.node)} (${NODE_LOOK[entry.kind].label.toLowerCase()})`,
      })),
    [nodes],
  );
  const finder = (
    <Select
      placeholder="Find a node…"
      aria-label="Find a node"
      data={findData}
      value={null}
      onChange={(id) => id && selectNode(id)}
      searchable
      limit={40}
      nothingFoundMessage="No node has that name"
      leftSection={<IconSearch size={14} />}
      mb="md"
      size="sm"
      data-testid="find-node"
    />
  );
  const details = singleEntry ? (
    <NodeProperties
      key={singleEntry.node.id}
      entry={singleEntry}
      model={doc.model}
      layout={doc.layout}
      nodes={nodes}
      editable={editable}
      mapId={server.id}
      actors={names.actors}
      commit={commit}
      onSelectNode={selectNode}
      labelRef={labelRef}
    />
  ) : singleEdge ? (
    <EdgeProperties
      key={singleEdge.id}
      edge={singleEdge}
      model={doc.model}
      nodes={nodes}
      editable={editable}
      commit={commit}
      onSelectNode={selectNode}
    />
  ) : selectedNodes.size + selectedEdges.length > 1 ? (
    <SelectionProperties
      model={doc.model}
      nodes={nodes}
      selectedNodes={selectedNodes}
      selectedEdges={selectedEdges}
      editable={editable}
      commit={(edit: Edit) => {
        commit(edit);
        if (edit.type === 'remove') setSelection(NO_SELECTION);
      }}
    />
  ) : (
    <MapProperties model={doc.model} map={server} editable={editable} commit={commit} />
  );

  return (
    <Box
      h="calc(100dvh - var(--app-shell-header-height, 60px) - 2 * var(--mantine-spacing-xl))"
      mih={560}
      style={{ display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-sm)' }}
      data-testid="map-editor"
    >
      <EditorHeader
        orgId={orgId}
        name={mapName}
        map={server}
        editable={editable}
        status={status}
        canUndo={document.canUndo}
        canRedo={document.canRedo}
        layingOut={layingOut}
        panelOpen={panelOpen}
        shortcutsOpen={shortcutsOpen}
        onShortcuts={setShortcutsOpen}
        onUndo={document.undo}
        onRedo={document.redo}
        onAutoLayout={() => void autoLayout()}
        onExport={onExport}
        onImport={() => setImportOpen(true)}
        onTogglePanel={() => setPanelOpen((open) => !open)}
        onRetry={() => void document.saveNow()}
        onShowConflict={() => setConflictOpen(true)}
        palette={editable ? <Palette onAdd={(kind) => addNode(kind)} /> : undefined}
        onReviewChanged={(map) => {
          document.updateServer(map);
          queryClient.setQueryData(mapKey(orgId, map.id), map);
        }}
      />
      {!server.canEdit && (
        <Alert
          color="gray"
          variant="light"
          icon={<IconEye size={18} />}
          py={8}
          data-testid="read-only-notice"
        >
          <Text size="sm">
            You can read this map{server.canComment ? ' and comment on it' : ''}.{' '}
            {readOnlyReason(role, server)}
          </Text>
        </Alert>
      )}
      {status.state === 'conflict' && (
        <Alert color="red" variant="light" py={8}>
          <Group justify="space-between">
            <Text size="sm">Saving has stopped: someone else saved this map while you were editing it.</Text>
            <Anchor component="button" type="button" size="sm" onClick={() => setConflictOpen(true)}>
              What now?
            </Anchor>
          </Group>
        </Alert>
      )}
      <div style={{ display: 'flex', flex: 1, minHeight: 0, gap: 'var(--mantine-spacing-sm)' }}>
        <Paper
          withBorder
          ref={canvasBox}
          style={{ flex: 1, minWidth: 0, position: 'relative', overflow: 'hidden' }}
          data-testid="map-canvas"
        >
          <EditorCanvas
            graph={graph}
            layout={doc.layout}
            selection={effectiveSelection}
            problems={problemMap}
            highlighted={chokepointIds}
            editable={editable}
            exporting={exporting !== null}
            onSelect={setSelection}
            onMoved={onMoved}
            onConnect={onConnect}
            onAddAt={addNode}
            canConnect={canConnect}
            onFirstRender={onFirstRender}
          >
            <TlpMarking
              tlp={doc.model.tlp}
              editable={editable}
              onChange={(tlp) => commit({ type: 'setMap', tlp })}
            />
            <LegendOverlay />
            {exporting && <ExportHeader frame={exporting.frame} name={mapName} tlp={doc.model.tlp} />}
          </EditorCanvas>
          {graph.nodes.length === 0 && (
            <Text
              size="sm"
              c="dimmed"
              style={{
                position: 'absolute',
                top: '45%',
                width: '100%',
                textAlign: 'center',
                pointerEvents: 'none',
              }}
            >
              {editable
                ? 'An empty map. Add its critical function and the steps behind it from the bar above.'
                : 'This map is empty.'}
            </Text>
          )}
        </Paper>
        {panelOpen && (
          <SidePanel
            width={wide ? 440 : 380}
            tab={tab}
            onTab={onTab}
            details={
              <>
                {finder}
                {details}
              </>
            }
            problems={problems}
            chokepoints={
              <ChokepointsPanel
                whatIf={whatIf}
                highlight={highlightChokepoints}
                onHighlight={setHighlightChokepoints}
                onSelectNode={(id) => selectNode(id)}
                onShowProblems={() => setTab('problems')}
                editable={editable}
              />
            }
            map={server}
            version={server.version}
            canEdit={server.canEdit}
            selectedNode={
              singleEntry ? { id: singleEntry.node.id, label: nodeLabel(singleEntry.node) } : null
            }
            onSelectNode={(id) => selectNode(id)}
            onRestored={(map) => void loadMap(map)}
          />
        )}
      </div>
      {status.state === 'conflict' && (
        <ConflictModal
          opened={conflictOpen}
          conflict={status.conflict}
          onClose={() => setConflictOpen(false)}
          onDownloadMine={exportJson}
          onLoadTheirs={async () => {
            const theirs =
              status.conflict.theirs ?? (await api.get<MapDetail>(`/api/orgs/${orgId}/maps/${server.id}`));
            await loadMap(theirs);
            setConflictOpen(false);
          }}
        />
      )}
      <ImportModal
        opened={importOpen}
        onClose={() => setImportOpen(false)}
        currentTlp={doc.model.tlp}
        onImport={onImport}
      />
      <LeaveGuard hasUnsavedChanges={document.hasUnsavedChanges} status={status} saveNow={document.saveNow} />
    </Box>
  );
}

// From a map as the server sends it to the document the editor works on: the draft model with its
// defaults, and a position for every node (the saved ones kept; ELK or a neighbour's place for the
// rest). The moments are marked with performance.mark, which the canvas benchmark reads.
import { normalizeDraft } from '../draft';
import { placeMissing } from '../layout';
import { modelToGraph } from '../map-graph';
import type { MapDetail } from '../types';
import type { EditorDoc } from './edits';

export const MARKS = {
  loaded: 'smart:map-editor:loaded',
  layoutStart: 'smart:map-editor:layout-start',
  layoutEnd: 'smart:map-editor:layout-end',
  firstRender: 'smart:map-editor:first-render',
} as const;

function mark(name: string, detail?: unknown): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
    performance.mark(name, detail === undefined ? undefined : { detail });
  }
}

export { mark as markEditor };

export async function prepareDoc(map: MapDetail): Promise<EditorDoc> {
  const model = normalizeDraft(map.model);
  const graph = modelToGraph(model);
  const missing = graph.nodes.filter((n) => !map.layout[n.id]).length;
  mark(MARKS.loaded, { nodes: graph.nodes.length, edges: graph.edges.length });
  mark(MARKS.layoutStart, { missing });
  const layout = missing === 0 ? map.layout : await placeMissing(graph, map.layout);
  mark(MARKS.layoutEnd, { missing });
  return { model, layout };
}

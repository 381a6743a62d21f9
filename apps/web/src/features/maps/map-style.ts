// How each node kind and flow type looks on a map: one place for the canvas and its legend.
import type { MapEdgeKind, MapNodeKind } from './map-graph';

export interface NodeLook {
  /** Mantine color name for the accent. */
  color: string;
  /** Border radius of the box: rounded for activities, square for things, pill for outcomes. */
  radius: number;
  dashed?: boolean;
}

export const NODE_LOOK: Record<MapNodeKind, NodeLook> = {
  function: { color: 'grape', radius: 28 },
  step: { color: 'blue', radius: 10 },
  system: { color: 'cyan', radius: 2 },
  service: { color: 'orange', radius: 2 },
  vendor: { color: 'red', radius: 2 },
  host: { color: 'gray', radius: 2 },
  workaround: { color: 'green', radius: 10, dashed: true },
};

export interface EdgeLook {
  stroke: string;
  dash?: string;
  width: number;
}

export const EDGE_LOOK: Record<MapEdgeKind, EdgeLook> = {
  information: { stroke: '#1c7ed6', width: 1.6 },
  payment: { stroke: '#2f9e44', width: 2.2 },
  material: { stroke: '#e8590c', width: 2.2, dash: '10 4' },
  support: { stroke: '#868e96', width: 1.4, dash: '2 4' },
  'supplied-by': { stroke: '#c92a2a', width: 1.2, dash: '1 3' },
  workaround: { stroke: '#37b24d', width: 1.4, dash: '6 4' },
};

export const NODE_KIND_LABEL: Record<MapNodeKind, string> = {
  function: 'Critical function',
  step: 'Process step',
  system: 'Internal system',
  service: 'Third-party service',
  vendor: 'Vendor',
  host: 'Host or infrastructure',
  workaround: 'Manual workaround',
};

export const EDGE_KIND_LABEL: Record<MapEdgeKind, string> = {
  information: 'Information flow',
  payment: 'Payment flow',
  material: 'Material flow',
  support: 'Support (runs on, maintained by)',
  'supplied-by': 'Supplied by',
  workaround: 'Workaround for',
};

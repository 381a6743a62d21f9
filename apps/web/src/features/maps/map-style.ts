// How each node kind and flow type looks on a map, from the shared line and shape key (the same
// tables the exports and reports use), so the canvas, its legend and every export agree.

import type { FlowType } from '@smart/core';
import { type LineStyle, lineKey, overlayLineKey, type ShapeStyle, shapeKey } from '@smart/templates/keys';
import type { MapEdge, MapNodeKind } from './map-graph';

export const NODE_LOOK: Readonly<Record<MapNodeKind, ShapeStyle>> = shapeKey;

/** The look of an edge: its flow type's, or the overlay's for alternatives and workarounds. */
export function edgeLook(edge: MapEdge): LineStyle {
  if (edge.kind === 'workaround') return overlayLineKey.workaround;
  if (edge.alternatives) return overlayLineKey.alternative;
  return lineKey[edge.kind];
}

export const LEGEND_LINES: readonly LineStyle[] = [
  ...Object.values(lineKey),
  overlayLineKey.alternative,
  overlayLineKey.workaround,
];

/** The key's name of a flow type ("Payment flow"). */
export function lineKeyLabel(flow: FlowType): string {
  return lineKey[flow].label;
}

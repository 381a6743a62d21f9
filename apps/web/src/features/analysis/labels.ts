// Words for what the analysis returns as codes: node kinds, review statuses, condition colours.
import type { NodeCondition, NodeKind } from '@smart/core';
import type { ReviewStatus } from '../maps/types';
import type { AnalysisMap, AnalysisNode, OrgAnalysis } from './types';

export const KIND_LABEL: Record<NodeKind, string> = {
  function: 'Critical function',
  step: 'Step',
  system: 'Internal system',
  service: 'Service',
  vendor: 'Vendor',
  host: 'Host',
};

export function kindLabel(kind: string): string {
  return (KIND_LABEL as Record<string, string>)[kind] ?? kind;
}

export const REVIEW_LABEL: Record<ReviewStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  validated: 'Validated',
};

export const CONDITION: Record<NodeCondition, { color: string; label: string; hex: string }> = {
  down: { color: 'red', label: 'Down', hex: '#e03131' },
  degraded: { color: 'orange', label: 'On a workaround', hex: '#f08c00' },
  up: { color: 'gray', label: 'Not affected', hex: '#adb5bd' },
};

/** Lookups the pages share: a node by id, a map by id, a node's map names. */
export function indexAnalysis(analysis: OrgAnalysis) {
  const nodes = new Map<string, AnalysisNode>(analysis.nodes.map((n) => [n.id, n]));
  const maps = new Map<string, AnalysisMap>(analysis.maps.map((m) => [m.id, m]));
  const mapNames = (id: string) =>
    (nodes.get(id)?.mapIds ?? []).map((mapId) => maps.get(mapId)?.name ?? 'a map').join(', ');
  const label = (id: string) => nodes.get(id)?.label ?? id;
  return { nodes, maps, mapNames, label };
}

export const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

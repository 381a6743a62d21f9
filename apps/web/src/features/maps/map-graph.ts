// A SMART model document as a drawable graph: one node per function, step, system, service,
// vendor, host and workaround; one edge per dependency, drawn the way things flow (from the
// provider to the node that depends on it), plus the vendor behind each service and host
// (support) and the workaround behind a node.
import type { FlowType, SmartModel } from '@smart/core';

export type MapNodeKind = 'function' | 'step' | 'system' | 'service' | 'vendor' | 'host' | 'workaround';
export type MapEdgeKind = FlowType | 'workaround';

export interface MapNode {
  id: string;
  kind: MapNodeKind;
  label: string;
  /** A second line: the service category, the tolerance, the workaround's capacity ... */
  detail?: string;
}

export interface MapEdge {
  id: string;
  /** The provider: what flows comes from here. */
  source: string;
  /** The node that depends on the source. */
  target: string;
  kind: MapEdgeKind;
  label?: string;
  /** Set when the source is one of a group of alternatives of the target ("1 of 2"). */
  alternatives?: string;
}

export interface MapGraph {
  nodes: MapNode[];
  edges: MapEdge[];
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** How to name what the model refers to by id (actors, service categories); ids by default. */
export interface MapNames {
  actor?: (id: string) => string;
  category?: (id: string) => string;
}

export function modelToGraph(model: SmartModel, names: MapNames = {}): MapGraph {
  const actorName = names.actor ?? ((id: string) => id);
  const categoryName = names.category ?? ((id: string) => id);
  const nodes: MapNode[] = [];
  const add = (kind: MapNodeKind, id: string, label: string | undefined, detail?: string) =>
    nodes.push({ id, kind, label: label || id, ...(detail ? { detail } : {}) });

  for (const f of model.functions) add('function', f.id, f.label, `Tolerates ${f.maxTolerableDowntime} down`);
  for (const s of model.processSteps) {
    const who = [s.order === undefined ? '' : `Step ${s.order}`, s.actor ? actorName(s.actor) : '']
      .filter(Boolean)
      .join(' · ');
    add('step', s.id, s.label, who || undefined);
  }
  for (const s of model.systems) add('system', s.id, s.label);
  for (const s of model.services) add('service', s.id, s.label, categoryName(s.category));
  for (const v of model.vendors) add('vendor', v.id, v.label);
  for (const h of model.hosts) add('host', h.id, h.label);
  for (const w of model.workarounds) {
    add('workaround', w.id, w.label, `${percent(w.capacity)} capacity for up to ${w.maxDuration}`);
  }

  const groupOf = new Map<string, string>();
  for (const g of model.alternatives) {
    const text = `${g.k} of ${g.members.length}${g.label ? `: ${g.label}` : ''}`;
    for (const member of g.members) groupOf.set(`${g.from}\u0000${member}`, text);
  }

  const edges: MapEdge[] = model.dependencies.map((d, i) => {
    const alternatives = groupOf.get(`${d.from}\u0000${d.to}`);
    return {
      id: `dep-${i}`,
      source: d.to,
      target: d.from,
      kind: d.flow,
      ...(d.label || d.standard ? { label: [d.label, d.standard].filter(Boolean).join(' · ') } : {}),
      ...(alternatives ? { alternatives } : {}),
    };
  });
  for (const s of model.services) {
    edges.push({ id: `vendor-${s.id}`, source: s.vendor, target: s.id, kind: 'support', label: 'provides' });
  }
  for (const h of model.hosts) {
    if (h.vendor)
      edges.push({
        id: `vendor-${h.id}`,
        source: h.vendor,
        target: h.id,
        kind: 'support',
        label: 'operates',
      });
  }
  for (const w of model.workarounds) {
    edges.push({ id: `workaround-${w.id}`, source: w.id, target: w.for, kind: 'workaround' });
  }
  return { nodes, edges };
}

// A SMART model document as a drawable graph: one node per function, step, system, service,
// vendor, host and workaround; one edge per dependency, drawn the way things flow (from the
// provider to the node that depends on it), plus the vendor behind each service and host
// (support) and the workaround behind a node. Works on draft models too: a service with no vendor
// has no vendor line, a function with no tolerance says so.
import type { FlowType } from '@smart/core';
import type { DraftModel } from './draft';

export type MapNodeKind = 'function' | 'step' | 'system' | 'service' | 'vendor' | 'host' | 'workaround';
export type MapEdgeKind = FlowType | 'workaround';

export interface MapNode {
  id: string;
  kind: MapNodeKind;
  label: string;
  /** A second line: the service category, the tolerance, the workaround's capacity ... */
  detail?: string;
}

/** What an edge stands for in the model document, so the editor can change or remove it. */
export type MapEdgeRef =
  | { type: 'dependency'; index: number }
  /** The vendor of a service or host (`node`). */
  | { type: 'vendor'; node: string }
  | { type: 'workaround'; id: string };

export interface MapEdge {
  /** Stable across edits: made from the ends, not from a position in a list. */
  id: string;
  ref: MapEdgeRef;
  /** The provider: what flows comes from here. */
  source: string;
  /** The node that depends on the source. */
  target: string;
  kind: MapEdgeKind;
  label?: string;
  /** Set when the source is one of a group of alternatives of the target ("1 of 2"). */
  alternatives?: string;
  /** The id of that group. */
  groupId?: string;
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

export function modelToGraph(model: DraftModel, names: MapNames = {}): MapGraph {
  const actorName = names.actor ?? ((id: string) => id);
  const categoryName = names.category ?? ((id: string) => id);
  const nodes: MapNode[] = [];
  const add = (kind: MapNodeKind, id: string, label: string | undefined, detail?: string) =>
    nodes.push({ id, kind, label: label || id, ...(detail ? { detail } : {}) });

  for (const f of model.functions) {
    add(
      'function',
      f.id,
      f.label,
      f.maxTolerableDowntime ? `Tolerates ${f.maxTolerableDowntime} down` : 'No tolerance set',
    );
  }
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

  const groupOf = new Map<string, { text: string; id: string }>();
  for (const g of model.alternatives) {
    // Only "1 of 2" on the line: the group's name is in its node's panel, not repeated per line.
    const text = `${g.k} of ${g.members.length}`;
    for (const member of g.members) groupOf.set(`${g.from}\u0000${member}`, { text, id: g.id });
  }

  const seen = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}#${n}`;
    seen.add(id);
    return id;
  };
  const edges: MapEdge[] = model.dependencies.map((d, index) => {
    const group = groupOf.get(`${d.from}\u0000${d.to}`);
    return {
      id: uniqueId(`dep:${d.to}>${d.from}`),
      ref: { type: 'dependency', index },
      source: d.to,
      target: d.from,
      kind: d.flow,
      ...(d.label || d.standard ? { label: [d.label, d.standard].filter(Boolean).join(' · ') } : {}),
      ...(group ? { alternatives: group.text, groupId: group.id } : {}),
    };
  });
  for (const s of model.services) {
    if (!s.vendor) continue;
    edges.push({
      id: uniqueId(`vendor:${s.id}`),
      ref: { type: 'vendor', node: s.id },
      source: s.vendor,
      target: s.id,
      kind: 'support',
      label: 'provides',
    });
  }
  for (const h of model.hosts) {
    if (!h.vendor) continue;
    edges.push({
      id: uniqueId(`vendor:${h.id}`),
      ref: { type: 'vendor', node: h.id },
      source: h.vendor,
      target: h.id,
      kind: 'support',
      label: 'operates',
    });
  }
  for (const w of model.workarounds) {
    edges.push({
      id: uniqueId(`workaround:${w.id}`),
      ref: { type: 'workaround', id: w.id },
      source: w.id,
      target: w.for,
      kind: 'workaround',
    });
  }
  return { nodes, edges };
}

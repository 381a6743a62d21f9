// A large map as an organization would have one: copies of the sector templates' workflows, each
// with its own functions, steps and services, sharing the vendors and hosts of its template.
// Used by the canvas benchmark (bench/canvas.ts).
import type { SmartModelInput } from '../packages/core/src/index';
import { templates } from '../packages/templates/src/index';

type Model = Required<
  Pick<
    SmartModelInput,
    | 'functions'
    | 'processSteps'
    | 'systems'
    | 'services'
    | 'vendors'
    | 'hosts'
    | 'workarounds'
    | 'dependencies'
    | 'alternatives'
  >
> &
  SmartModelInput;

/**
 * About `target` nodes: copies of the sector templates' workflows, one after the other. Each copy
 * has its own functions, steps and services; vendors and hosts are shared by every copy of a
 * template, so the workflows hang together the way an organization's maps do.
 */
export function workflowsModel(target: number): { model: Model; nodes: number } {
  const model: Model = {
    format: 'smart-model',
    version: 1,
    name: `Benchmark: ${target.toLocaleString('en-US')} nodes`,
    tlp: 'AMBER',
    functions: [],
    processSteps: [],
    systems: [],
    services: [],
    vendors: [],
    hosts: [],
    workarounds: [],
    dependencies: [],
    alternatives: [],
  };
  const shared = new Set<string>();
  let nodes = 0;
  for (let copy = 0; nodes < target; copy++) {
    const template = templates[copy % templates.length];
    if (!template) break;
    const m = template.model;
    const keep = new Set([...m.vendors.map((v) => v.id), ...m.hosts.map((h) => h.id)]);
    const id = (raw: string) => (keep.has(raw) ? `${template.id}:${raw}` : `${raw}~${copy}`);
    for (const v of m.vendors) {
      if (shared.has(id(v.id))) continue;
      shared.add(id(v.id));
      model.vendors.push({ ...v, id: id(v.id) });
      nodes++;
    }
    for (const h of m.hosts) {
      if (shared.has(id(h.id))) continue;
      shared.add(id(h.id));
      model.hosts.push({ ...h, id: id(h.id), ...(h.vendor ? { vendor: id(h.vendor) } : {}) });
      nodes++;
    }
    const suffix = ` (${Math.floor(copy / templates.length) + 1})`;
    model.functions.push(
      ...m.functions.map((f) => ({ ...f, id: id(f.id), label: `${f.label ?? f.id}${suffix}` })),
    );
    model.processSteps.push(...m.processSteps.map((s) => ({ ...s, id: id(s.id) })));
    model.systems.push(...m.systems.map((s) => ({ ...s, id: id(s.id) })));
    model.services.push(...m.services.map((s) => ({ ...s, id: id(s.id), vendor: id(s.vendor) })));
    model.workarounds.push(...m.workarounds.map((w) => ({ ...w, id: id(w.id), for: id(w.for) })));
    model.dependencies.push(...m.dependencies.map((d) => ({ ...d, from: id(d.from), to: id(d.to) })));
    model.alternatives.push(
      ...m.alternatives.map((g) => ({ ...g, id: id(g.id), from: id(g.from), members: g.members.map(id) })),
    );
    nodes +=
      m.functions.length +
      m.processSteps.length +
      m.systems.length +
      m.services.length +
      m.workarounds.length;
  }
  return { model, nodes };
}

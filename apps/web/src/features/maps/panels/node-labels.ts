// The nodes of a stored (draft) map document by id, with their label and kind, so a comment or a
// link about "step-submit" can say "Submit claim (step)". The draft may be incomplete: anything
// that is not an array of objects with an id is skipped rather than trusted.
import type { DraftModelDocument } from '../types';

export type NodeKindName = 'function' | 'step' | 'system' | 'service' | 'vendor' | 'host' | 'workaround';

export interface NodeName {
  label: string;
  kind: NodeKindName;
}

const SECTIONS: [string, NodeKindName][] = [
  ['functions', 'function'],
  ['processSteps', 'step'],
  ['systems', 'system'],
  ['services', 'service'],
  ['vendors', 'vendor'],
  ['hosts', 'host'],
  ['workarounds', 'workaround'],
];

export const NODE_KIND_LABELS: Record<NodeKindName, string> = {
  function: 'Function',
  step: 'Step',
  system: 'Internal system',
  service: 'Third-party service',
  vendor: 'Vendor',
  host: 'Host',
  workaround: 'Workaround',
};

export function nodeNames(model: DraftModelDocument | undefined): Map<string, NodeName> {
  const names = new Map<string, NodeName>();
  if (!model) return names;
  for (const [section, kind] of SECTIONS) {
    const list = model[section];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (typeof item !== 'object' || item === null) continue;
      const { id, label } = item as { id?: unknown; label?: unknown };
      if (typeof id !== 'string') continue;
      names.set(id, { label: typeof label === 'string' && label.trim() ? label : id, kind });
    }
  }
  return names;
}

// The draft form of a model document, the one a workflow map is stored in while people edit it:
// the same schema, except that a service may still lack its vendor and a function its maximum
// tolerable downtime, and references may dangle. draftProblems says, in words and per node, what
// stands between a draft and a document the analysis accepts.
import { z } from 'zod';
import { criticalFunctionSchema } from './critical-function';
import { MODEL_FORMAT, MODEL_VERSION, type NodeKind, type SmartModel, smartModelSchema } from './document';
import { durationSchema } from './duration';
import { idSchema } from './ids';
import { serviceSchema } from './service';
import { type ModelIssue, referentialIssues } from './validate';

export const draftModelSchema = smartModelSchema
  .extend({
    functions: z
      .array(
        criticalFunctionSchema.extend({
          maxTolerableDowntime: durationSchema
            .optional()
            .meta({ description: 'Maximum tolerable downtime; may be missing while the map is a draft.' }),
        }),
      )
      .default([]),
    services: z
      .array(
        serviceSchema.extend({
          vendor: idSchema
            .optional()
            .meta({ description: 'The vendor that provides this service; may be missing in a draft.' }),
        }),
      )
      .default([]),
  })
  .meta({
    title: 'SMART model document (draft)',
    description: 'A model document being edited: services may lack a vendor, functions a tolerance.',
  });

export type DraftModel = z.infer<typeof draftModelSchema>;

export interface DraftProblem {
  /** JSON path of what is wrong, e.g. `services[2].vendor` or `dependencies[4]`. */
  path: string;
  message: string;
  /** The node the problem is about (or shown on), when there is one. */
  nodeId?: string;
  /** Errors keep the draft from being analysed; warnings do not. */
  severity: 'error' | 'warning';
}

/** The node lists of a document, in NODE_KINDS order, with the field that holds each. */
export const NODE_FIELDS: ReadonlyArray<readonly [NodeKind, keyof DraftModel & string]> = [
  ['function', 'functions'],
  ['step', 'processSteps'],
  ['system', 'systems'],
  ['service', 'services'],
  ['vendor', 'vendors'],
  ['host', 'hosts'],
];

const KIND_WORDS: Record<NodeKind, string> = {
  function: 'Function',
  step: 'Process step',
  system: 'Internal system',
  service: 'Third-party service',
  vendor: 'Vendor',
  host: 'Host',
};

export interface DraftNode {
  id: string;
  label: string;
  kind: NodeKind;
}

type Labelled = { id: string; label?: string | undefined };
const labelOf = (item: Labelled): string => item.label?.trim() || item.id;

/** Every node of the draft with the label people see (its id when it has none). */
export function draftNodes(draft: DraftModel): DraftNode[] {
  const nodes: DraftNode[] = [];
  for (const [kind, field] of NODE_FIELDS) {
    for (const item of draft[field] as Labelled[]) nodes.push({ id: item.id, label: labelOf(item), kind });
  }
  return nodes;
}

/** The ids of the draft's nodes (functions, steps, systems, services, vendors, hosts). */
export function draftNodeIds(draft: DraftModel): Set<string> {
  return new Set(draftNodes(draft).map((n) => n.id));
}

/** A strict document built from a complete draft; undefined while the draft has error problems. */
export function draftToModel(draft: DraftModel): SmartModel | undefined {
  if (draftProblems(draft).some((p) => p.severity === 'error')) return undefined;
  const parsed = smartModelSchema.safeParse(draft);
  return parsed.success ? parsed.data : undefined;
}

/** An empty draft: no nodes yet. */
export function emptyDraft(name: string, tlp: DraftModel['tlp']): DraftModel {
  return draftModelSchema.parse({ format: MODEL_FORMAT, version: MODEL_VERSION, name, tlp });
}

/**
 * The process steps that depend on a node, directly or through other nodes ("from depends on
 * to", followed backwards), the node itself included when it is a step; in document order.
 */
export function stepsDependingOn(draft: DraftModel, nodeId: string): { id: string; label: string }[] {
  const dependents = new Map<string, string[]>();
  for (const dep of draft.dependencies) {
    const list = dependents.get(dep.to);
    if (list) list.push(dep.from);
    else dependents.set(dep.to, [dep.from]);
  }
  const seen = new Set<string>([nodeId]);
  const queue = [nodeId];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const from of dependents.get(next) ?? []) {
      if (!seen.has(from)) {
        seen.add(from);
        queue.push(from);
      }
    }
  }
  return draft.processSteps.filter((s) => seen.has(s.id)).map((s) => ({ id: s.id, label: labelOf(s) }));
}

/** What keeps a draft from being a valid model (errors), and what looks unfinished (warnings). */
export function draftProblems(draft: DraftModel): DraftProblem[] {
  const index = nodeIndex(draft);
  const problems: DraftProblem[] = [];
  const skipped = new Set<string>();
  draft.services.forEach((service, i) => {
    if (service.vendor) return;
    skipped.add(`services[${i}].vendor`);
    problems.push({
      path: `services[${i}].vendor`,
      nodeId: service.id,
      severity: 'error',
      message: `Third-party service "${labelOf(service)}" has no vendor`,
    });
  });
  draft.functions.forEach((fn, i) => {
    if (fn.maxTolerableDowntime) return;
    problems.push({
      path: `functions[${i}].maxTolerableDowntime`,
      nodeId: fn.id,
      severity: 'error',
      message: `Function "${labelOf(fn)}" has no maximum tolerable downtime`,
    });
  });
  // The referential checks of the strict schema, on a copy where the fields a draft may leave
  // out are filled with placeholders (their absence is reported above).
  const strict = {
    ...draft,
    functions: draft.functions.map((fn) => ({
      ...fn,
      maxTolerableDowntime: fn.maxTolerableDowntime ?? '0h',
    })),
    services: draft.services.map((s) => ({ ...s, vendor: s.vendor ?? '' })),
  };
  const issues = referentialIssues(strict).filter((issue) => !skipped.has(issue.path));
  problems.push(...dependencyProblems(draft, issues, index));
  for (const issue of issues) {
    if (!issue.path.startsWith('dependencies[')) problems.push(otherProblem(draft, issue, index));
  }
  problems.push(...unfinishedWarnings(draft, index));
  return problems;
}

type NodeIndex = Map<string, DraftNode>;

function nodeIndex(draft: DraftModel): NodeIndex {
  const index: NodeIndex = new Map();
  for (const node of draftNodes(draft)) if (!index.has(node.id)) index.set(node.id, node);
  return index;
}

/** A quoted node label, or the quoted id when no node has it. */
const named = (index: NodeIndex, id: string) => `"${index.get(id)?.label ?? id}"`;

/** Quoted node ids in a message, replaced by the nodes' labels. */
const relabel = (index: NodeIndex, message: string) =>
  message.replace(/"([^"]*)"/g, (quoted, id: string) => (index.has(id) ? named(index, id) : quoted));

/** One problem per faulty dependency, whatever is wrong with it (an end or both, a loop, a repeat). */
function dependencyProblems(draft: DraftModel, issues: ModelIssue[], index: NodeIndex): DraftProblem[] {
  const byDependency = new Map<number, ModelIssue[]>();
  for (const issue of issues) {
    const match = /^dependencies\[(\d+)\]/.exec(issue.path);
    if (!match) continue;
    const i = Number(match[1]);
    byDependency.set(i, [...(byDependency.get(i) ?? []), issue]);
  }
  const problems: DraftProblem[] = [];
  for (const [i, found] of byDependency) {
    const dep = draft.dependencies[i];
    if (!dep) continue;
    const endIssue = (end: 'from' | 'to') => found.find((f) => f.path.endsWith(`.${end}`));
    const describe = (end: 'from' | 'to', id: string) => {
      const issue = endIssue(end);
      if (!issue) return named(index, id);
      return issue.message.startsWith('unknown') ? `unknown node "${id}"` : `"${id}", which is not a node`;
    };
    let message: string;
    if (endIssue('from') || endIssue('to')) {
      message = `Dependency from ${describe('from', dep.from)} to ${describe('to', dep.to)}`;
    } else if (dep.from === dep.to) {
      message = `${named(index, dep.from)} depends on itself`;
    } else {
      message = `Dependency from ${named(index, dep.from)} to ${named(index, dep.to)} is listed twice`;
    }
    const nodeId = index.has(dep.from) ? dep.from : index.has(dep.to) ? dep.to : undefined;
    problems.push({ path: `dependencies[${i}]`, message, severity: 'error', ...(nodeId ? { nodeId } : {}) });
  }
  return problems.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
}

/** A referential issue outside the dependencies, said of the thing it concerns. */
function otherProblem(draft: DraftModel, issue: ModelIssue, index: NodeIndex): DraftProblem {
  const match = /^(\w+)\[(\d+)\]/.exec(issue.path);
  const field = match?.[1] ?? '';
  const i = Number(match?.[2] ?? -1);
  // A duplicate id is about the id itself: keep it as written.
  const message = issue.path.endsWith('.id') ? issue.message : relabel(index, issue.message);
  const problem = (subject: string, nodeId?: string): DraftProblem => ({
    path: issue.path,
    message: `${subject}: ${message}`,
    severity: 'error',
    ...(nodeId && index.has(nodeId) ? { nodeId } : {}),
  });
  const kind = NODE_FIELDS.find(([, f]) => f === field)?.[0];
  if (kind) {
    const node = (draft[field as keyof DraftModel] as Labelled[])[i];
    if (node) return problem(`${KIND_WORDS[kind]} "${labelOf(node)}"`, node.id);
  }
  const workaround = field === 'workarounds' ? draft.workarounds[i] : undefined;
  if (workaround) return problem(`Workaround "${labelOf(workaround)}"`, workaround.for);
  const group = field === 'alternatives' ? draft.alternatives[i] : undefined;
  if (group) {
    return problem(
      group.label ? `Alternatives "${group.label}"` : `Alternatives for ${named(index, group.from)}`,
      group.from,
    );
  }
  const sector = field === 'sector' ? draft.sector[i] : undefined;
  if (sector) return problem(`Sector facts for "${sector.category}"`);
  return { path: issue.path, message, severity: 'error' };
}

/** Nodes that look unfinished: a function that depends on nothing, a node connected to nothing. */
function unfinishedWarnings(draft: DraftModel, index: NodeIndex): DraftProblem[] {
  const from = new Set(draft.dependencies.map((d) => d.from));
  const connected = new Set([...from, ...draft.dependencies.map((d) => d.to)]);
  for (const s of draft.services) if (s.vendor) connected.add(s.vendor);
  for (const h of draft.hosts) if (h.vendor) connected.add(h.vendor);
  const warnings: DraftProblem[] = [];
  draft.functions.forEach((fn, i) => {
    if (from.has(fn.id)) return;
    warnings.push({
      path: `functions[${i}]`,
      nodeId: fn.id,
      severity: 'warning',
      message: `Function "${labelOf(fn)}" depends on nothing yet: connect it to the steps that deliver it`,
    });
  });
  for (const [kind, field] of NODE_FIELDS) {
    if (kind === 'function') continue;
    (draft[field] as Labelled[]).forEach((node, i) => {
      if (connected.has(node.id) || index.get(node.id)?.kind !== kind) return;
      warnings.push({
        path: `${field}[${i}]`,
        nodeId: node.id,
        severity: 'warning',
        message: `${KIND_WORDS[kind]} "${labelOf(node)}" is not connected to anything`,
      });
    });
  }
  return warnings;
}

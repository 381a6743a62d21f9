// Parses a model document at the edge: zod's shape checks, then the referential checks a schema
// cannot express (dangling and duplicate ids, k > n). Every problem comes with a JSON path.
import type { z } from 'zod';
import { type SmartModel, smartModelSchema } from './document';
import { DEFAULT_RUBRIC } from './rubric';

export interface ModelIssue {
  /** JSON path such as `dependencies[3].to`, or `` for the document itself. */
  path: string;
  message: string;
}

export type ParseModelResult = { ok: true; model: SmartModel } | { ok: false; issues: ModelIssue[] };

/** A JSON path in the usual notation: `alternatives[0].members[2]`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${String(part)}` : String(part);
  }
  return text;
}

/** One line per issue: `dependencies[3].to: unknown node id "x"`. */
export function formatIssue(issue: ModelIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

function zodIssues(error: z.ZodError): ModelIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** The typed model, or every problem found in it. */
export function parseModel(input: unknown): ParseModelResult {
  const parsed = smartModelSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const issues = referentialIssues(parsed.data);
  return issues.length ? { ok: false, issues } : { ok: true, model: parsed.data };
}

type Kind = 'node' | 'workaround' | 'group';

function collectIds(model: SmartModel, issues: ModelIssue[]): Map<string, { kind: Kind; nodeKind: string }> {
  const ids = new Map<string, { kind: Kind; nodeKind: string }>();
  const lists: Array<[string, Array<{ id: string }>, Kind]> = [
    ['functions', model.functions, 'node'],
    ['processSteps', model.processSteps, 'node'],
    ['systems', model.systems, 'node'],
    ['services', model.services, 'node'],
    ['vendors', model.vendors, 'node'],
    ['hosts', model.hosts, 'node'],
    ['workarounds', model.workarounds, 'workaround'],
    ['alternatives', model.alternatives, 'group'],
  ];
  for (const [field, items, kind] of lists) {
    items.forEach((item, index) => {
      if (ids.has(item.id)) {
        issues.push({ path: `${field}[${index}].id`, message: `duplicate id "${item.id}"` });
      } else ids.set(item.id, { kind, nodeKind: field });
    });
  }
  return ids;
}

/** Problems a schema cannot see: references to ids that do not exist or have the wrong kind. */
export function referentialIssues(model: SmartModel): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const ids = collectIds(model, issues);
  const expectKind = (path: string, id: string, kind: Kind | 'vendor', what: string): boolean => {
    const found = ids.get(id);
    const ok = found && (kind === 'vendor' ? found.nodeKind === 'vendors' : found.kind === kind);
    if (!ok)
      issues.push({ path, message: found ? `"${id}" is not a ${what}` : `unknown ${what} id "${id}"` });
    return Boolean(ok);
  };
  model.services.forEach((service, i) => {
    expectKind(`services[${i}].vendor`, service.vendor, 'vendor', 'vendor');
  });
  model.hosts.forEach((host, i) => {
    if (host.vendor) expectKind(`hosts[${i}].vendor`, host.vendor, 'vendor', 'vendor');
  });
  const edges = dependencyIssues(model, issues, expectKind);
  workaroundIssues(model, issues, expectKind);
  groupIssues(model, issues, edges, expectKind);
  impactIssues(model, issues);
  sectorIssues(model, issues);
  return issues;
}

type ExpectKind = (path: string, id: string, kind: Kind | 'vendor', what: string) => boolean;

function dependencyIssues(model: SmartModel, issues: ModelIssue[], expect: ExpectKind): Set<string> {
  const edges = new Set<string>();
  model.dependencies.forEach((dep, i) => {
    const fromOk = expect(`dependencies[${i}].from`, dep.from, 'node', 'node');
    const toOk = expect(`dependencies[${i}].to`, dep.to, 'node', 'node');
    if (!fromOk || !toOk) return;
    const key = `${dep.from}\u0000${dep.to}`;
    if (dep.from === dep.to)
      issues.push({ path: `dependencies[${i}]`, message: `"${dep.from}" depends on itself` });
    else if (edges.has(key)) {
      issues.push({
        path: `dependencies[${i}]`,
        message: `duplicate dependency "${dep.from}" -> "${dep.to}"`,
      });
    }
    edges.add(key);
  });
  return edges;
}

function workaroundIssues(model: SmartModel, issues: ModelIssue[], expect: ExpectKind): void {
  const covered = new Set<string>();
  model.workarounds.forEach((w, i) => {
    if (!expect(`workarounds[${i}].for`, w.for, 'node', 'node')) return;
    if (covered.has(w.for)) {
      issues.push({ path: `workarounds[${i}].for`, message: `"${w.for}" already has a workaround` });
    }
    covered.add(w.for);
  });
}

function groupIssues(model: SmartModel, issues: ModelIssue[], edges: Set<string>, expect: ExpectKind): void {
  const grouped = new Set<string>();
  model.alternatives.forEach((group, i) => {
    if (!expect(`alternatives[${i}].from`, group.from, 'node', 'node')) return;
    if (group.k > group.members.length) {
      issues.push({
        path: `alternatives[${i}].k`,
        message: `k = ${group.k} but the group has only ${group.members.length} members`,
      });
    }
    group.members.forEach((member, j) => {
      const path = `alternatives[${i}].members[${j}]`;
      if (!expect(path, member, 'node', 'node')) return;
      const key = `${group.from}\u0000${member}`;
      if (!edges.has(key)) {
        issues.push({ path, message: `no dependency "${group.from}" -> "${member}" to make an alternative` });
      } else if (grouped.has(key)) {
        issues.push({ path, message: `dependency "${group.from}" -> "${member}" is already in a group` });
      }
      grouped.add(key);
    });
  });
}

function impactIssues(model: SmartModel, issues: ModelIssue[]): void {
  const rubric = model.rubric ?? DEFAULT_RUBRIC;
  const dimensions = new Set(rubric.dimensions.map((d) => d.id));
  const maxLevel = Math.max(...rubric.levels.map((l) => l.value));
  model.functions.forEach((fn, i) => {
    fn.impacts.forEach((step, j) => {
      for (const [dimension, level] of Object.entries(step.levels)) {
        const path = `functions[${i}].impacts[${j}].levels.${dimension}`;
        if (!dimensions.has(dimension)) issues.push({ path, message: `unknown dimension "${dimension}"` });
        else if (level > maxLevel)
          issues.push({ path, message: `level ${level} is above the rubric's ${maxLevel}` });
      }
    });
  });
}

function sectorIssues(model: SmartModel, issues: ModelIssue[]): void {
  model.sector.forEach((entry, i) => {
    const total = entry.shares.reduce((sum, s) => sum + s.share, 0);
    if (total > 1.000001) {
      issues.push({
        path: `sector[${i}].shares`,
        message: `shares add up to ${total.toFixed(3)}, more than 1`,
      });
    }
  });
}

// The brute-force reference the fast engine is tested against: start from everything up except
// the failed set and re-evaluate every node until nothing changes. Works on the document itself
// (string ids, no compiled graph), so it shares no code with the engine.
import type { SmartModel } from '../model/document';
import { hoursOf } from '../model/duration';
import type { PropagationOptions } from './propagate';

export interface OracleState {
  /** Hours until the node's needs are unmet (Infinity when never, within the horizon or not). */
  hit: number;
  /** Hours until the node is down (Infinity when never). */
  down: number;
}

interface Requirements {
  allOf: string[];
  groups: Array<{ members: string[]; threshold: number }>;
}

function requirementsOf(model: SmartModel): Map<string, Requirements> {
  const needs = new Map<string, Requirements>();
  const need = (id: string) => {
    let entry = needs.get(id);
    if (!entry) {
      entry = { allOf: [], groups: [] };
      needs.set(id, entry);
    }
    return entry;
  };
  const grouped = new Set<string>();
  for (const group of model.alternatives) {
    need(group.from).groups.push({ members: group.members, threshold: group.members.length - group.k + 1 });
    for (const member of group.members) grouped.add(`${group.from}>${member}`);
  }
  for (const dep of model.dependencies) {
    if (!grouped.has(`${dep.from}>${dep.to}`)) need(dep.from).allOf.push(dep.to);
  }
  for (const service of model.services) need(service.id).allOf.push(service.vendor);
  for (const host of model.hosts) if (host.vendor) need(host.id).allOf.push(host.vendor);
  return needs;
}

function allNodeIds(model: SmartModel): string[] {
  return [model.functions, model.processSteps, model.systems, model.services, model.vendors, model.hosts]
    .flat()
    .map((node) => node.id);
}

function hitTime(requirements: Requirements | undefined, down: Map<string, number>): number {
  if (!requirements) return Number.POSITIVE_INFINITY;
  let time = Number.POSITIVE_INFINITY;
  for (const dep of requirements.allOf) time = Math.min(time, down.get(dep) ?? Number.POSITIVE_INFINITY);
  for (const group of requirements.groups) {
    const times = group.members.map((m) => down.get(m) ?? Number.POSITIVE_INFINITY).sort((a, b) => a - b);
    time = Math.min(time, times[group.threshold - 1] ?? Number.POSITIVE_INFINITY);
  }
  return time;
}

/** Every node's hit and down times after `failed` fails, by naive iteration to the fixed point. */
export function bruteForcePropagate(
  model: SmartModel,
  failed: readonly string[],
  options: PropagationOptions,
): Map<string, OracleState> {
  const needs = requirementsOf(model);
  const workaround = new Map(model.workarounds.map((w) => [w.for, hoursOf(w.maxDuration)]));
  const ids = allNodeIds(model);
  const failedSet = new Set(failed);
  const down = new Map(ids.map((id) => [id, failedSet.has(id) ? 0 : Number.POSITIVE_INFINITY]));
  const hit = new Map(down);
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of ids) {
      if (failedSet.has(id)) continue;
      const hitAt = hitTime(needs.get(id), down);
      const extra = options.workarounds === 'count' ? (workaround.get(id) ?? 0) : 0;
      const downAt = hitAt + extra;
      if (downAt !== down.get(id) || hitAt !== hit.get(id)) changed = true;
      down.set(id, downAt);
      hit.set(id, hitAt);
    }
  }
  return new Map(ids.map((id) => [id, { hit: hit.get(id) ?? 0, down: down.get(id) ?? 0 }]));
}

/** Ids of the nodes down within the horizon. */
export function bruteForceDownSet(model: SmartModel, failed: readonly string[], options: PropagationOptions) {
  const states = bruteForcePropagate(model, failed, options);
  return new Set([...states].filter(([, s]) => s.down <= options.horizonHours).map(([id]) => id));
}

/** For every function, the nodes whose failure alone takes it down within the horizon. */
export function bruteForceSinglePointsOfFailure(model: SmartModel, options: PropagationOptions) {
  const result = new Map<string, string[]>(model.functions.map((fn) => [fn.id, []]));
  for (const candidate of allNodeIds(model)) {
    const down = bruteForceDownSet(model, [candidate], options);
    for (const fn of model.functions) {
      if (fn.id !== candidate && down.has(fn.id)) result.get(fn.id)?.push(candidate);
    }
  }
  return result;
}

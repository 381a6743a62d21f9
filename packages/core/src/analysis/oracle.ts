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

/** One false redundancy as the oracle sees it: a group, the failed node, and the members down with it. */
export interface OracleFalseRedundancy {
  group: string;
  shared: string;
  /** Ids of the group's members that are down, sorted. */
  defeated: string[];
}

/**
 * For every function, the false redundancy behind its single points of failure, by definition:
 * failing a node alone defeats a group of alternatives that needs two or more members down (at
 * least n − k + 1 members down within the horizon), the group's owner is down and is not the
 * failed node, and the function is down (and not the failed node) and depends on the owner,
 * itself or through a chain of dependencies whose nodes are all down. Whatever took the function
 * down first.
 */
export function bruteForceFalseRedundancies(
  model: SmartModel,
  options: PropagationOptions,
): Map<string, OracleFalseRedundancy[]> {
  const needs = requirementsOf(model);
  const dependsOn = (id: string) => {
    const requirements = needs.get(id);
    return requirements ? [...requirements.allOf, ...requirements.groups.flatMap((g) => g.members)] : [];
  };
  const result = new Map<string, OracleFalseRedundancy[]>(model.functions.map((fn) => [fn.id, []]));
  for (const candidate of allNodeIds(model)) {
    const down = bruteForceDownSet(model, [candidate], options);
    const defeated = model.alternatives
      .map((group) => ({ group, threshold: group.members.length - group.k + 1 }))
      .filter(({ group, threshold }) => threshold >= 2 && group.from !== candidate && down.has(group.from))
      .map(({ group, threshold }) => ({
        group,
        membersDown: group.members.filter((m) => down.has(m)),
        threshold,
      }))
      .filter(({ membersDown, threshold }) => membersDown.length >= threshold);
    if (defeated.length === 0) continue;
    for (const fn of model.functions) {
      if (fn.id === candidate || !down.has(fn.id)) continue;
      // Everything the function depends on through down nodes only.
      const reached = new Set([fn.id]);
      const stack = [fn.id];
      for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
        for (const dep of dependsOn(id)) {
          if (down.has(dep) && !reached.has(dep)) {
            reached.add(dep);
            stack.push(dep);
          }
        }
      }
      for (const { group, membersDown } of defeated) {
        if (!reached.has(group.from)) continue;
        result.get(fn.id)?.push({ group: group.id, shared: candidate, defeated: [...membersDown].sort() });
      }
    }
  }
  return result;
}

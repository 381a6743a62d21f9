// Small random models for property tests: every node kind, alternatives (k of n), workarounds,
// shared hosts and cycles. Deterministic for a seed, so a failing case can be replayed.
import type { SmartModel } from '../model/document';

/** A tiny seeded pseudo-random generator (mulberry32), returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomModelSize {
  nodes: number;
  /** Average dependencies per node. */
  density: number;
  /** Chance that a node's dependencies form groups of alternatives. */
  alternatives: number;
  /** Chance that a node has a workaround. */
  workarounds: number;
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** A random, valid model document. */
export function randomModel(seed: number, size: RandomModelSize): SmartModel {
  const random = seededRandom(seed);
  const count = Math.max(4, size.nodes);
  const vendors = Array.from({ length: Math.max(1, Math.floor(count / 6)) }, (_, i) => ({ id: `v${i}` }));
  const hosts = Array.from({ length: Math.floor(count / 8) }, (_, i) => ({
    id: `h${i}`,
    ...(random() < 0.5 ? { vendor: pick(random, vendors).id } : {}),
  }));
  const functions: SmartModel['functions'] = Array.from(
    { length: Math.max(1, Math.floor(count / 5)) },
    (_, i) => ({
      id: `f${i}`,
      maxTolerableDowntime: `${1 + Math.floor(random() * 48)}h`,
      impacts: [
        { after: '0h', levels: { operational: 1 } as Record<string, number> },
        { after: `${Math.floor(random() * 72)}h`, levels: { patientSafety: Math.floor(random() * 6) } },
      ],
    }),
  );
  const rest = count - vendors.length - hosts.length - functions.length;
  const services = Array.from({ length: Math.max(1, Math.floor(rest / 2)) }, (_, i) => ({
    id: `s${i}`,
    category: pick(random, ['clearinghouse', 'ehr', 'switch']),
    vendor: pick(random, vendors).id,
  }));
  const processSteps = Array.from({ length: Math.max(0, rest - services.length) }, (_, i) => ({
    id: `p${i}`,
  }));
  const ids = [...functions, ...processSteps, ...services, ...vendors, ...hosts].map((n) => n.id);
  const dependencies: SmartModel['dependencies'] = [];
  const alternatives: SmartModel['alternatives'] = [];
  for (const from of ids) {
    const targets = new Set<string>();
    const wanted = Math.floor(random() * (2 * size.density + 1));
    for (let i = 0; i < wanted; i++) {
      const to = pick(random, ids);
      if (to !== from && !from.startsWith('v') && !targets.has(to)) targets.add(to);
    }
    for (const to of targets) dependencies.push({ from, to, flow: 'information' });
    const list = [...targets];
    if (list.length >= 2 && random() < size.alternatives) {
      const members = list.slice(0, 2 + Math.floor(random() * (list.length - 1)));
      const k = 1 + Math.floor(random() * members.length);
      alternatives.push({ id: `g-${from}`, from, members, k });
    }
  }
  const workarounds = ids
    .filter(() => random() < size.workarounds)
    .map((id) => ({
      id: `w-${id}`,
      for: id,
      capacity: 0.5,
      maxDuration: `${1 + Math.floor(random() * 24)}h`,
      staff: 1,
    }));
  return {
    format: 'smart-model',
    version: 1,
    tlp: 'CLEAR',
    functions,
    processSteps,
    systems: [],
    services,
    vendors,
    hosts,
    workarounds,
    dependencies,
    alternatives,
    sector: [],
  };
}

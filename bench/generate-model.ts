// Seeded generated models for the benchmark: a layered dependency map (functions -> process steps
// -> systems -> services -> vendors -> hosts -> infrastructure vendors), with the same shape at
// organization and sector scale. Two structures:
//  - 'alternatives': every node with two or more dependencies needs any one of them (k = 1), and
//    the map is acyclic, so single points of failure are exactly dominators (NetworkX's peer);
//  - 'mixed': all-of dependencies, groups of alternatives (1 of 2, 1 of 3, 2 of 3), workarounds
//    and back edges that make cycles.
import type { SmartModel } from '../packages/core/src/index';
import { seededRandom } from '../packages/core/src/testing/random-model';

export type Structure = 'alternatives' | 'mixed';

export interface ModelSpec {
  functions: number;
  steps: number;
  systems: number;
  services: number;
  /** Vendors in all, infrastructure vendors (the ones operating hosts) included. */
  vendors: number;
  infrastructureVendors: number;
  hosts: number;
  /** Dependencies in all, the links from services and hosts to their vendors included. */
  dependencies: number;
  structure: Structure;
}

const CATEGORIES = [
  'electronic health record',
  'medical clearinghouse',
  'eligibility verification',
  'pharmacy switch',
  'reference laboratory',
  'imaging archive',
  'identity provider',
  'telehealth',
  'billing and coding',
  'patient engagement',
  'medical devices support',
  'managed network',
];

/** Steps of one workflow lie within this many places of each other. */
const WORKFLOW_SPAN = 30;

interface Layer {
  ids: string[];
  /** Average explicit dependencies per node. */
  degree: number;
  /** Where a node of this layer takes its dependencies from. */
  targets: (random: () => number, index: number) => string;
}

/** A seeded model of the given shape; the same spec and seed always give the same document. */
export function generateModel(spec: ModelSpec, seed: number): SmartModel {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const functionIds = ids('f', spec.functions);
  const stepIds = ids('p', spec.steps);
  const systemIds = ids('sys', spec.systems);
  const serviceIds = ids('s', spec.services);
  const vendorIds = ids('v', spec.vendors - spec.infrastructureVendors);
  const infraIds = ids('iv', spec.infrastructureVendors);
  const hostIds = ids('h', spec.hosts);
  const mixed = spec.structure === 'mixed';

  const later = (list: string[], index: number) =>
    list[index + 1 + int(list.length - index - 1)] ?? list[0] ?? '';
  const any = (list: string[]) => list[int(list.length)] ?? '';
  /** A step within `span` places after (or, for a negative span, before) position `index`. */
  const nearby = (list: string[], index: number, span: number) =>
    list[index + Math.sign(span) * (1 + int(Math.abs(span)))] ?? '';
  const providerLinks = spec.services + spec.hosts;
  // Fixed degrees for the small layers; steps take whatever is left of the dependency budget.
  const fixed = {
    functions: 5 * spec.functions,
    systems: 3 * spec.systems,
    services: mixed ? 2 * spec.services : 0,
    vendors: 2 * vendorIds.length,
  };
  const stepBudget = spec.dependencies - providerLinks - Object.values(fixed).reduce((a, b) => a + b, 0);
  const layers: Layer[] = [
    { ids: functionIds, degree: 5, targets: () => any(stepIds) },
    {
      ids: stepIds,
      degree: stepBudget / spec.steps,
      targets: (r, i) => {
        const x = r();
        // A step hands over to a nearby step of the same workflow; a few back edges make cycles.
        if (x < 0.15)
          return mixed && r() < 0.05 ? nearby(stepIds, i, -WORKFLOW_SPAN) : nearby(stepIds, i, WORKFLOW_SPAN);
        return x < 0.55 ? any(systemIds) : any(serviceIds);
      },
    },
    { ids: systemIds, degree: 3, targets: (r) => (r() < 0.7 ? any(serviceIds) : any(hostIds)) },
    // Services rely on their vendor (implicit) and, in the mixed structure, on hosts and other services.
    {
      ids: serviceIds,
      degree: fixed.services / spec.services,
      targets: (r, i) => (r() < 0.6 ? any(hostIds) : r() < 0.9 ? later(serviceIds, i) : any(serviceIds)),
    },
    { ids: vendorIds, degree: 2, targets: () => any(hostIds) },
  ];

  const { dependencies, alternatives } = linkLayers(layers, mixed, random);
  const services: SmartModel['services'] = serviceIds.map((id) => ({
    id,
    category: any(CATEGORIES),
    // A few large vendors provide many services, as in the sector.
    vendor: vendorIds[Math.floor(vendorIds.length * random() ** 2)] ?? '',
  }));
  return {
    format: 'smart-model',
    version: 1,
    name: `Generated ${spec.structure} model, seed ${seed}`,
    tlp: 'CLEAR',
    functions: functionIds.map((id) => ({
      id,
      maxTolerableDowntime: `${1 + int(72)}h`,
      impacts: [
        { after: '0h', levels: { operational: 1 + int(2) } as Record<string, number> },
        { after: `${1 + int(96)}h`, levels: { patientSafety: int(6), financial: int(6) } },
      ],
    })),
    processSteps: stepIds.map((id) => ({ id })),
    systems: systemIds.map((id) => ({ id })),
    services,
    vendors: [...vendorIds, ...infraIds].map((id) => ({ id, phiRecords: int(10) < 3 ? int(5_000_000) : 0 })),
    hosts: hostIds.map((id) => ({ id, vendor: any(infraIds) })),
    workarounds: mixed
      ? stepIds
          .filter(() => random() < 0.1)
          .map((id) => ({
            id: `w-${id}`,
            for: id,
            capacity: 0.5,
            maxDuration: `${24 + int(72)}h`,
            staff: 1 + int(3),
          }))
      : [],
    dependencies,
    alternatives,
    sector: CATEGORIES.map((category) => ({
      category,
      source: 'generated',
      shares: sectorShares(vendorIds, random),
    })),
  };
}

/** Dependencies of every node of every layer, and the groups of alternatives among them. */
function linkLayers(layers: Layer[], mixed: boolean, random: () => number) {
  const dependencies: SmartModel['dependencies'] = [];
  const alternatives: SmartModel['alternatives'] = [];
  for (const layer of layers) {
    if (layer.degree === 0) continue;
    layer.ids.forEach((from, index) => {
      // Half the nodes have a single dependency (a dominator on the map); the rest share the budget.
      const wanted = random() < 0.5 ? 1 : Math.max(1, Math.round((2 * layer.degree - 1) * (0.5 + random())));
      const targets = new Set<string>();
      for (let tries = 0; targets.size < wanted && tries < wanted * 3; tries++) {
        const to = layer.targets(random, index);
        if (to !== from && to !== '') targets.add(to);
      }
      for (const to of targets) dependencies.push({ from, to, flow: 'information' });
      const group = groupOf(from, [...targets], mixed, random);
      if (group) alternatives.push(group);
    });
  }
  return { dependencies, alternatives };
}

function groupOf(from: string, targets: string[], mixed: boolean, random: () => number) {
  if (targets.length < 2) return undefined;
  if (!mixed) return { id: `g-${from}`, from, members: targets, k: 1 };
  if (random() >= 0.35) return undefined;
  const members = targets.slice(0, Math.min(targets.length, random() < 0.5 ? 2 : 3));
  const k = members.length === 3 && random() < 0.3 ? 2 : 1;
  return { id: `g-${from}`, from, members, k };
}

/** Shares of the sector's top vendors in a category: a leader, a runner-up and a tail. */
function sectorShares(vendors: string[], random: () => number) {
  const top1 = 0.3 + random() * 0.5;
  const top2 = (1 - top1) * (0.3 + random() * 0.6);
  const first = vendors[Math.floor(random() * Math.min(50, vendors.length))] ?? 'v0';
  let second = vendors[Math.floor(random() * Math.min(50, vendors.length))] ?? 'v1';
  if (second === first) second = `${first}-rival`;
  return [
    { vendor: first, share: Math.round(top1 * 1000) / 1000 },
    { vendor: second, share: Math.round(top2 * 1000) / 1000 },
  ];
}

// Small model documents the analysis tests share: a pharmacy-claims map whose two "redundant"
// switches both run in one data center, and a map that shares that data center.

/** Two switches as alternatives, both in `hostId`; a paper workaround lasting 48 hours. */
export function redundantSwitchesModel(hostId = 'h-shared-dc', hostLabel = 'Shared data center') {
  return {
    format: 'smart-model',
    version: 1,
    name: 'Pharmacy claims',
    tlp: 'AMBER',
    functions: [
      {
        id: 'f-rx-claims',
        label: 'Pharmacy claims',
        maxTolerableDowntime: '72h',
        impacts: [
          { after: '0h', levels: { financial: 2 } },
          { after: '72h', levels: { financial: 4, operational: 3 } },
        ],
      },
    ],
    processSteps: [{ id: 's-submit', label: 'Submit pharmacy claim' }],
    services: [
      { id: 'svc-switch-a', label: 'Switch A claims', category: 'pharmacy-switch', vendor: 'v-switch-a' },
      { id: 'svc-switch-b', label: 'Switch B claims', category: 'pharmacy-switch', vendor: 'v-switch-b' },
    ],
    vendors: [
      { id: 'v-switch-a', label: 'Switch A Inc' },
      { id: 'v-switch-b', label: 'Switch B Inc' },
    ],
    hosts: [{ id: hostId, label: hostLabel }],
    workarounds: [
      { id: 'w-paper', label: 'Paper claims', for: 's-submit', capacity: 0.3, maxDuration: '48h' },
    ],
    dependencies: [
      { from: 'f-rx-claims', to: 's-submit' },
      { from: 's-submit', to: 'svc-switch-a' },
      { from: 's-submit', to: 'svc-switch-b' },
      { from: 'svc-switch-a', to: hostId },
      { from: 'svc-switch-b', to: hostId },
    ],
    alternatives: [{ id: 'alt-switch', from: 's-submit', members: ['svc-switch-a', 'svc-switch-b'], k: 1 }],
  };
}

/** Two switches as alternatives on hosts of their own: redundant, until the inventory says otherwise. */
export function separateHostsModel() {
  const model = redundantSwitchesModel();
  return {
    ...model,
    name: 'Pharmacy claims, two hosts',
    hosts: [
      { id: 'h-a', label: 'Switch A data center' },
      { id: 'h-b', label: 'Switch B data center' },
    ],
    dependencies: [
      { from: 'f-rx-claims', to: 's-submit' },
      { from: 's-submit', to: 'svc-switch-a' },
      { from: 's-submit', to: 'svc-switch-b' },
      { from: 'svc-switch-a', to: 'h-a' },
      { from: 'svc-switch-b', to: 'h-b' },
    ],
  };
}

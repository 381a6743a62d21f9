import { analyzeModel, compileModel, DEFAULT_RUBRIC, parseModel } from '@smart/core';
import { describe, expect, it } from 'vitest';
import { assembleOrgModel, mapShortKey, type OrgMapInput } from './org-model';
import { redundantSwitchesModel, separateHostsModel } from './test-models';

const MAP_A = '11111111-1111-4111-8111-111111111111';
const MAP_B = '22222222-2222-4222-8222-222222222222';
const MAP_C = '33333333-3333-4333-8333-333333333333';

const map = (id: string, model: unknown, extra: Partial<OrgMapInput> = {}): OrgMapInput => ({
  id,
  name: `Map ${id.slice(0, 1)}`,
  version: 1,
  tlp: 'GREEN',
  reviewStatus: 'draft',
  model,
  ...extra,
});

describe('assembleOrgModel', () => {
  it('merges vendors and hosts by id and renames the other ids two maps share', () => {
    const second = redundantSwitchesModel();
    second.vendors[0] = { id: 'v-switch-a', label: 'Another label' };
    const org = assembleOrgModel({
      maps: [map(MAP_A, redundantSwitchesModel()), map(MAP_B, second, { tlp: 'AMBER+STRICT' })],
      links: [],
    });
    const ids = (list: { id: string }[]) => list.map((n) => n.id);
    expect(ids(org.model.vendors)).toEqual(['v-switch-a', 'v-switch-b']);
    expect(org.model.vendors[0]?.label).toBe('Switch A Inc');
    expect(ids(org.model.hosts)).toEqual(['h-shared-dc']);
    const b = mapShortKey(MAP_B);
    expect(ids(org.model.functions)).toEqual([`f-rx-claims@${mapShortKey(MAP_A)}`, `f-rx-claims@${b}`]);
    expect(org.model.alternatives.map((g) => [g.id, g.from, g.members])).toContainEqual([
      `alt-switch@${b}`,
      `s-submit@${b}`,
      [`svc-switch-a@${b}`, `svc-switch-b@${b}`],
    ]);
    expect(org.model.workarounds.map((w) => w.for)).toContain(`s-submit@${b}`);
    expect(org.tlp).toBe('AMBER+STRICT');
    // The merged document is a valid model, and the nodes list says where each node comes from.
    expect(parseModel(org.model).ok).toBe(true);
    expect(org.nodes.find((n) => n.id === 'h-shared-dc')?.mapIds).toEqual([MAP_A, MAP_B]);
    expect(org.nodes.find((n) => n.id === `s-submit@${b}`)).toMatchObject({ kind: 'step', mapIds: [MAP_B] });
    expect(org.nodes.find((n) => n.id === `svc-switch-a@${b}`)?.category).toBe('pharmacy-switch');
  });

  it('keeps ids as written when no other map uses them', () => {
    const org = assembleOrgModel({ maps: [map(MAP_A, redundantSwitchesModel())], links: [] });
    expect(org.model.functions.map((f) => f.id)).toEqual(['f-rx-claims']);
    expect(org.renamed.get(MAP_A)?.size).toBe(0);
  });

  it('leaves out a map with problems, saying why, and includes a map without functions', () => {
    const broken = redundantSwitchesModel();
    broken.services[1] = { ...broken.services[1], vendor: undefined } as never;
    const empty = { format: 'smart-model', version: 1, name: 'Empty', tlp: 'RED' };
    const org = assembleOrgModel({
      maps: [
        map(MAP_A, broken, { tlp: 'AMBER' }),
        map(MAP_B, empty, { tlp: 'RED' }),
        map(MAP_C, { not: 'a model' }),
      ],
      links: [],
    });
    expect(org.maps.map((m) => [m.id, m.included, m.functions])).toEqual([
      [MAP_A, false, 1],
      [MAP_B, true, 0],
      [MAP_C, false, 0],
    ]);
    expect(org.maps[0]?.problem).toBe('Third-party service "Switch B claims" has no vendor.');
    expect(org.maps[2]?.problem).toMatch(/not a model document/);
    expect(org.model.functions).toEqual([]);
    // Only included maps set the marking.
    expect(org.tlp).toBe('RED');
  });

  it('adds the hidden dependencies of linked services: a shared inventory host defeats the alternatives', () => {
    const maps = [map(MAP_A, separateHostsModel())];
    const before = analyzeModel(compileModel(assembleOrgModel({ maps, links: [] }).model));
    expect(before.summary.falseRedundancies).toBe(0);
    const nimbus = { vendorId: '44444444-4444-4444-8444-444444444444', vendorName: 'Nimbus Cloud' };
    const org = assembleOrgModel({
      maps,
      links: [
        {
          mapId: MAP_A,
          nodeId: 'svc-switch-a',
          serviceId: 's1',
          dependencies: [{ ...nimbus, kind: 'hosting' }],
        },
        {
          mapId: MAP_A,
          nodeId: 'svc-switch-b',
          serviceId: 's2',
          dependencies: [
            { ...nimbus, kind: 'hosting' },
            { vendorId: 'x', vendorName: 'Switch a inc', kind: 'supplier' },
            { vendorId: 'y', vendorName: 'Ignored', kind: 'other' },
          ],
        },
      ],
    });
    const host = `inventory:${nimbus.vendorId}`;
    expect(org.model.hosts.map((h) => [h.id, h.label])).toContainEqual([host, 'Nimbus Cloud']);
    expect(org.nodes.find((n) => n.id === host)).toMatchObject({ kind: 'host', mapIds: [] });
    // The supplier matches the map's own vendor by its label, whatever the case.
    expect(org.model.dependencies).toContainEqual(
      expect.objectContaining({ from: 'svc-switch-b', to: 'v-switch-a' }),
    );
    expect(org.hiddenDependencies).toBe(3);
    const after = analyzeModel(compileModel(org.model));
    // Both switches now need Nimbus Cloud, and switch B needs switch A's vendor too.
    expect(after.summary.falseRedundancies).toBe(2);
    const chokepoints = after.singlePoints.find((s) => s.function.id === 'f-rx-claims');
    expect(chokepoints?.singlePoints).toContain(host);
    expect(chokepoints?.falseRedundancies.map((f) => f.shared.label)).toContain('Nimbus Cloud');
  });

  it('lands inventory hosting on a node of the same name of the other kind before making a new one', () => {
    const model = separateHostsModel();
    model.vendors.push({ id: 'v-nimbus', label: 'NIMBUS cloud' });
    const org = assembleOrgModel({
      maps: [map(MAP_A, model)],
      links: ['svc-switch-a', 'svc-switch-b'].map((nodeId) => ({
        mapId: MAP_A,
        nodeId,
        serviceId: nodeId,
        dependencies: [{ vendorId: 'u1', vendorName: 'Nimbus Cloud', kind: 'hosting' as const }],
      })),
    });
    expect(org.model.hosts.map((h) => h.id)).toEqual(['h-a', 'h-b']);
    expect(org.model.dependencies.filter((d) => d.to === 'v-nimbus').map((d) => d.from)).toEqual([
      'svc-switch-a',
      'svc-switch-b',
    ]);
    // A link from a map left out, or to a node no longer in the map, adds nothing.
    const ignored = assembleOrgModel({
      maps: [map(MAP_A, model)],
      links: [
        {
          mapId: MAP_B,
          nodeId: 'svc-switch-a',
          serviceId: 'x',
          dependencies: [{ vendorId: 'u2', vendorName: 'Z', kind: 'api' }],
        },
        {
          mapId: MAP_A,
          nodeId: 'gone',
          serviceId: 'y',
          dependencies: [{ vendorId: 'u3', vendorName: 'Z', kind: 'api' }],
        },
      ],
    });
    expect(ignored.hiddenDependencies).toBe(0);
  });

  it('uses the rubric given, dropping levels on dimensions it does not have', () => {
    const rubric = { ...DEFAULT_RUBRIC, version: 'v2', dimensions: [{ id: 'financial', label: 'Money' }] };
    const org = assembleOrgModel({ maps: [map(MAP_A, redundantSwitchesModel())], links: [], rubric });
    expect(org.model.rubric).toEqual(rubric);
    expect(org.model.functions[0]?.impacts.map((s) => s.levels)).toEqual([
      { financial: 2 },
      { financial: 4 },
    ]);
    expect(parseModel(org.model).ok).toBe(true);
  });
});

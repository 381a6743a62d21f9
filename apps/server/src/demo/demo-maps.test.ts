import { analyzeModel, compileModel, parseModel } from '@smart/core';
import { describe, expect, it } from 'vitest';
import { riverbendMaps } from './demo-maps';

describe("Riverbend's demo maps", () => {
  const maps = riverbendMaps();

  it('are complete model documents the analysis accepts', () => {
    for (const map of maps) {
      const parsed = parseModel(map.model);
      expect(parsed.ok ? [] : parsed.issues, map.name).toEqual([]);
    }
  });

  it('link only nodes that exist in their map', () => {
    for (const map of maps) {
      const parsed = parseModel(map.model);
      if (!parsed.ok) throw new Error(map.name);
      const ids = new Set(
        [...parsed.model.services, ...parsed.model.processSteps, ...parsed.model.systems].map((n) => n.id),
      );
      for (const link of map.links) expect(ids.has(link.nodeId), `${map.name}: ${link.nodeId}`).toBe(true);
    }
  });

  it('show the two claims clearinghouses failing together with their shared cloud region', () => {
    const claims = maps.find((m) => m.templateId === 'claims-and-payments');
    const parsed = parseModel(claims?.model);
    if (!parsed.ok) throw new Error('claims map does not parse');
    const analysis = analyzeModel(compileModel(parsed.model));
    const redundancies = analysis.singlePoints.flatMap((f) => f.falseRedundancies);
    expect(
      redundancies.some((r) => r.group === 'alt-claim-submission' && r.shared.id === 'h-nimbus-us-east'),
    ).toBe(true);
    const claimsPaid = analysis.singlePoints.find((f) => f.function.id === 'f-claims-paid');
    expect(claimsPaid?.singlePoints).toContain('h-nimbus-us-east');
    expect(claimsPaid?.singlePoints).not.toContain('svc-clearinghouse-claims');
  });

  it('use the same ids for the vendors they share, so one organization-wide model sees one Nimbus Cloud', () => {
    for (const map of maps) {
      const parsed = parseModel(map.model);
      if (!parsed.ok) throw new Error(map.name);
      expect(parsed.model.hosts.find((h) => h.id === 'h-nimbus-us-east')?.vendor, map.name).toBe('v-nimbus');
    }
  });
});

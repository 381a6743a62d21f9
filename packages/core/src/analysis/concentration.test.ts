import { describe, expect, it } from 'vitest';
import { loadFixture } from '../testing/fixtures';
import { concentration, shareSummary } from './concentration';
import { sweepFailOne } from './fail-one';
import { functionReach } from './reach';

const OPTIONS = { workarounds: 'ignore', horizonHours: 336 } as const;

function concentrationOf(name: Parameters<typeof loadFixture>[0]) {
  const { graph } = loadFixture(name);
  return concentration(graph, sweepFailOne(graph, OPTIONS), functionReach(graph));
}

describe('shareSummary', () => {
  it('gives top-1 and top-2 shares and the HHI on the 0-10,000 scale', () => {
    expect(shareSummary([0.3, 0.5, 0.2])).toEqual({ top1Share: 0.5, top2Share: 0.8, hhi: 3800 });
  });

  it('is 10,000 for a monopoly and small for a fragmented market', () => {
    expect(shareSummary([1])).toEqual({ top1Share: 1, top2Share: 1, hhi: 10000 });
    expect(shareSummary(Array.from({ length: 10 }, () => 0.1)).hhi).toBeCloseTo(1000, 6);
  });

  it('counts only the listed shares when the rest of the market is unknown', () => {
    expect(shareSummary([0.62, 0.3, 0.06])).toEqual({
      top1Share: 0.62,
      top2Share: expect.closeTo(0.92, 9),
      hhi: 4780,
    });
    expect(shareSummary([])).toEqual({ top1Share: 0, top2Share: 0, hhi: 0 });
  });
});

describe('concentration on the seed fixtures', () => {
  it('pharmacy: the switch category is concentrated in the sector, and SwitchCo leads it', () => {
    const switches = concentrationOf('pharmacy-switch-fourth-party').categories.find(
      (c) => c.category === 'pharmacy switch',
    );
    expect(switches?.sectorConcentrated).toBe(true);
    expect(switches?.sector).toMatchObject({ top1Share: 0.62, hhi: 4780 });
    expect(switches?.sector?.top2Share).toBeCloseTo(0.92, 9);
    expect(switches?.sector?.vendors[0]).toEqual({ vendor: 'SwitchCo', share: 0.62 });
    expect(switches?.organization).toMatchObject({ top1Share: 1, hhi: 10000 });
  });

  it('one clearinghouse: the sector data are below the threshold, and the organization uses one vendor', () => {
    const report = concentrationOf('one-clearinghouse');
    const clearinghouses = report.categories.find((c) => c.category === 'medical clearinghouse');
    expect(clearinghouses).toMatchObject({
      sectorConcentrated: false,
      organization: {
        top1Share: 1,
        hhi: 10000,
        vendors: [{ vendor: { id: 'acme' }, services: 2, share: 1 }],
      },
      sector: { top1Share: 0.5, top2Share: 0.8, hhi: 3400, source: 'illustrative figures for the fixture' },
    });
    expect(report.vendors[0]).toEqual({
      vendor: { id: 'acme', label: 'Acme Health Exchange', kind: 'vendor' },
      functionsDependent: 3,
      functionsTakenDown: 3,
      services: 3,
      categories: ['eligibility verification', 'medical clearinghouse'],
    });
  });

  it('two clearinghouses: two vendors split the category evenly', () => {
    const [clearinghouses] = concentrationOf('two-clearinghouses-one-host').categories;
    expect(clearinghouses).toMatchObject({
      category: 'medical clearinghouse',
      organization: { top1Share: 0.5, top2Share: 1, hhi: 5000 },
    });
    expect(clearinghouses?.sector).toBeUndefined();
  });

  it('rural clinic: one vendor behind every function, across four categories', () => {
    const [prairie] = concentrationOf('rural-clinic-bundled-vendor').vendors;
    expect(prairie).toMatchObject({ functionsDependent: 4, functionsTakenDown: 4, services: 4 });
    expect(prairie?.categories).toHaveLength(4);
  });
});

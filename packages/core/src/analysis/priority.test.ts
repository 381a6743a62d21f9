import { describe, expect, it } from 'vitest';
import { loadFixture } from '../testing/fixtures';
import { analyzeModel } from './analyze';
import { DEFAULT_SCORE_WEIGHTS, SCORE_FACTORS, type ScoreWeights, scoreOf } from './priority';

const none: ScoreWeights = { blastRadius: 0, impact: 0, noMitigation: 0, phi: 0, sectorConcentration: 0 };

describe('scoreOf', () => {
  it('is the weighted mean of the factors, on 0-100', () => {
    const factors = { blastRadius: 0.5, impact: 0.8, noMitigation: 1, phi: 1, sectorConcentration: 1 };
    // (35 * 0.5 + 25 * 0.8 + 15 + 15 + 10) / 100 * 100
    expect(scoreOf(factors, DEFAULT_SCORE_WEIGHTS)).toBeCloseTo(77.5, 9);
    expect(scoreOf(factors, { ...none, phi: 3 })).toBe(100);
    expect(scoreOf(factors, none)).toBe(0);
  });

  it('only depends on the ratios of the weights', () => {
    const factors = { blastRadius: 0.2, impact: 0.4, noMitigation: 0.6, phi: 0.8, sectorConcentration: 1 };
    const doubled = Object.fromEntries(
      SCORE_FACTORS.map((f) => [f, DEFAULT_SCORE_WEIGHTS[f] * 2]),
    ) as ScoreWeights;
    expect(scoreOf(factors, doubled)).toBeCloseTo(scoreOf(factors, DEFAULT_SCORE_WEIGHTS), 9);
  });
});

describe('prioritizeVendors on the seed fixtures', () => {
  it('pharmacy: SwitchCo ranks first, explained in plain words with the path on the map', () => {
    const { graph } = loadFixture('pharmacy-switch-fourth-party');
    const [first, second, third] = analyzeModel(graph).priorities;
    expect([first?.vendor.id, second?.vendor.id, third?.vendor.id]).toEqual([
      'switchco',
      'rxsys',
      'wholesaler',
    ]);
    expect(first).toMatchObject({
      rank: 1,
      score: 77.5,
      factors: { blastRadius: 0.5, impact: 0.8, noMitigation: 1, phi: 1, sectorConcentration: 1 },
      contributions: { blastRadius: 17.5, impact: 20, noMitigation: 15, phi: 15, sectorConcentration: 10 },
      functionsTakenDown: ['dispense'],
    });
    expect(first?.path.map((s) => s.id)).toEqual(['dispense', 'adjudicate', 'pms', 'switch', 'switchco']);
    expect(first?.explanation).toEqual([
      'If SwitchCo became unavailable without warning, 1 of 2 critical functions would stop: Dispense prescriptions.',
      'Within 14d, the worst would be a major (level 4) patient safety impact, on Dispense prescriptions.',
      'No alternative vendor or workaround keeps these running.',
      'It handles about 90,000,000 patient records.',
      'In the sector, the top two vendors of pharmacy switch hold 92%, and SwitchCo is one of them: an outage would hit many organizations at once.',
      'On the map: Dispense prescriptions ← Adjudicate claim with PBM ← RxSys pharmacy management system ← SwitchCo pharmacy switch ← SwitchCo.',
    ]);
  });

  it('explanations use words, not ids or jargon', () => {
    const { graph } = loadFixture('pharmacy-switch-fourth-party');
    for (const entry of analyzeModel(graph).priorities) {
      const text = entry.explanation.join(' ');
      expect(text).not.toMatch(/\b(?:switchco|rxsys|pms|dispense|factor|HHI|SPOF|blastRadius)\b/);
      expect(text).toContain(entry.vendor.label);
    }
  });

  it('two clearinghouses: the shared cloud vendor ranks first; the clearinghouses are covered', () => {
    const { graph } = loadFixture('two-clearinghouses-one-host');
    const priorities = analyzeModel(graph).priorities;
    expect(priorities.map((p) => [p.vendor.id, p.score])).toEqual([
      ['nimbus', 70],
      ['alpha', 0],
      ['beta', 0],
    ]);
    expect(priorities[1]?.explanation).toEqual([
      '1 critical function relies on Alpha Claims, but would not stop if it went dark: an alternative or a workaround covers it.',
    ]);
  });

  it('weights are configurable: all weight on patient data puts the largest holder first', () => {
    const { graph } = loadFixture('one-clearinghouse');
    const byDefault = analyzeModel(graph).priorities.map((p) => p.vendor.id);
    expect(byDefault).toEqual(['acme', 'billing-vendor']);
    const phiOnly = analyzeModel(graph, { weights: { ...none, phi: 1 } });
    expect(phiOnly.options.weights).toEqual({ ...none, phi: 1 });
    expect(phiOnly.priorities[0]).toMatchObject({ vendor: { id: 'acme' }, score: expect.closeTo(91.4, 1) });
    expect(phiOnly.priorities[1]).toMatchObject({ vendor: { id: 'billing-vendor' }, score: 0 });
  });

  it('one clearinghouse: Acme stops all three functions and nothing covers two of them', () => {
    const { graph } = loadFixture('one-clearinghouse');
    const [acme] = analyzeModel(graph).priorities;
    expect(acme?.functionsTakenDown).toEqual(['claims', 'remittance', 'eligibility']);
    expect(acme?.explanation[0]).toBe(
      'If Acme Health Exchange became unavailable without warning, 3 of 3 critical functions would stop: ' +
        'Claims submission, Payment posting and Eligibility verification.',
    );
    expect(acme?.pathText).toBe(
      'Claims submission ← Submit claim to payer ← Acme claims clearinghouse ← Acme Health Exchange',
    );
  });
});

import { analyzeModel, compileModel, type FullAnalysis } from '@smart/core';
import { describe, expect, it } from 'vitest';
import { templateProblems } from './checks';
import { templateById, templates } from './index';
import type { Template } from './template';

function analysisOf(template: Template): FullAnalysis {
  return analyzeModel(compileModel(template.model));
}

function singlePointsOf(id: string, fn: string): string[] {
  const template = templateById(id);
  if (!template) throw new Error(`no template ${id}`);
  const entry = analysisOf(template).singlePoints.find((s) => s.function.id === fn);
  if (!entry) throw new Error(`no function ${fn} in ${id}`);
  return entry.singlePoints;
}

describe.each(templates.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('passes the quality checks (connected, enough steps, sources)', () => {
    expect(templateProblems(template)).toEqual([]);
  });

  it('runs through the full analysis and shows every chokepoint it declares', () => {
    const analysis = analysisOf(template);
    for (const point of template.chokepoints) {
      const entry = analysis.singlePoints.find((s) => s.function.id === point.function);
      expect(entry?.singlePoints, `${point.node} for ${point.function}`).toContain(point.node);
    }
  });
});

describe('the chokepoints the seeds name, where no alternate is configured', () => {
  it('claims and payments: the clearinghouse stops claims; eligibility survives on payer portals', () => {
    const points = singlePointsOf('claims-and-payments', 'f-claims-paid');
    expect(points).toContain('svc-clearinghouse-claims');
    expect(points).toContain('v-clearinghouse');
    expect(points).not.toContain('svc-eligibility');
  });

  it('retail pharmacy: the e-prescribing network and the pharmacy switch stop dispensing; the wholesaler has a backup', () => {
    const points = singlePointsOf('retail-pharmacy', 'f-dispense');
    expect(points).toEqual(expect.arrayContaining(['svc-erx-routing', 'v-erx', 'svc-switch', 'v-switch']));
    expect(points).not.toContain('svc-wholesaler-primary');
  });

  it('laboratories: the reference laboratory information system stops send-out testing', () => {
    expect(singlePointsOf('laboratories', 'f-sendout')).toEqual(
      expect.arrayContaining(['svc-ref-lis', 'v-reference-lab']),
    );
    expect(singlePointsOf('laboratories', 'f-results')).toEqual(
      expect.arrayContaining(['svc-middleware', 'h-middleware-cloud']),
    );
  });

  it('blood: the blood establishment computer system stops release of components', () => {
    expect(singlePointsOf('blood', 'f-blood-available')).toEqual(
      expect.arrayContaining(['svc-becs', 'v-becs']),
    );
  });

  it('radiology (diagnostic): PACS and hosted speech recognition stop reads; imaging AI does not', () => {
    const points = singlePointsOf('radiology-diagnostic', 'f-diagnostic-reads');
    expect(points).toEqual(expect.arrayContaining(['svc-pacs', 'svc-speech', 'svc-telerad']));
    expect(points).not.toContain('svc-ai');
  });

  it('radiology (therapeutic): the cloud treatment-planning service stops new starts', () => {
    expect(singlePointsOf('radiology-therapeutic', 'f-new-starts')).toEqual(
      expect.arrayContaining(['svc-tps', 'v-tps', 'h-tps-cloud']),
    );
  });

  it('dialysis: the dialysis EHR and its machine-connectivity service stop CMS reporting', () => {
    expect(singlePointsOf('dialysis', 'f-eqrs')).toEqual(
      expect.arrayContaining(['svc-dialysis-ehr', 'svc-connect', 'v-dialysis-ehr']),
    );
  });

  it('EMS: the 911 network, the local CAD and the radio network stop the response', () => {
    expect(singlePointsOf('ems', 'f-response')).toEqual(
      expect.arrayContaining(['svc-911-network', 'sys-cad', 'svc-radio']),
    );
  });

  it('home health: the bundled home health EHR vendor stops visits; the clearinghouse stops payment', () => {
    expect(singlePointsOf('home-health', 'f-visits')).toEqual(
      expect.arrayContaining(['svc-hh-ehr', 'v-hh-ehr']),
    );
    expect(singlePointsOf('home-health', 'f-hh-billing')).toContain('svc-clearinghouse');
  });

  it('medical devices: the contract sterilizer stops supply; field service supports the installed base', () => {
    expect(singlePointsOf('medical-devices-manufacture-and-distribution', 'f-devices-supplied')).toEqual(
      expect.arrayContaining(['svc-sterilization', 'v-sterilizer']),
    );
    expect(singlePointsOf('medical-devices-manufacture-and-distribution', 'f-installed-base')).toContain(
      'svc-field-service',
    );
  });

  it('medical supplies: the one distributor and the supply-chain exchange stop supplies reaching the point of use', () => {
    expect(
      singlePointsOf('medical-supplies-manufacture-and-distribution', 'f-supplies-at-point-of-use'),
    ).toEqual(expect.arrayContaining(['svc-distributor', 'v-distributor', 'svc-exchange']));
  });

  it('pharmaceuticals: the wholesaler and the single API source stop supply; serialization stops traceability', () => {
    expect(singlePointsOf('pharmaceutical-manufacture-and-distribution', 'f-medicines-supplied')).toEqual(
      expect.arrayContaining(['svc-wholesaler', 'svc-api']),
    );
    expect(singlePointsOf('pharmaceutical-manufacture-and-distribution', 'f-traceability')).toContain(
      'svc-serialization',
    );
  });

  it('public health laboratory: the hosted LIMS stops results; the messaging hub stops reporting', () => {
    expect(singlePointsOf('public-health-laboratory', 'f-phl-results')).toEqual(
      expect.arrayContaining(['svc-lims', 'v-lims']),
    );
    expect(singlePointsOf('public-health-laboratory', 'f-phl-reporting')).toContain('svc-hub');
  });

  it('strategic national stockpile: the contracted carrier and the inventory system stop delivery', () => {
    expect(singlePointsOf('public-health-strategic-national-stockpile', 'f-countermeasures')).toEqual(
      expect.arrayContaining(['svc-carrier', 'svc-inventory']),
    );
  });

  it('public health surveillance: the national hub and its reportability service stop case detection', () => {
    expect(singlePointsOf('public-health-surveillance', 'f-case-detection')).toEqual(
      expect.arrayContaining(['svc-hub', 'svc-rckms', 'h-hub-cloud']),
    );
    expect(singlePointsOf('public-health-surveillance', 'f-syndromic')).toContain('svc-nssp');
  });

  it('vaccines for children: the centralized distributor and the state IIS stop vaccination', () => {
    expect(singlePointsOf('public-health-vaccines-children', 'f-children-vaccinated')).toEqual(
      expect.arrayContaining(['svc-distributor', 'v-distributor', 'svc-vtrcks', 'svc-iis']),
    );
  });

  it('pandemic vaccines: the national gateway stops dose reporting; shipping has two routes', () => {
    expect(singlePointsOf('public-health-vaccines-pandemic', 'f-dose-reporting')).toContain('svc-gateway');
    expect(singlePointsOf('public-health-vaccines-pandemic', 'f-doses-administered')).not.toContain(
      'svc-distributor',
    );
  });
});

describe('the library', () => {
  it('has all 17 maps of the toolkit, numbered 1 to 17', () => {
    expect(templates.map((t) => t.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });
});

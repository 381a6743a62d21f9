import { draftModelSchema } from '@smart/core';
import { describe, expect, it } from 'vitest';
import { fileStem, modelFileName, modelFileText, parseModelFile } from './model-file';

const model = draftModelSchema.parse({
  format: 'smart-model',
  version: 1,
  tlp: 'AMBER+STRICT',
  name: 'Claims and Payments (Riverbend)',
  functions: [{ id: 'f', label: 'Claims paid' }],
  services: [{ id: 's', category: 'clearinghouse' }],
});

describe('the model document as a file', () => {
  it('is named after the map and carries its TLP', () => {
    expect(modelFileName('Claims and Payments (Riverbend)')).toBe('claims-and-payments-riverbend.smart.json');
    expect(fileStem('Résumé — Lab / Path')).toBe('resume-lab-path');
    expect(fileStem('***')).toBe('map');
    expect(JSON.parse(modelFileText(model)).tlp).toBe('AMBER+STRICT');
  });

  it('reads back what it wrote, drafts included', () => {
    const text = modelFileText(model);
    const read = parseModelFile('claims.json', text.length, text);
    expect(read).toEqual({ ok: true, model, nodeCount: 2 });
  });

  it('says what is wrong with a file it cannot use', () => {
    expect(parseModelFile('a.json', 10, '{"format": ')).toMatchObject({
      ok: false,
      title: '“a.json” is not a JSON file',
    });
    expect(parseModelFile('a.json', 2, '[]')).toMatchObject({
      ok: false,
      details: ['A model document is a JSON object; this file holds a list.'],
    });
    expect(parseModelFile('a.json', 20, '{"format": "bpmn"}')).toMatchObject({
      ok: false,
      title: '“a.json” is not a SMART model document',
      details: ['A model document says "format": "smart-model"; this file says "bpmn".'],
    });
    const bad = parseModelFile(
      'b.json',
      100,
      JSON.stringify({
        format: 'smart-model',
        version: 1,
        tlp: 'PURPLE',
        functions: [{ id: 'f', maxTolerableDowntime: 'soon' }],
      }),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.title).toBe('“b.json” has 2 mistakes');
    expect(bad.details.join('\n')).toMatch(/^tlp: /m);
    expect(bad.details.join('\n')).toMatch(/^functions\[0\]\.maxTolerableDowntime: not a duration/m);
    expect(parseModelFile('big.json', 9 * 1024 * 1024, '{}')).toMatchObject({
      ok: false,
      title: '“big.json” is too large',
    });
  });
});

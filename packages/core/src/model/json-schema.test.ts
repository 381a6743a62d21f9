import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixturePath } from '../testing/fixtures';
import { smartModelJsonSchema } from './json-schema';

const committed = new URL('../../../../docs/model/smart-model.schema.json', import.meta.url);

describe('the published JSON Schema', () => {
  it('is up to date (regenerate with: npx tsx packages/core/scripts/json-schema.ts)', () => {
    // Compared as JSON: the committed file is laid out by the formatter.
    expect(JSON.parse(readFileSync(committed, 'utf8'))).toEqual(smartModelJsonSchema());
  });

  it('describes the document as written: only format, version and tlp are required', () => {
    const schema = smartModelJsonSchema();
    expect(schema.required).toEqual(['format', 'version', 'tlp']);
    expect(Object.keys(schema.properties as object)).toEqual(
      expect.arrayContaining([
        'functions',
        'services',
        'vendors',
        'hosts',
        'workarounds',
        'alternatives',
        'sector',
      ]),
    );
  });

  it('lists every top-level field the seed fixtures use', () => {
    const properties = Object.keys(smartModelJsonSchema().properties as object);
    for (const name of FIXTURES) {
      const fixture = JSON.parse(readFileSync(fixturePath(name), 'utf8')) as object;
      for (const key of Object.keys(fixture)) expect(properties).toContain(key);
    }
  });
});

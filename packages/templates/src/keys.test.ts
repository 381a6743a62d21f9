import { FLOW_TYPES, NODE_KINDS } from '@smart/core';
import { describe, expect, it } from 'vitest';
import { lineKey, shapeKey } from './keys';
import { taxonomy } from './taxonomy';

describe('line and shape keys', () => {
  it('cover every flow type and node kind of the model document, plus workarounds', () => {
    expect(Object.keys(lineKey).sort()).toEqual([...FLOW_TYPES].sort());
    expect(Object.keys(shapeKey).sort()).toEqual([...NODE_KINDS, 'workaround'].sort());
  });

  it('give each flow a distinct colour and stroke', () => {
    const styles = Object.values(lineKey).map((style) => `${style.color} ${style.stroke}`);
    expect(new Set(styles).size).toBe(styles.length);
  });
});

describe('service taxonomy', () => {
  it('has unique ids, each with a label and a one-sentence definition', () => {
    expect(new Set(taxonomy.map((c) => c.id)).size).toBe(taxonomy.length);
    for (const category of taxonomy) {
      expect(category.label.length).toBeGreaterThan(0);
      expect(category.definition).toMatch(/^[A-Z].*\.$/);
    }
  });
});

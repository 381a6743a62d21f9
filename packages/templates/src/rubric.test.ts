import { DEFAULT_RUBRIC, rubricSchema } from '@smart/core';
import { describe, expect, it } from 'vitest';
import { defaultRubric, materialityRubric, ORGANIZATION_SIZES } from './rubric';

describe('default materiality rubric', () => {
  it('is a rubric the engine accepts, with the same dimensions and levels as the core default', () => {
    expect(rubricSchema.parse(defaultRubric)).toEqual(defaultRubric);
    expect(defaultRubric.dimensions.map((d) => d.id)).toEqual(DEFAULT_RUBRIC.dimensions.map((d) => d.id));
    expect(defaultRubric.levels.map((l) => l.value)).toEqual(DEFAULT_RUBRIC.levels.map((l) => l.value));
  });

  it('describes five levels of every dimension with thresholds for every organization size', () => {
    for (const dimension of materialityRubric.dimensions) {
      expect(dimension.levels.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
      for (const level of dimension.levels) {
        expect(level.description.length).toBeGreaterThan(0);
        for (const size of ORGANIZATION_SIZES) expect(level.thresholds[size.id].length).toBeGreaterThan(0);
      }
    }
  });
});

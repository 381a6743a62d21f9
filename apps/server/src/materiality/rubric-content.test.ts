import { describe, expect, it } from 'vitest';
import { defaultDimensions, dimensionsSchema, engineRubric, REQUIRED_DIMENSIONS } from './rubric-content';

describe('rubric content', () => {
  it('starts from the default with the thresholds of the chosen size', () => {
    const small = defaultDimensions('small');
    const large = defaultDimensions('large');
    expect(small.map((d) => d.id)).toEqual(REQUIRED_DIMENSIONS);
    expect(small[2]?.levels[0]?.threshold).toBe('under $1,000 a day');
    expect(large[2]?.levels[0]?.threshold).toBe('under $250,000 a day');
    expect(dimensionsSchema.safeParse(small).success).toBe(true);
  });

  it('refuses a dimension id used twice and names where', () => {
    const dims = defaultDimensions('medium');
    const first = dims[0];
    if (!first) throw new Error('no dimensions');
    const result = dimensionsSchema.safeParse([...dims, { ...first, label: 'Again' }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('5.id');
  });

  it('gives the engine levels 0 to 5 and names the version', () => {
    const rubric = engineRubric(4, defaultDimensions('small'));
    expect(rubric.version).toBe('v4');
    expect(rubric.levels.map((l) => l.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rubric.dimensions[0]).toEqual({ id: 'patientSafety', label: 'Patient safety' });
  });
});

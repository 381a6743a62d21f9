import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { dimensionErrors } from './rubric-errors';

const invalid = (issues: { path: string; message: string }[]) =>
  new ApiError(400, 'invalid_input', 'Invalid input.', issues, null);

describe('rubric errors on the grid', () => {
  it('puts each issue on its cell and says how many are marked', () => {
    const result = dimensionErrors(
      invalid([
        { path: 'body.dimensions.0.levels.2.description', message: 'is required' },
        { path: 'body.dimensions.3.label', message: 'is required' },
      ]),
    );
    expect(result.byPath).toEqual({ '0.levels.2.description': 'is required', '3.label': 'is required' });
    expect(result.general).toBe('2 fields need attention; they are marked in red below.');
  });

  it('names an issue of the whole rubric in words', () => {
    const result = dimensionErrors(
      invalid([
        {
          path: 'body.dimensions',
          message: 'must keep the dimensions every rubric needs (missing: privacy)',
        },
      ]),
    );
    expect(result.byPath).toEqual({});
    expect(result.general).toBe('dimensions: must keep the dimensions every rubric needs (missing: privacy)');
  });

  it('has nothing to say without an error', () => {
    expect(dimensionErrors(null)).toEqual({ byPath: {}, general: null });
  });
});

// What a materiality rubric version holds (impact dimensions, each with five levels described in
// plain words and a threshold), how it starts from the SMART default for an organization's size,
// and the shape the analysis engine reads.
import type { Rubric } from '@smart/core';
import { materialityRubric } from '@smart/templates';
import { z } from 'zod';
import type { OrganizationSize, RubricDimension } from '../db/schema';

export const LEVEL_COUNT = 5;
/** The dimensions PRODUCT P1.2 asks every rubric to have, with the ids the engine uses. */
export const REQUIRED_DIMENSIONS = ['patientSafety', 'operational', 'financial', 'regulatory', 'privacy'];

const levelSchema = z.object({
  value: z.number().int().min(1).max(LEVEL_COUNT),
  label: z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(40, { message: 'must be at most 40 characters' }),
  description: z
    .string()
    .trim()
    .min(1, { message: 'is required: say in plain words what this level means' })
    .max(500, { message: 'must be at most 500 characters' }),
  threshold: z.string().trim().max(500, { message: 'must be at most 500 characters' }),
});

const dimensionSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, {
      message: 'must start with a letter and hold only letters, digits, - and _ (at most 64)',
    }),
  label: z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(80, { message: 'must be at most 80 characters' }),
  description: z.string().trim().max(500, { message: 'must be at most 500 characters' }),
  levels: z
    .array(levelSchema)
    .length(LEVEL_COUNT, { message: `must have exactly ${LEVEL_COUNT} levels` })
    .superRefine((levels, ctx) => {
      levels.forEach((level, i) => {
        if (level.value !== i + 1) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'value'],
            message: `must be ${i + 1} (levels go 1 to 5 in order)`,
          });
        }
      });
    }),
});

export const dimensionsSchema = z
  .array(dimensionSchema)
  .min(1, { message: 'must have at least one dimension' })
  .max(12, { message: 'must have at most 12 dimensions' })
  .superRefine((dimensions, ctx) => {
    const seen = new Set<string>();
    dimensions.forEach((d, i) => {
      if (seen.has(d.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${d.id}" is used twice` });
      seen.add(d.id);
    });
    const missing = REQUIRED_DIMENSIONS.filter((id) => !seen.has(id));
    if (missing.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must keep the dimensions every rubric needs (missing: ${missing.join(', ')})`,
      });
    }
  });

/** The SMART default rubric with the example thresholds for an organization of this size. */
export function defaultDimensions(size: OrganizationSize): RubricDimension[] {
  return materialityRubric.dimensions.map((d) => ({
    id: d.id,
    label: d.label,
    description: d.question,
    levels: d.levels.map((l) => ({
      value: l.value,
      label: l.label,
      description: l.description,
      threshold: l.thresholds[size],
    })),
  }));
}

/** The rubric in the engine's shape (levels 0 to 5, 0 = none); `version` names the rubric version scores use. */
export function engineRubric(version: number, dimensions: RubricDimension[]): Rubric {
  const first = dimensions[0];
  return {
    version: `v${version}`,
    dimensions: dimensions.map(({ id, label }) => ({ id, label })),
    levels: [
      { value: 0, label: 'none', description: 'No impact on this dimension.' },
      ...(first?.levels ?? []).map((l) => ({ value: l.value, label: l.label })),
    ],
  };
}

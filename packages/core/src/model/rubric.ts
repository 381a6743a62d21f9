// The materiality rubric a document uses: impact dimensions and the levels each can reach.
import { z } from 'zod';
import { idSchema } from './ids';

export const dimensionSchema = z.object({
  id: idSchema,
  label: z.string().optional(),
});

export const levelSchema = z.object({
  value: z.number().int().min(0).max(10),
  label: z.string(),
  description: z.string().optional(),
});

export const rubricSchema = z
  .object({
    version: z.string().optional().meta({ description: 'The approved rubric version scores refer to.' }),
    dimensions: z.array(dimensionSchema).min(1),
    levels: z.array(levelSchema).min(1),
  })
  .meta({ description: 'Materiality rubric: impact dimensions and their levels (0 = none).' });

export type Rubric = z.infer<typeof rubricSchema>;

export const DEFAULT_RUBRIC: Rubric = {
  dimensions: [
    { id: 'patientSafety', label: 'Patient safety' },
    { id: 'operational', label: 'Operational' },
    { id: 'financial', label: 'Financial' },
    { id: 'regulatory', label: 'Regulatory' },
    { id: 'privacy', label: 'Data and privacy' },
  ],
  levels: [
    { value: 0, label: 'none' },
    { value: 1, label: 'minimal' },
    { value: 2, label: 'minor' },
    { value: 3, label: 'moderate' },
    { value: 4, label: 'major' },
    { value: 5, label: 'severe' },
  ],
};

// Process steps of a workflow map (register patient, submit claim, dispense).
import { z } from 'zod';
import { nodeBaseShape } from './ids';

export const processStepSchema = z.object({
  ...nodeBaseShape,
  map: z.string().optional(),
  order: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: 'Position of the step in its workflow (1 = first); steps may share a position.' }),
  actor: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'Who performs the step: a role or organization, e.g. "payer" or "pharmacist".' }),
});

export type ProcessStep = z.infer<typeof processStepSchema>;

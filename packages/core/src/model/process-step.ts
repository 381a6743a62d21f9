// Process steps of a workflow map (register patient, submit claim, dispense).
import { z } from 'zod';
import { nodeBaseShape } from './ids';

export const processStepSchema = z.object({ ...nodeBaseShape, map: z.string().optional() });

export type ProcessStep = z.infer<typeof processStepSchema>;

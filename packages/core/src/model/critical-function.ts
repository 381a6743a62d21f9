// Critical functions (workflow outcomes): what the organization must keep running, how long it can
// go without, and how bad the impact gets on each materiality dimension as an outage grows.
import { z } from 'zod';
import { durationSchema } from './duration';
import { nodeBaseShape } from './ids';

export const impactStepSchema = z
  .object({
    after: durationSchema.meta({ description: 'Time the function has been down when these levels apply.' }),
    levels: z.record(z.string(), z.number().int().min(0).max(10)),
  })
  .meta({ description: 'From this much downtime on, the impact reaches these levels per dimension.' });

export const criticalFunctionSchema = z.object({
  ...nodeBaseShape,
  maxTolerableDowntime: durationSchema.meta({ description: 'Maximum tolerable downtime.' }),
  impacts: z.array(impactStepSchema).default([]),
});

export type ImpactStep = z.infer<typeof impactStepSchema>;
export type CriticalFunction = z.infer<typeof criticalFunctionSchema>;

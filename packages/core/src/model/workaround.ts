// Manual workarounds: keep a node running at reduced capacity for a limited time once what it
// depends on is gone.
import { z } from 'zod';
import { durationSchema } from './duration';
import { idSchema, nodeBaseShape } from './ids';

export const workaroundSchema = z.object({
  ...nodeBaseShape,
  for: idSchema.meta({ description: 'The node the workaround keeps running.' }),
  capacity: z.number().min(0).max(1).meta({ description: 'Fraction of normal capacity, 0 to 1.' }),
  maxDuration: durationSchema.meta({ description: 'How long the workaround can be sustained.' }),
  staff: z.number().int().min(0).default(0).meta({ description: 'Additional staff it needs.' }),
});

export type Workaround = z.infer<typeof workaroundSchema>;

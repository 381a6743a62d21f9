// Hosts and infrastructure (a cloud region, a data center) that services and vendors run on.
import { z } from 'zod';
import { idSchema, nodeBaseShape } from './ids';

export const hostSchema = z.object({
  ...nodeBaseShape,
  vendor: idSchema.optional().meta({ description: 'The vendor operating this host, if any.' }),
});

export type Host = z.infer<typeof hostSchema>;

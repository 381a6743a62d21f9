// Dependencies: "from depends on to". All-of by default; alternatives groups relax that.
import { z } from 'zod';
import { idSchema } from './ids';

export const FLOW_TYPES = ['information', 'payment', 'material', 'support'] as const;

export const dependencySchema = z.object({
  from: idSchema.meta({ description: 'The node that depends.' }),
  to: idSchema.meta({ description: 'The node it depends on.' }),
  flow: z.enum(FLOW_TYPES).default('information'),
  label: z.string().optional(),
  standard: z.string().max(200).optional().meta({
    description: 'Data or messaging standard the flow uses, e.g. "X12 837P", "NCPDP SCRIPT", "DICOM".',
  }),
});

export type FlowType = (typeof FLOW_TYPES)[number];
export type Dependency = z.infer<typeof dependencySchema>;

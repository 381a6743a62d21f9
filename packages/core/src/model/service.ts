// Third-party services and products, each provided by a vendor: failure of the vendor fails them.
import { z } from 'zod';
import { idSchema, nodeBaseShape } from './ids';
import { phiRecordsSchema } from './vendor';

export const serviceSchema = z.object({
  ...nodeBaseShape,
  category: z.string().min(1).meta({ description: 'Service category, e.g. "medical clearinghouse".' }),
  vendor: idSchema.meta({ description: 'The vendor that provides this service.' }),
  phiRecords: phiRecordsSchema.optional(),
});

export type Service = z.infer<typeof serviceSchema>;

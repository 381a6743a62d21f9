// Third parties (and fourth parties): the companies behind services and hosts.
import { z } from 'zod';
import { nodeBaseShape } from './ids';

export const phiRecordsSchema = z
  .number()
  .int()
  .min(0)
  .meta({ description: 'Volume of protected health information handled, in patient records.' });

export const vendorSchema = z.object({ ...nodeBaseShape, phiRecords: phiRecordsSchema.optional() });

export type Vendor = z.infer<typeof vendorSchema>;

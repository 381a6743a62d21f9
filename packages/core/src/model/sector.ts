// Sector concentration facts per service category, from a template or a sector profile.
import { z } from 'zod';

export const vendorShareSchema = z.object({
  vendor: z.string().min(1).meta({ description: 'Vendor id in this document, or the vendor name.' }),
  share: z.number().min(0).max(1).meta({ description: 'Share of the sector, 0 to 1.' }),
});

export const sectorConcentrationSchema = z.object({
  category: z.string().min(1),
  source: z.string().optional().meta({ description: 'Where the figures come from.' }),
  shares: z.array(vendorShareSchema).min(1),
});

export type SectorConcentration = z.infer<typeof sectorConcentrationSchema>;

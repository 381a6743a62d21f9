// Stable identifiers and free-text labels shared by every entity of the model document.
import { z } from 'zod';

export const idSchema = z
  .string()
  .min(1, 'an id cannot be empty')
  .max(200)
  .meta({ description: 'Stable identifier, unique across the document.' });

export const labelSchema = z.string().max(500).meta({ description: 'Free-text label shown to people.' });

/** Fields every node of the map has. */
export const nodeBaseShape = {
  id: idSchema,
  label: labelSchema.optional(),
  notes: z.string().max(5000).optional(),
};

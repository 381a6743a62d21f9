// Groups of alternatives: the node "from" keeps running while at least k of the members run.
// Each member must also be listed as a dependency of "from"; the group turns those all-of
// dependencies into a k-of-n requirement.
import { z } from 'zod';
import { idSchema, labelSchema } from './ids';

export const alternativeGroupSchema = z.object({
  id: idSchema,
  label: labelSchema.optional(),
  from: idSchema.meta({ description: 'The node that needs k of the members.' }),
  members: z.array(idSchema).min(1),
  k: z.number().int().min(1).default(1),
});

export type AlternativeGroup = z.infer<typeof alternativeGroupSchema>;

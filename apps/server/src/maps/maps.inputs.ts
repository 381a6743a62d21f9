// What a client may send about maps and the template selection, validated before anything is read
// or written. The model document itself arrives as `unknown` and is parsed by the service with
// core's draftModelSchema, so that a bad document gets 422 with every JSON path named.
import { TLP_LEVELS } from '@smart/core';
import { z } from 'zod';
import { REVIEW_STATUSES } from './maps.schema';

/** Request bodies that carry a whole model may be large: a 2,000-node map is about 1 MB. */
export const MAP_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

const version = z.number().int().min(0);
const name = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(200, { message: 'must be at most 200 characters' });
const uuidOrNull = (what: string) => z.uuid({ message: `must be the id of a ${what}` }).nullable();

export const tlpInput = z.enum(TLP_LEVELS, { message: `must be one of ${TLP_LEVELS.join(', ')}` });

const coordinate = z.number().finite();
export const layoutInput = z
  .record(z.string().min(1).max(200), z.object({ x: coordinate, y: coordinate }))
  .refine((layout) => Object.keys(layout).length <= 50_000, { message: 'has too many positions' });

export const selectionInput = z.object({
  version,
  items: z
    .array(
      z.object({
        templateId: z.string().trim().min(1, { message: 'is required' }).max(100),
        importance: z.number().int().min(1).max(5),
        impact: z.number().int().min(1).max(5),
        reason: z
          .string()
          .trim()
          .min(1, { message: 'say why this map matters' })
          .max(2000, { message: 'must be at most 2,000 characters' }),
      }),
    )
    .max(100),
});
export type SelectionInput = z.infer<typeof selectionInput>;

export const createMapInput = z.object({
  name: name.optional(),
  templateId: z.string().trim().min(1).max(100).optional(),
  model: z.unknown().optional(),
  layout: layoutInput.optional(),
  subTeamId: uuidOrNull('sub-team').optional(),
  tlp: tlpInput.optional(),
});
export type CreateMapInput = z.infer<typeof createMapInput>;

export const saveMapInput = z.object({
  version: version.min(1),
  name: name.optional(),
  model: z.unknown().optional(),
  layout: layoutInput.optional(),
  subTeamId: uuidOrNull('sub-team').optional(),
});
export type SaveMapInput = z.infer<typeof saveMapInput>;

export const restoreInput = z.object({ version: version.min(1) });

export const reviewInput = z.object({
  status: z.enum(REVIEW_STATUSES, { message: `must be one of ${REVIEW_STATUSES.join(', ')}` }),
  note: z.string().trim().max(1000, { message: 'must be at most 1,000 characters' }).optional(),
  version: version.min(1),
});
export type ReviewInput = z.infer<typeof reviewInput>;

export const diffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

export const commentInput = z.object({
  nodeId: z.string().min(1).max(200).nullable().optional(),
  body: z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(4000, { message: 'must be at most 4,000 characters' }),
});

export const linkInput = z.object({
  nodeId: z.string().min(1, { message: 'is required' }).max(200),
  serviceId: z.string().min(1, { message: 'is required' }).max(100),
});

export const mapLinksQuery = z.object({
  vendorId: z.string().max(100).optional(),
  serviceId: z.string().max(100).optional(),
});

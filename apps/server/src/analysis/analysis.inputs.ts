// Request shapes of the analysis routes (they also describe the API in OpenAPI).
import { SCORE_FACTORS, type ScoreFactor } from '@smart/core';
import { z } from 'zod';

const factorList = SCORE_FACTORS.join(', ');

/** `weights=phi:10,blastRadius:40`: some factors, each 0 to 100; the others keep their saved weight. */
export const weightsParam = z
  .string()
  .max(500)
  .transform((text, ctx) => {
    const weights: Partial<Record<ScoreFactor, number>> = {};
    for (const part of text.split(',').filter((p) => p.trim() !== '')) {
      const [name = '', value = ''] = part.split(':').map((s) => s.trim());
      if (!(SCORE_FACTORS as readonly string[]).includes(name)) {
        ctx.addIssue({ code: 'custom', message: `unknown factor "${name}"; the factors are ${factorList}` });
        return z.NEVER;
      }
      const n = Number(value);
      if (value === '' || !Number.isFinite(n) || n < 0 || n > 100) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a number from 0 to 100` });
        return z.NEVER;
      }
      weights[name as ScoreFactor] = n;
    }
    return weights;
  });

export const workaroundsSchema = z.enum(['count', 'ignore']);

export const analysisQuery = z.object({
  workarounds: workaroundsSchema.optional().meta({
    description:
      "'ignore' (default): structural single points of failure; 'count': workarounds hold until they run out",
  }),
  horizonHours: z.coerce.number().min(0).max(8760).optional().meta({
    description: 'How long an outage is assumed to last, in hours (default 336, two weeks)',
  }),
  weights: weightsParam.optional().meta({
    description: `Score weights to try, e.g. "phi:10,blastRadius:40" (factors: ${factorList}); the rest are the saved ones`,
  }),
});

const failedSchema = z
  .array(z.string().min(1).max(300))
  .min(1, { message: 'choose at least one vendor, service, host or system' })
  .max(50, { message: 'at most 50 nodes can fail in one scenario' });
const durationSchema = z
  .number()
  .min(1, { message: 'must be at least 1 hour' })
  .max(8760, { message: 'must be at most 8760 hours (a year)' });

export const scenarioInput = z.object({
  failed: failedSchema,
  durationHours: durationSchema,
  workarounds: workaroundsSchema.optional(),
  scope: z
    .object({ mapId: z.string().max(100).optional(), functionId: z.string().max(300).optional() })
    .optional(),
});

export const savedScenarioInput = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(200),
  note: z.string().max(2000).optional(),
  failed: failedSchema,
  durationHours: durationSchema,
  workarounds: workaroundsSchema.optional(),
});

export const savedScenarioUpdate = savedScenarioInput.extend({ version: z.number().int().min(1) });

const weightValue = z
  .number({ message: 'must be a number from 0 to 100' })
  .min(0, { message: 'must be 0 or more' })
  .max(100, { message: 'must be 100 or less' });

export const weightsInput = z.object({
  weights: z.object(
    Object.fromEntries(SCORE_FACTORS.map((f) => [f, weightValue])) as Record<ScoreFactor, typeof weightValue>,
  ),
  version: z.number().int().min(0),
});

export const snapshotInput = z.object({
  name: z.string().trim().max(200).optional(),
  note: z.string().max(2000).optional(),
});

export const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'pdf']).default('csv'),
  snapshot: z
    .string()
    .max(100)
    .optional()
    .meta({ description: 'A snapshot id: export it instead of the current list' }),
});

export const idParams = z.object({ orgId: z.string(), id: z.string() });

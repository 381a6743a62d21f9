// The SMART model document: one organization's (or one map's) dependency model as versioned JSON.
import { z } from 'zod';
import { alternativeGroupSchema } from './alternative-group';
import { criticalFunctionSchema } from './critical-function';
import { dependencySchema } from './dependency';
import { hostSchema } from './host';
import { internalSystemSchema } from './internal-system';
import { processStepSchema } from './process-step';
import { rubricSchema } from './rubric';
import { sectorConcentrationSchema } from './sector';
import { serviceSchema } from './service';
import { tlpSchema } from './tlp';
import { vendorSchema } from './vendor';
import { workaroundSchema } from './workaround';

export const MODEL_FORMAT = 'smart-model';
export const MODEL_VERSION = 1;

export const smartModelSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    version: z.literal(MODEL_VERSION),
    name: z.string().optional(),
    tlp: tlpSchema,
    rubric: rubricSchema.optional().meta({ description: 'Defaults to five dimensions, levels 0-5.' }),
    functions: z.array(criticalFunctionSchema).default([]),
    processSteps: z.array(processStepSchema).default([]),
    systems: z.array(internalSystemSchema).default([]),
    services: z.array(serviceSchema).default([]),
    vendors: z.array(vendorSchema).default([]),
    hosts: z.array(hostSchema).default([]),
    workarounds: z.array(workaroundSchema).default([]),
    dependencies: z.array(dependencySchema).default([]),
    alternatives: z.array(alternativeGroupSchema).default([]),
    sector: z.array(sectorConcentrationSchema).default([]),
  })
  .meta({
    title: 'SMART model document',
    description: 'Critical functions, the process steps, systems, services, vendors and hosts behind them.',
  });

export type SmartModel = z.infer<typeof smartModelSchema>;
/** The document as written, before defaults are filled in. */
export type SmartModelInput = z.input<typeof smartModelSchema>;

/** Kinds of node in the dependency graph, in the order the document lists them. */
export const NODE_KINDS = ['function', 'step', 'system', 'service', 'vendor', 'host'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

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
    functions: z
      .array(criticalFunctionSchema)
      .default([])
      .meta({ description: 'Critical functions and workflow outcomes.' }),
    processSteps: z.array(processStepSchema).default([]).meta({ description: 'Steps of the workflow maps.' }),
    systems: z
      .array(internalSystemSchema)
      .default([])
      .meta({ description: 'Systems the organization runs itself.' }),
    services: z
      .array(serviceSchema)
      .default([])
      .meta({ description: 'Third-party services and products, each from a vendor.' }),
    vendors: z.array(vendorSchema).default([]).meta({ description: 'Third and fourth parties.' }),
    hosts: z
      .array(hostSchema)
      .default([])
      .meta({ description: 'Hosts and infrastructure (cloud regions, data centers).' }),
    workarounds: z
      .array(workaroundSchema)
      .default([])
      .meta({ description: 'Manual workarounds, at most one per node.' }),
    dependencies: z
      .array(dependencySchema)
      .default([])
      .meta({ description: '"from depends on to": all-of unless a group of alternatives says otherwise.' }),
    alternatives: z
      .array(alternativeGroupSchema)
      .default([])
      .meta({ description: 'Groups of alternatives (k of n).' }),
    sector: z
      .array(sectorConcentrationSchema)
      .default([])
      .meta({ description: 'Sector concentration facts per service category.' }),
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

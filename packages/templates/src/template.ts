// The template format: one of the 17 sector workflow maps as a SMART model document, with what a
// reader needs beside the graph: the workflow in words, its actors, the seed's risk-assessment
// summary for the function, sector concentration facts, the expected chokepoints and the sources.
import { smartModelSchema } from '@smart/core';
import { z } from 'zod';

const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens')
  .meta({ description: 'Stable lowercase id, e.g. "claims-and-payments".' });

export const ACTOR_KINDS = [
  'patient',
  'provider',
  'payer',
  'pharmacy',
  'laboratory',
  'public-health',
  'government',
  'manufacturer',
  'distributor',
  'logistics',
  'third-party',
] as const;

export const actorSchema = z.object({
  id: slugSchema,
  label: z.string().min(1),
  kind: z.enum(ACTOR_KINDS),
  description: z.string().min(1).meta({ description: 'What this actor does in the workflow.' }),
});

export const sourceSchema = z.object({
  id: slugSchema.meta({ description: 'Short id that concentration facts and notes refer to.' }),
  title: z.string().min(1),
  url: z.url(),
  publisher: z.string().optional(),
  year: z.number().int().min(1990).max(2100).optional(),
});

export const riskSummarySchema = z
  .object({
    function: z
      .string()
      .min(1)
      .meta({ description: 'The function as the seed names it, e.g. "Medical claims".' }),
    services: z.array(z.string().min(1)).meta({ description: 'Key third-party IT services the seed lists.' }),
    points: z.array(z.string().min(1)).min(1).meta({ description: 'The assessment, in our own words.' }),
    attribution: z.string().min(1),
  })
  .meta({ description: "The HSCC SMART toolkit's risk-assessment summary for this function, paraphrased." });

export const concentrationFactSchema = z.object({
  category: z.string().min(1).meta({ description: 'Service category id from the taxonomy.' }),
  statement: z.string().min(1),
  sources: z.array(z.string()).min(1).meta({ description: 'Ids of entries in the template sources.' }),
});

export const chokepointSchema = z
  .object({
    function: z.string().min(1).meta({ description: 'Id of the function in the model.' }),
    node: z.string().min(1).meta({ description: 'Id of the node whose failure alone stops the function.' }),
    why: z.string().min(1),
  })
  .meta({
    description: 'A single point of failure the template is built to show (no alternate configured).',
  });

export const templateSchema = z.object({
  id: slugSchema,
  number: z.number().int().min(1).meta({ description: "The map's number in the HSCC toolkit's list." }),
  title: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a semantic version such as 1.0.0'),
  workflow: z.string().min(1).meta({ description: 'The workflow in a few sentences.' }),
  riskSummary: riskSummarySchema,
  actors: z.array(actorSchema).min(2),
  concentration: z.array(concentrationFactSchema).default([]),
  chokepoints: z.array(chokepointSchema).min(1),
  incidents: z
    .array(
      z.object({ year: z.number().int(), summary: z.string().min(1), sources: z.array(z.string()).min(1) }),
    )
    .default([]),
  sources: z.array(sourceSchema).min(1),
  model: smartModelSchema,
});

export type Actor = z.infer<typeof actorSchema>;
export type TemplateSource = z.infer<typeof sourceSchema>;
export type RiskSummary = z.infer<typeof riskSummarySchema>;
export type ConcentrationFact = z.infer<typeof concentrationFactSchema>;
export type Chokepoint = z.infer<typeof chokepointSchema>;
export type Template = z.infer<typeof templateSchema>;
/** A template as written in maps/*.json, before defaults are filled in. */
export type TemplateInput = z.input<typeof templateSchema>;

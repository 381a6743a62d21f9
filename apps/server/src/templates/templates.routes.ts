// The sector template library: the 17 workflow maps, the service taxonomy, the line and shape key
// and the default materiality rubric. Public knowledge shipped with SMART, readable by anyone
// signed in; organizations copy from it, never write to it.

import type { Template } from '@smart/templates';
import { categoryById, templateById, templates } from '@smart/templates';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../shared/errors';

const templateSummary = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  version: z.string(),
  workflow: z.string(),
  tlp: z.string(),
  functions: z.array(z.string()),
  steps: z.number(),
  services: z.number(),
  actors: z.number(),
  categories: z.array(z.string()),
  standards: z.array(z.string()),
  chokepoints: z.number(),
  sources: z.number(),
});

/** What a gallery card shows: counts and names, not the whole graph. */
export function summarize(t: Template): z.infer<typeof templateSummary> {
  const standards = new Set(t.model.dependencies.flatMap((d) => (d.standard ? [d.standard] : [])));
  return {
    id: t.id,
    number: t.number,
    title: t.title,
    version: t.version,
    workflow: t.workflow,
    tlp: t.model.tlp,
    functions: t.model.functions.map((f) => f.label ?? f.id),
    steps: t.model.processSteps.length,
    services: t.model.services.length,
    actors: t.actors.length,
    categories: [...new Set(t.model.services.map((s) => s.category))].sort(),
    standards: [...standards].sort(),
    chokepoints: t.chokepoints.length,
    sources: t.sources.length,
  };
}

export function templateRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/templates',
      {
        config: { access: { kind: 'signedIn' } },
        schema: {
          tags: ['templates'],
          summary: 'The sector workflow map templates, in the toolkit order',
          response: { 200: z.object({ templates: z.array(templateSummary) }) },
        },
      },
      async () => ({ templates: [...templates].sort((a, b) => a.number - b.number).map(summarize) }),
    );

    app.get(
      '/api/templates/:templateId',
      {
        config: { access: { kind: 'signedIn' } },
        schema: {
          tags: ['templates'],
          summary:
            'One template in full: its map as a SMART model document, actors, summary and sources, and the service categories it uses',
          params: z.object({ templateId: z.string().max(100) }),
        },
      },
      async (request) => {
        const template = templateById(request.params.templateId);
        if (!template) throw notFound('Template');
        const used = new Set(template.model.services.map((s) => s.category));
        const categories = [...used].flatMap((id) => {
          const category = categoryById(id);
          return category ? [category] : [];
        });
        return { template, categories };
      },
    );
  };
}

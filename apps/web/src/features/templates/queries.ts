// The template library, read from the API: summaries for the gallery, one template in full.
import type { ServiceCategory, Template } from '@smart/templates';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface TemplateSummary {
  id: string;
  number: number;
  title: string;
  version: string;
  workflow: string;
  tlp: string;
  functions: string[];
  steps: number;
  services: number;
  actors: number;
  categories: string[];
  standards: string[];
  chokepoints: number;
  sources: number;
}

export function useTemplates() {
  return useQuery({
    queryKey: ['templates'],
    queryFn: () => api.get<{ templates: TemplateSummary[] }>('/api/templates'),
    select: (data) => data.templates,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export interface TemplateDetail {
  template: Template;
  /** The taxonomy entries of the service categories the template uses. */
  categories: ServiceCategory[];
}

export function useTemplate(id: string) {
  return useQuery({
    queryKey: ['templates', id],
    queryFn: () => api.get<TemplateDetail>(`/api/templates/${encodeURIComponent(id)}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

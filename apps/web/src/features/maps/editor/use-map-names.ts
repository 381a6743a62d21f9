// How the editor names what the model refers to by id: service categories from the taxonomy, and
// the actors of the template the map was made from (a step's actor is stored as the actor's id).
import { categoryById } from '@smart/templates/taxonomy';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../../api/client';
import type { TemplateDetail } from '../../templates/queries';
import type { MapNames } from '../map-graph';
import { UNCATEGORIZED } from './edits';
import type { ActorOption } from './properties/fields';

export interface EditorNames extends Required<MapNames> {
  actors: readonly ActorOption[];
}

const category = (id: string) =>
  id === UNCATEGORIZED ? 'No category chosen' : (categoryById(id)?.label ?? id);

export function useMapNames(templateId: string | null): EditorNames {
  // The same query (and cache entry) as the template pages.
  const template = useQuery({
    queryKey: ['templates', templateId ?? ''],
    queryFn: () => api.get<TemplateDetail>(`/api/templates/${encodeURIComponent(templateId ?? '')}`),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: templateId !== null,
  });
  const actors = template.data?.template.actors;
  return useMemo(() => {
    const list = (actors ?? []).map((a) => ({ id: a.id, label: a.label }));
    const byId = new Map(list.map((a) => [a.id, a.label]));
    return { actors: list, actor: (id: string) => byId.get(id) ?? id, category };
  }, [actors]);
}

// The service categories of the taxonomy for pickers and labels (from the small taxonomy module,
// not the whole template library).
import { type ServiceCategory, taxonomy } from '@smart/templates/taxonomy';

const byId = new Map(taxonomy.map((c) => [c.id, c]));

export function categoryLabel(id: string): string {
  return byId.get(id)?.label ?? id;
}

export function categoryOf(id: string): ServiceCategory | undefined {
  return byId.get(id);
}

const GROUP_LABELS: Record<ServiceCategory['group'], string> = {
  'revenue cycle': 'Revenue cycle',
  pharmacy: 'Pharmacy',
  laboratory: 'Laboratory',
  imaging: 'Imaging',
  clinical: 'Clinical',
  'public health': 'Public health',
  'supply chain': 'Supply chain',
  infrastructure: 'Infrastructure',
};

/** Options for a Mantine Select, grouped by the taxonomy's broad areas. */
export const CATEGORY_OPTIONS = Object.entries(GROUP_LABELS).map(([group, label]) => ({
  group: label,
  items: taxonomy.filter((c) => c.group === group).map((c) => ({ value: c.id, label: c.label })),
}));

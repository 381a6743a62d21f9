// A map's SMART model document in its draft form, as the editor holds it: the model document with
// every list present, except that a service may lack its vendor and a function its tolerance
// (the maps API stores maps this way; problems are reported, not refused).
import { type DraftModel, draftModelSchema, formatIssue, formatPath } from '@smart/core';
import type { DraftModelDocument } from './types';

export type { DraftModel };
export type DraftService = DraftModel['services'][number];
export type DraftFunction = DraftModel['functions'][number];

/**
 * The stored document with every list present and every default filled, so the editor never
 * checks for a missing list. The server only stores documents that pass this schema.
 */
export function normalizeDraft(document: DraftModelDocument): DraftModel {
  // The API answers with the document parsed by this same schema (defaults filled): checking the
  // lists is enough. Anything else (an older answer, a hand-made object) is parsed in full.
  if (DRAFT_LISTS.every((list) => Array.isArray(document[list])) && document.format === 'smart-model') {
    return document as unknown as DraftModel;
  }
  const parsed = draftModelSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first ? formatIssue({ path: formatPath(first.path), message: first.message }) : '';
  throw new Error(`The stored map is not a readable SMART model document (${where}).`);
}

/** The lists of a model document (every one present once the document is parsed). */
export const DRAFT_LISTS = [
  'functions',
  'processSteps',
  'systems',
  'services',
  'vendors',
  'hosts',
  'workarounds',
  'dependencies',
  'alternatives',
  'sector',
] as const;

/** The document as the API takes it back (the same object: the editor keeps no extra fields). */
export function toDocument(model: DraftModel): DraftModelDocument {
  return model as unknown as DraftModelDocument;
}

/** The kinds of node a map draws, workarounds included. */
export type DraftNodeKind = 'function' | 'step' | 'system' | 'service' | 'vendor' | 'host' | 'workaround';

/** The model's list that holds each kind of node. */
export const LIST_OF_KIND = {
  function: 'functions',
  step: 'processSteps',
  system: 'systems',
  service: 'services',
  vendor: 'vendors',
  host: 'hosts',
  workaround: 'workarounds',
} as const satisfies Record<DraftNodeKind, keyof DraftModel>;

export type NodeEntry =
  | { kind: 'function'; node: DraftFunction }
  | { kind: 'step'; node: DraftModel['processSteps'][number] }
  | { kind: 'system'; node: DraftModel['systems'][number] }
  | { kind: 'service'; node: DraftService }
  | { kind: 'vendor'; node: DraftModel['vendors'][number] }
  | { kind: 'host'; node: DraftModel['hosts'][number] }
  | { kind: 'workaround'; node: DraftModel['workarounds'][number] };

/** Every node of the model by id (the first one when a draft repeats an id). */
export function indexNodes(model: DraftModel): Map<string, NodeEntry> {
  const index = new Map<string, NodeEntry>();
  const put = (entry: NodeEntry) => {
    if (!index.has(entry.node.id)) index.set(entry.node.id, entry);
  };
  for (const node of model.functions) put({ kind: 'function', node });
  for (const node of model.processSteps) put({ kind: 'step', node });
  for (const node of model.systems) put({ kind: 'system', node });
  for (const node of model.services) put({ kind: 'service', node });
  for (const node of model.vendors) put({ kind: 'vendor', node });
  for (const node of model.hosts) put({ kind: 'host', node });
  for (const node of model.workarounds) put({ kind: 'workaround', node });
  return index;
}

export function nodeLabel(node: { id: string; label?: string }): string {
  return node.label?.trim() ? node.label : node.id;
}

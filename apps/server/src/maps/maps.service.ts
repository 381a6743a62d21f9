// The organization's workflow maps (method step P1.5): created from a template, blank or from an
// imported model document; saved with optimistic concurrency; restored from history; moved through
// review. Every write locks the map's row, checks the caller's right to it, writes history and the
// audit log in the same transaction, and drops the inventory links of nodes that left the model.
import { randomUUID } from 'node:crypto';
import {
  type DraftModel,
  draftModelSchema,
  draftNodeIds,
  draftProblems,
  formatPath,
  type ModelChange,
  modelDiff,
  sameValue,
  type Tlp,
} from '@smart/core';
import { templateById } from '@smart/templates';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service';
import type { Executor } from '../db/client';
import { subTeams } from '../db/schema';
import { AppError } from '../shared/errors';
import { describeChange, getVersion, type MapContent, recordSnapshot } from './history.service';
import { removeLinksOfMissingNodes } from './links.service';
import { getMapDetail, type MapRow, mapRow, readModel, versionConflict } from './map-rows';
import { type Caller, requireEdit, requireSubTeamChoice } from './maps.access';
import type { CreateMapInput, SaveMapInput } from './maps.inputs';
import { type HistoryKind, maps } from './maps.schema';

/** TLP of a new map made from a template or blank: the organization's own map is not public. */
export const DEFAULT_MAP_TLP: Tlp = 'AMBER';

const invalid = (path: string, message: string) =>
  new AppError('invalid_input', `Invalid input. ${path}: ${message}`, [{ path, message }]);

/** A model document from a client: the draft schema, or 422 with every problem's JSON path. */
export function parseDraft(input: unknown): DraftModel {
  const parsed = draftModelSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: formatPath(issue.path) || '(document)',
    message: issue.message,
  }));
  const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  throw new AppError(
    'invalid_model',
    `This is not a SMART model document: ${shown.join('; ')}${more}.`,
    issues,
  );
}

const nodeCount = (model: DraftModel) =>
  model.functions.length +
  model.processSteps.length +
  model.systems.length +
  model.services.length +
  model.vendors.length +
  model.hosts.length;

async function checkSubTeam(tx: Executor, organizationId: string, subTeamId: string) {
  const [row] = await tx
    .select({ id: subTeams.id })
    .from(subTeams)
    .where(and(eq(subTeams.organizationId, organizationId), eq(subTeams.id, subTeamId)));
  if (!row) throw invalid('body.subTeamId', 'is not a sub-team of this organization');
}

interface Source {
  kind: Extract<HistoryKind, 'create' | 'import'>;
  model: DraftModel;
  templateId: string | null;
  name: string | undefined;
  tlp: Tlp;
  summary: string;
}

function sourceOf(input: CreateMapInput): Source {
  if (input.templateId !== undefined && input.model !== undefined) {
    throw invalid('body', 'give templateId (a copy of a template) or model (an imported document), not both');
  }
  if (input.templateId !== undefined) {
    const template = templateById(input.templateId);
    if (!template) throw invalid('body.templateId', `no template "${input.templateId}"`);
    return {
      kind: 'create',
      model: readModel(structuredClone(template.model)),
      templateId: template.id,
      name: template.title,
      tlp: DEFAULT_MAP_TLP,
      summary: `Created from the "${template.title}" template`,
    };
  }
  if (input.model !== undefined) {
    const model = parseDraft(input.model);
    return {
      kind: 'import',
      model,
      templateId: null,
      name: model.name?.trim().slice(0, 200) || undefined,
      tlp: model.tlp,
      summary: `Imported a model document (${nodeCount(model)} nodes)`,
    };
  }
  return {
    kind: 'create',
    model: draftModelSchema.parse({ format: 'smart-model', version: 1, tlp: DEFAULT_MAP_TLP }),
    templateId: null,
    name: undefined,
    tlp: DEFAULT_MAP_TLP,
    summary: 'Created blank',
  };
}

export async function createMap(tx: Executor, organizationId: string, caller: Caller, input: CreateMapInput) {
  const source = sourceOf(input);
  requireSubTeamChoice(caller, input.subTeamId);
  if (input.subTeamId) await checkSubTeam(tx, organizationId, input.subTeamId);
  const name = input.name ?? source.name;
  if (!name) throw invalid('body.name', 'is required for a blank map');
  const tlp = input.tlp ?? source.tlp;
  const model: DraftModel = { ...source.model, name, tlp };
  const layout = input.layout ?? {};
  const problems = draftProblems(model);
  const now = new Date();
  const id = randomUUID();
  await tx.insert(maps).values({
    id,
    organizationId,
    name,
    templateId: source.templateId,
    subTeamId: input.subTeamId ?? null,
    tlp,
    model,
    layout,
    nodeCount: nodeCount(model),
    problemCount: problems.length,
    reviewStatus: 'draft',
    version: 1,
    createdAt: now,
    createdBy: caller.id,
    createdByName: caller.name,
    updatedAt: now,
    updatedBy: caller.id,
    updatedByName: caller.name,
  });
  await recordSnapshot(tx, organizationId, id, caller, now, {
    version: 1,
    kind: source.kind,
    content: { name, tlp, model, layout },
    summary: source.summary,
  });
  await recordAudit(tx, organizationId, caller, {
    action: source.kind === 'import' ? 'map.imported' : 'map.created',
    entityType: 'map',
    entityId: id,
    after: {
      name,
      templateId: source.templateId,
      subTeamId: input.subTeamId ?? null,
      tlp,
      nodes: nodeCount(model),
      summary: source.summary,
    },
  });
  return getMapDetail(tx, organizationId, caller, id, { model, layout, problems });
}

const contentOf = (row: MapRow): MapContent => ({
  name: row.name,
  tlp: row.tlp,
  model: readModel(row.model),
  layout: row.layout,
});

/** Lines for the audit log: the first hundred changes, each with its details. */
const auditChanges = (changes: ModelChange[]) =>
  changes
    .slice(0, 100)
    .map((c) => `${c.change} ${c.entity} "${c.label}"${c.details.length ? `: ${c.details.join('; ')}` : ''}`);

/** Writes new content (and sub-team) as the next version, with history, links and audit. */
async function writeMap(
  tx: Executor,
  organizationId: string,
  caller: Caller,
  row: MapRow,
  next: { before: MapContent; content: MapContent; subTeamId: string | null },
  history: { kind: Extract<HistoryKind, 'edit' | 'restore'>; summary?: string; restoredFrom?: number },
) {
  const { before, content } = next;
  const problems = draftProblems(content.model);
  const changes = modelDiff(before.model, content.model);
  const contentChanged = changes.length > 0 || !sameValue(before.model, content.model);
  const layoutChanged = !sameValue(before.layout, content.layout);
  const resetReview = contentChanged && row.reviewStatus === 'validated';
  const version = row.version + 1;
  const now = new Date();
  const [updated] = await tx
    .update(maps)
    .set({
      name: content.name,
      tlp: content.tlp,
      model: content.model,
      layout: content.layout,
      subTeamId: next.subTeamId,
      nodeCount: nodeCount(content.model),
      problemCount: problems.length,
      version,
      updatedAt: now,
      updatedBy: caller.id,
      updatedByName: caller.name,
      ...(resetReview
        ? {
            reviewStatus: 'draft',
            reviewedBy: null,
            reviewedByName: null,
            reviewedAt: null,
            reviewNote: null,
          }
        : {}),
    })
    .where(and(eq(maps.organizationId, organizationId), eq(maps.id, row.id), eq(maps.version, row.version)))
    .returning({ id: maps.id });
  if (!updated) throw versionConflict('This map', await mapRow(tx, organizationId, row.id));
  const summary = history.summary ?? describeChange(before, content, changes);
  if (contentChanged || layoutChanged || history.kind === 'restore') {
    await recordSnapshot(tx, organizationId, row.id, caller, now, {
      version,
      kind: history.kind,
      content,
      before,
      summary,
      ...(history.restoredFrom ? { restoredFrom: history.restoredFrom } : {}),
    });
  }
  const linksRemoved = await removeLinksOfMissingNodes(
    tx,
    organizationId,
    caller,
    row.id,
    draftNodeIds(content.model),
  );
  await recordAudit(tx, organizationId, caller, {
    action: history.kind === 'restore' ? 'map.restored' : 'map.saved',
    entityType: 'map',
    entityId: row.id,
    before: {
      version: row.version,
      name: row.name,
      subTeamId: row.subTeamId,
      reviewStatus: row.reviewStatus,
    },
    after: {
      version,
      name: content.name,
      subTeamId: next.subTeamId,
      summary,
      changes: auditChanges(changes),
      ...(changes.length > 100 ? { moreChanges: changes.length - 100 } : {}),
      layoutChanged,
      ...(history.restoredFrom ? { restoredFrom: history.restoredFrom } : {}),
      ...(resetReview ? { reviewStatus: 'draft' } : {}),
      ...(linksRemoved ? { linksRemoved } : {}),
    },
  });
  return { model: content.model, layout: content.layout, problems };
}

/** Saves an edit made from `input.version`; a stale version gets 409 naming who saved since. */
export async function saveMap(
  tx: Executor,
  organizationId: string,
  caller: Caller,
  mapId: string,
  input: SaveMapInput,
) {
  const row = await mapRow(tx, organizationId, mapId, true);
  requireEdit(caller, row);
  if (row.version !== input.version) throw versionConflict('This map', row);
  const before = contentOf(row);
  const name = input.name ?? row.name;
  const model = input.model === undefined ? before.model : parseDraft(input.model);
  const content: MapContent = {
    name,
    tlp: model.tlp,
    model: { ...model, name },
    layout: input.layout ?? row.layout,
  };
  let subTeamId = row.subTeamId;
  if (input.subTeamId !== undefined && input.subTeamId !== row.subTeamId) {
    requireSubTeamChoice(caller, input.subTeamId);
    if (input.subTeamId) await checkSubTeam(tx, organizationId, input.subTeamId);
    subTeamId = input.subTeamId;
  }
  const unchanged =
    subTeamId === row.subTeamId &&
    content.name === row.name &&
    sameValue(content.model, before.model) &&
    sameValue(content.layout, before.layout);
  // An autosave with nothing new writes nothing: no version, no history, no audit entry.
  if (unchanged) return getMapDetail(tx, organizationId, caller, mapId);
  const next = { before, content, subTeamId };
  const written = await writeMap(tx, organizationId, caller, row, next, { kind: 'edit' });
  return getMapDetail(tx, organizationId, caller, mapId, written);
}

/** Makes an earlier version the current content again, as a new version. */
export async function restoreMap(
  tx: Executor,
  organizationId: string,
  caller: Caller,
  mapId: string,
  version: number,
  currentVersion: number,
) {
  const row = await mapRow(tx, organizationId, mapId, true);
  requireEdit(caller, row);
  if (row.version !== currentVersion) throw versionConflict('This map', row);
  const snapshot = await getVersion(tx, organizationId, mapId, version);
  const content: MapContent = {
    name: snapshot.name,
    tlp: snapshot.tlp,
    model: { ...snapshot.model, name: snapshot.name, tlp: snapshot.tlp },
    layout: snapshot.layout,
  };
  const written = await writeMap(
    tx,
    organizationId,
    caller,
    row,
    { before: contentOf(row), content, subTeamId: row.subTeamId },
    { kind: 'restore', summary: `Restored version ${version}`, restoredFrom: version },
  );
  return getMapDetail(tx, organizationId, caller, mapId, written);
}

export async function deleteMap(tx: Executor, organizationId: string, caller: Caller, mapId: string) {
  const row = await mapRow(tx, organizationId, mapId, true);
  await tx.delete(maps).where(and(eq(maps.organizationId, organizationId), eq(maps.id, mapId)));
  await recordAudit(tx, organizationId, caller, {
    action: 'map.deleted',
    entityType: 'map',
    entityId: mapId,
    before: { name: row.name, templateId: row.templateId, subTeamId: row.subTeamId, version: row.version },
  });
}

// Review moves live in review.service.ts; exported here too, beside the other writes to a map.
export { reviewMap } from './review.service';

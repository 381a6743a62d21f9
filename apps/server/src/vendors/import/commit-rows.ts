// What a check reports and what a commit writes, worked out from the file's checked rows, the merge
// suggestions and the user's decisions. Pure, so that it runs in the import worker: for a 50,000-row
// file the worker hands back a few counts and the rows to insert as ready-made JSON batches, not
// 50,000 row objects for the server's thread to copy, group and serialize.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { ImportedRow, RowProblem } from './mapping';
import { type ImportMergeSuggestion, type MergeDecision, targetKey } from './merge-suggestions';

/** Rows per INSERT statement. */
export const COMMIT_BATCH = 5000;
/** Problems and suggestions a check lists (all are counted). */
export const CHECK_SHOWN = 500;

/** Where each group of rows goes: its own new vendor, or a vendor it merges into. */
type Destination = { kind: 'new' } | { kind: 'vendor'; vendorId: string } | { kind: 'group'; index: number };

/** Applies the user's merge decisions to the suggestions; a decision about another target than the check's is stale. */
export function destinations(
  groups: ImportedRow[][],
  suggestions: ImportMergeSuggestion[],
  decisions: MergeDecision[],
): Destination[] {
  const suggestionAt = new Map(suggestions.map((s) => [s.rowNumber, s]));
  const decisionAt = new Map(decisions.map((d) => [d.rowNumber, d]));
  for (const d of decisions) {
    const s = suggestionAt.get(d.rowNumber);
    if (!s || (d.target !== undefined && d.target !== targetKey(s.target))) {
      throw new AppError(
        'conflict',
        `The suggestion for row ${d.rowNumber} is not the one you answered: the inventory or the mapping changed since the check. Check the file again.`,
      );
    }
  }
  const groupAt = new Map(groups.map((g, index) => [g[0]?.rowNumber, index]));
  const out: Destination[] = [];
  for (const group of groups) {
    const rowNumber = group[0]?.rowNumber ?? -1;
    const s = suggestionAt.get(rowNumber);
    const accept = s ? (decisionAt.get(rowNumber)?.accept ?? s.mergeByDefault) : false;
    if (!s || !accept) out.push({ kind: 'new' });
    else if (s.target.kind === 'vendor') out.push({ kind: 'vendor', vendorId: s.target.vendorId });
    else {
      // An earlier group of the file: go where it goes.
      const index = groupAt.get(s.target.rowNumber);
      const earlier = index === undefined ? undefined : out[index];
      out.push(
        !earlier || index === undefined
          ? { kind: 'new' }
          : earlier.kind === 'new'
            ? { kind: 'group', index }
            : earlier,
      );
    }
  }
  return out;
}

export interface CheckSummary {
  validRows: number;
  problemCount: number;
  problems: RowProblem[];
  /** Distinct vendors named by the file (rows of one vendor are grouped). */
  vendorsInFile: number;
  /** Vendors the commit creates, with the merge decisions given. */
  newVendors: number;
  services: number;
  suggestionCount: number;
  suggestions: ImportMergeSuggestion[];
}

export function checkSummary(
  rows: ImportedRow[],
  problems: RowProblem[],
  groups: ImportedRow[][],
  suggestions: ImportMergeSuggestion[],
  decisions: MergeDecision[],
): CheckSummary {
  return {
    validRows: rows.length,
    problemCount: problems.length,
    problems: problems.slice(0, CHECK_SHOWN),
    vendorsInFile: groups.length,
    newVendors: destinations(groups, suggestions, decisions).filter((d) => d.kind === 'new').length,
    services: rows.filter((r) => r.service).length,
    suggestionCount: suggestions.length,
    suggestions: suggestions.slice(0, CHECK_SHOWN),
  };
}

/** The new vendor a group of rows (and the groups merged into it) becomes, as jsonb_to_recordset reads it. */
function newVendorRow(organizationId: string, id: string, groups: ImportedRow[][]) {
  const rows = groups.length === 1 ? (groups[0] ?? []) : groups.flat();
  const first = rows[0];
  if (!first) throw new Error('a vendor without rows');
  if (rows.length === 1) {
    // Most vendors have one row: the same result without the merging below.
    const v = first.vendor;
    return {
      id,
      organizationId,
      name: v.name,
      aliases: [...new Set(v.aliases)].slice(0, 50),
      domain: v.domain ?? null,
      contacts:
        v.contactName || v.contactEmail
          ? [
              {
                ...(v.contactName ? { name: v.contactName } : {}),
                ...(v.contactEmail ? { email: v.contactEmail } : {}),
              },
            ]
          : [],
      phiKinds: [...new Set(v.phiKinds)],
      phiRecords: v.phiRecords || null,
      notes: v.notes ? v.notes.slice(0, 10000) : null,
    };
  }
  const names = new Set(rows.map((r) => r.vendor.name));
  names.delete(first.vendor.name);
  return {
    id,
    organizationId,
    name: first.vendor.name,
    // The other spellings merged into it are kept as its other names.
    aliases: [...new Set([...rows.flatMap((r) => r.vendor.aliases), ...names])].slice(0, 50),
    domain: first.vendor.domain ?? rows.find((r) => r.vendor.domain)?.vendor.domain ?? null,
    contacts: rows
      .flatMap((r) =>
        r.vendor.contactName || r.vendor.contactEmail
          ? [
              {
                ...(r.vendor.contactName ? { name: r.vendor.contactName } : {}),
                ...(r.vendor.contactEmail ? { email: r.vendor.contactEmail } : {}),
              },
            ]
          : [],
      )
      .slice(0, 20),
    phiKinds: [...new Set(rows.flatMap((r) => r.vendor.phiKinds))],
    phiRecords: Math.max(0, ...rows.map((r) => r.vendor.phiRecords ?? 0)) || null,
    notes:
      rows
        .map((r) => r.vendor.notes)
        .filter(Boolean)
        .join('\n')
        .slice(0, 10000) || null,
  };
}

export interface CommitPlan {
  rows: number;
  /** JSON arrays of at most COMMIT_BATCH vendors, and of services, to insert. */
  vendorBatches: string[];
  serviceBatches: string[];
  vendorsCreated: number;
  servicesCreated: number;
  /** Vendors already in the inventory that rows of the file merge into. */
  mergedInto: string[];
}

function batches(rows: unknown[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += COMMIT_BATCH)
    out.push(JSON.stringify(rows.slice(i, i + COMMIT_BATCH)));
  return out;
}

interface ServiceRow {
  id: string;
  organizationId: string;
  vendorId: string;
  name: string;
  category: string;
  deployment: string | null;
  integrationPoints: string[];
}

/** Every vendor and service the commit writes, with new ids. */
export function commitPlan(
  organizationId: string,
  rows: ImportedRow[],
  groups: ImportedRow[][],
  suggestions: ImportMergeSuggestion[],
  decisions: MergeDecision[],
): CommitPlan {
  const to = destinations(groups, suggestions, decisions);
  const vendorIds: string[] = [];
  const membersOf = new Map<number, ImportedRow[][]>();
  to.forEach((d, index) => {
    const group = groups[index] ?? [];
    if (d.kind === 'vendor') vendorIds.push(d.vendorId);
    else if (d.kind === 'new') {
      vendorIds.push(randomUUID());
      membersOf.set(index, [group]);
    } else {
      vendorIds.push(vendorIds[d.index] ?? '');
      membersOf.get(d.index)?.push(group);
    }
  });
  const serviceRows: ServiceRow[] = [];
  groups.forEach((group, index) => {
    for (const r of group) {
      if (!r.service) continue;
      serviceRows.push({
        id: randomUUID(),
        organizationId,
        vendorId: vendorIds[index] ?? '',
        name: r.service.name,
        category: r.service.category,
        deployment: r.service.deployment ?? null,
        integrationPoints: r.service.hostingProvider ? [`hosted by ${r.service.hostingProvider}`] : [],
      });
    }
  });
  // The new vendors' service summaries (count, and names one a line in id order, as the database
  // keeps them: migration 0007), written with the vendors instead of recomputed by triggers.
  const servicesOf = new Map<string, ServiceRow[]>();
  for (const service of serviceRows) {
    const list = servicesOf.get(service.vendorId);
    if (list) list.push(service);
    else servicesOf.set(service.vendorId, [service]);
  }
  const vendorRows = [...membersOf].map(([index, members]) => {
    const id = vendorIds[index] ?? '';
    const services = (servicesOf.get(id) ?? []).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      ...newVendorRow(organizationId, id, members),
      serviceCount: services.length,
      serviceNames: services.map((service) => service.name).join('\n'),
    };
  });
  return {
    rows: rows.length,
    vendorBatches: batches(vendorRows),
    serviceBatches: batches(serviceRows),
    vendorsCreated: vendorRows.length,
    servicesCreated: serviceRows.length,
    mergedInto: [...new Set(to.flatMap((d) => (d.kind === 'vendor' ? [d.vendorId] : [])))],
  };
}

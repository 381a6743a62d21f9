// Which vendors of an imported file are probably vendors already known: one in the inventory (same
// web domain, same name or alias, or a nearly identical name) or one named on an earlier row of the
// file in another way (same domain under another name, or a nearly identical name). Each is a
// suggestion the user accepts or rejects; exact matches are accepted unless rejected, near ones
// only when accepted.
import { distance } from 'fastest-levenshtein';
import { comparableName, type VendorForMatching } from './duplicates';
import type { ImportedRow } from './mapping';

/** The rows of a file that name one vendor (same comparable name and domain). */
export interface FileVendor {
  rowNumber: number;
  rows: number;
  name: string;
  domain?: string;
}

export type MergeTarget =
  | { kind: 'vendor'; vendorId: string; name: string }
  | { kind: 'row'; rowNumber: number; name: string };

export interface ImportMergeSuggestion {
  /** The first row of the file's vendor that would be merged. */
  rowNumber: number;
  /** How many rows of the file name that vendor. */
  rows: number;
  name: string;
  target: MergeTarget;
  reason: 'same domain' | 'same name' | 'similar name';
  /** Whether the commit merges when the user says nothing. */
  mergeByDefault: boolean;
}

export interface MergeDecision {
  rowNumber: number;
  accept: boolean;
  /** The target the user saw ("vendor:<id>" or "row:<n>"), to refuse decisions about a stale check. */
  target?: string | undefined;
}

export const targetKey = (target: MergeTarget) =>
  target.kind === 'vendor' ? `vendor:${target.vendorId}` : `row:${target.rowNumber}`;

/** Rows of the file that name the same vendor become one vendor with several services. */
export function groupByVendor(rows: ImportedRow[]): ImportedRow[][] {
  const groups = new Map<string, ImportedRow[]>();
  for (const row of rows) {
    const key = `${comparableName(row.vendor.name)}\u0000${row.vendor.domain ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

export function fileVendors(groups: ImportedRow[][]): FileVendor[] {
  return groups.flatMap((group) => {
    const first = group[0];
    if (!first) return [];
    return [
      {
        rowNumber: first.rowNumber,
        rows: group.length,
        name: first.vendor.name,
        ...(first.vendor.domain ? { domain: first.vendor.domain } : {}),
      },
    ];
  });
}

const SIMILAR = 0.2;
/** Enough for a 50,000-row file against a 50,000-vendor inventory to stay well under a second. */
const MAX_COMPARISONS = 3_000_000;
const MAX_BUCKET = 400;

const numbers = (name: string) => name.match(/\d+/g)?.join(' ') ?? '';

interface Candidate {
  comparable: string;
  numbers: string;
  target: MergeTarget;
}

const candidate = (comparable: string, target: MergeTarget): Candidate => ({
  comparable,
  numbers: numbers(comparable),
  target,
});

/** Cheap tests first: most pairs differ in length or in their numbers, and need no edit distance. */
function close(a: Candidate, b: Candidate): boolean {
  const x = a.comparable;
  const y = b.comparable;
  if (x.length < 5 || y.length < 5 || x === y) return false;
  const longest = Math.max(x.length, y.length);
  if (Math.abs(x.length - y.length) / longest > SIMILAR) return false;
  if (a.numbers !== b.numbers) return false;
  return distance(x, y) / longest <= SIMILAR;
}

/** Nearly the same name; "Clinic 1" and "Clinic 2" are not: their numbers differ. */
export function similarNames(a: string, b: string): boolean {
  const target: MergeTarget = { kind: 'row', rowNumber: 0, name: '' };
  return close(candidate(a, target), candidate(b, target));
}

/** At most one suggestion per vendor of the file, the strongest: domain, then name, then similar name. */
export function importMergeSuggestions(
  vendors: FileVendor[],
  inventory: VendorForMatching[],
): ImportMergeSuggestion[] {
  const byDomain = new Map<string, VendorForMatching>();
  const byName = new Map<string, VendorForMatching>();
  const buckets = new Map<string, Candidate[]>();
  const bucketOf = (comparable: string) => comparable.slice(0, 3);
  const addCandidate = (candidate: Candidate) => {
    const key = bucketOf(candidate.comparable);
    const bucket = buckets.get(key);
    if (!bucket) buckets.set(key, [candidate]);
    else if (bucket.length <= MAX_BUCKET) bucket.push(candidate);
  };
  for (const v of inventory) {
    if (v.domain && !byDomain.has(v.domain)) byDomain.set(v.domain, v);
    for (const name of [v.name, ...(v.aliases ?? [])]) {
      const comparable = comparableName(name);
      if (comparable && !byName.has(comparable)) byName.set(comparable, v);
    }
    addCandidate(candidate(comparableName(v.name), { kind: 'vendor', vendorId: v.id, name: v.name }));
  }
  const fileByDomain = new Map<string, FileVendor>();
  const fileByName = new Map<string, FileVendor>();
  const suggestions: ImportMergeSuggestion[] = [];
  let comparisons = 0;

  for (const vendor of vendors) {
    const comparable = comparableName(vendor.name);
    const self = candidate(comparable, { kind: 'row', rowNumber: vendor.rowNumber, name: vendor.name });
    const suggest = (target: MergeTarget, reason: ImportMergeSuggestion['reason']) =>
      suggestions.push({
        rowNumber: vendor.rowNumber,
        rows: vendor.rows,
        name: vendor.name,
        target,
        reason,
        mergeByDefault: reason !== 'similar name',
      });
    const asRow = (f: FileVendor): MergeTarget => ({ kind: 'row', rowNumber: f.rowNumber, name: f.name });
    const asVendor = (v: VendorForMatching): MergeTarget => ({
      kind: 'vendor',
      vendorId: v.id,
      name: v.name,
    });

    const sameDomain = vendor.domain ? byDomain.get(vendor.domain) : undefined;
    const sameName = comparable ? byName.get(comparable) : undefined;
    const earlierDomain = vendor.domain ? fileByDomain.get(vendor.domain) : undefined;
    const earlierName = comparable ? fileByName.get(comparable) : undefined;
    if (sameDomain) suggest(asVendor(sameDomain), 'same domain');
    else if (sameName) suggest(asVendor(sameName), 'same name');
    else if (earlierDomain) suggest(asRow(earlierDomain), 'same domain');
    // The same name with two different domains is likely two companies; with one domain missing, one.
    else if (earlierName && !(earlierName.domain && vendor.domain)) suggest(asRow(earlierName), 'same name');
    else {
      const bucket = buckets.get(bucketOf(comparable)) ?? [];
      let found: Candidate | undefined;
      if (comparisons + bucket.length <= MAX_COMPARISONS) {
        comparisons += bucket.length;
        found = bucket.find((c) => close(self, c));
      }
      if (found) suggest(found.target, 'similar name');
    }

    if (vendor.domain && !fileByDomain.has(vendor.domain)) fileByDomain.set(vendor.domain, vendor);
    if (comparable && !fileByName.has(comparable)) fileByName.set(comparable, vendor);
    addCandidate(self);
  }
  return suggestions;
}

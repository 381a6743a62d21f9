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
  /** comparableName(name), when already known. */
  comparable?: string;
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

/** The comparable name of each group groupByVendor made. */
const comparableOf = new WeakMap<ImportedRow[], string>();

/** Rows of the file that name the same vendor become one vendor with several services. */
export function groupByVendor(rows: ImportedRow[]): ImportedRow[][] {
  const groups = new Map<string, ImportedRow[]>();
  // A vendor's name repeats on each of its rows: made comparable once.
  const comparable = new Map<string, string>();
  for (const row of rows) {
    let name = comparable.get(row.vendor.name);
    if (name === undefined) {
      name = comparableName(row.vendor.name);
      comparable.set(row.vendor.name, name);
    }
    const key = `${name}\u0000${row.vendor.domain ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else {
      const created = [row];
      comparableOf.set(created, name);
      groups.set(key, created);
    }
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
        comparable: comparableOf.get(group) ?? comparableName(first.vendor.name),
      },
    ];
  });
}

const SIMILAR = 0.2;
/** Enough for a 50,000-row file against a 50,000-vendor inventory to stay well under a second. */
const MAX_COMPARISONS = 1_500_000;
const MAX_BUCKET = 300;

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

const asRow = (f: FileVendor): MergeTarget => ({ kind: 'row', rowNumber: f.rowNumber, name: f.name });
const asVendor = (v: VendorForMatching): MergeTarget => ({ kind: 'vendor', vendorId: v.id, name: v.name });
const suggestion = (
  vendor: FileVendor,
  target: MergeTarget,
  reason: ImportMergeSuggestion['reason'],
): ImportMergeSuggestion => ({
  rowNumber: vendor.rowNumber,
  rows: vendor.rows,
  name: vendor.name,
  target,
  reason,
  mergeByDefault: reason !== 'similar name',
});

/** At most one suggestion per vendor of the file, the strongest: domain, then name, then similar name. */
export function importMergeSuggestions(
  vendors: FileVendor[],
  inventory: VendorForMatching[],
): ImportMergeSuggestion[] {
  const byDomain = new Map<string, VendorForMatching>();
  const byName = new Map<string, VendorForMatching>();
  const buckets = new Map<string, Candidate[]>();
  // Similar names share their first letters and their numbers: only those are compared.
  const bucketOf = (c: Candidate) => `${c.comparable.slice(0, 3)}|${c.numbers}`;
  const addCandidate = (candidate: Candidate) => {
    const key = bucketOf(candidate);
    const bucket = buckets.get(key);
    if (!bucket) buckets.set(key, [candidate]);
    else if (bucket.length <= MAX_BUCKET) bucket.push(candidate);
  };
  for (const v of inventory) {
    if (v.domain && !byDomain.has(v.domain)) byDomain.set(v.domain, v);
    const own = comparableName(v.name);
    for (const comparable of [own, ...(v.aliases ?? []).map(comparableName)]) {
      if (comparable && !byName.has(comparable)) byName.set(comparable, v);
    }
    addCandidate(candidate(own, { kind: 'vendor', vendorId: v.id, name: v.name }));
  }
  const fileByDomain = new Map<string, FileVendor>();
  const fileByName = new Map<string, FileVendor>();
  const suggestions: ImportMergeSuggestion[] = [];
  let comparisons = 0;

  for (const vendor of vendors) {
    const comparable = vendor.comparable ?? comparableName(vendor.name);
    const self = candidate(comparable, asRow(vendor));
    const sameDomain = vendor.domain ? byDomain.get(vendor.domain) : undefined;
    const sameName = comparable ? byName.get(comparable) : undefined;
    const earlierDomain = vendor.domain ? fileByDomain.get(vendor.domain) : undefined;
    const earlierName = comparable ? fileByName.get(comparable) : undefined;
    const suggest = (target: MergeTarget, reason: ImportMergeSuggestion['reason']) =>
      suggestions.push(suggestion(vendor, target, reason));
    if (sameDomain) suggest(asVendor(sameDomain), 'same domain');
    else if (sameName) suggest(asVendor(sameName), 'same name');
    else if (earlierDomain) suggest(asRow(earlierDomain), 'same domain');
    // The same name with two different domains is likely two companies; with one domain missing, one.
    else if (earlierName && !(earlierName.domain && vendor.domain)) suggest(asRow(earlierName), 'same name');
    else {
      const bucket = buckets.get(bucketOf(self)) ?? [];
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

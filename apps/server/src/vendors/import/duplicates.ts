// Suggestions to merge vendors that are probably the same company: the same web domain, or names
// that are the same once legal suffixes and punctuation are set aside, or nearly so.
import { distance } from 'fastest-levenshtein';

export interface VendorForMatching {
  id: string;
  name: string;
  aliases?: string[];
  domain?: string | null;
}

export interface MergeSuggestion {
  ids: [string, string];
  reason: 'same domain' | 'same name' | 'similar name';
  detail: string;
}

const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'gmbh',
  'sa',
  'ag',
  'lp',
  'the',
]);

/** "The Acme Claims Co., Inc." and "ACME CLAIMS" both become "acme claims". */
export function comparableName(name: string): string {
  const lower = name.toLowerCase();
  // Accents are taken off only where there are any: most names are plain ASCII.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at NUL
  const plain = /[^\u0000-\u007f]/.test(lower)
    ? lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    : lower;
  return plain
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word && !LEGAL_SUFFIXES.has(word))
    .join(' ');
}

function similar(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5) return false;
  return distance(a, b) / Math.max(a.length, b.length) <= 0.15;
}

/** Pairs worth a look, each once; grouping by key keeps this near-linear for exact matches. */
export function mergeSuggestions(vendors: VendorForMatching[], limit = 500): MergeSuggestion[] {
  const suggestions: MergeSuggestion[] = [];
  const seen = new Set<string>();
  const add = (
    a: VendorForMatching,
    b: VendorForMatching,
    reason: MergeSuggestion['reason'],
    detail: string,
  ) => {
    const key = [a.id, b.id].sort().join('\u0000');
    if (a.id === b.id || seen.has(key) || suggestions.length >= limit) return;
    seen.add(key);
    suggestions.push({ ids: [a.id, b.id], reason, detail });
  };
  const groups = (keyOf: (v: VendorForMatching) => string[]) => {
    const map = new Map<string, VendorForMatching[]>();
    for (const v of vendors) for (const k of keyOf(v)) if (k) map.set(k, [...(map.get(k) ?? []), v]);
    return map;
  };
  for (const [domain, group] of groups((v) => (v.domain ? [v.domain] : []))) {
    for (const other of group.slice(1)) if (group[0]) add(group[0], other, 'same domain', domain);
  }
  const byName = groups((v) => [v.name, ...(v.aliases ?? [])].map(comparableName));
  for (const [name, group] of byName) {
    for (const other of group.slice(1)) if (group[0]) add(group[0], other, 'same name', name);
  }
  // Near-identical names: compare within buckets of the first three letters, which keeps the
  // pairwise work small on inventories of tens of thousands.
  const buckets = groups((v) => [comparableName(v.name).slice(0, 3)]);
  for (const group of buckets.values()) {
    if (group.length > 400) continue;
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i];
        const b = group[j];
        if (!a || !b) continue;
        const na = comparableName(a.name);
        const nb = comparableName(b.name);
        if (na !== nb && similar(na, nb)) add(a, b, 'similar name', `${a.name} / ${b.name}`);
      }
    }
  }
  return suggestions;
}

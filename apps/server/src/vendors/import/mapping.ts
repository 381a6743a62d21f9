// From spreadsheet columns to inventory fields: a guessed mapping the user confirms, then each row
// checked and normalized, with every problem named by its row and column.
import { type ServiceCategory, taxonomy } from '@smart/templates/taxonomy';
import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import type { Deployment } from '../vendors.schema';

export const IMPORT_FIELDS = {
  vendorName: {
    label: 'Vendor name',
    synonyms: [
      'vendor',
      'vendor name',
      'supplier',
      'company',
      'third party',
      'business associate',
      'partner',
      'organization',
    ],
  },
  aliases: {
    label: 'Other names',
    synonyms: ['aliases', 'alias', 'also known as', 'aka', 'dba', 'other names', 'trade name'],
  },
  domain: {
    label: 'Web domain',
    synonyms: ['domain', 'web domain', 'website', 'web site', 'url', 'homepage'],
  },
  contactName: {
    label: 'Contact name',
    synonyms: ['contact', 'contact name', 'primary contact', 'account manager'],
  },
  contactEmail: { label: 'Contact email', synonyms: ['contact email', 'email', 'e mail', 'email address'] },
  phiKinds: {
    label: 'Kinds of PHI',
    synonyms: ['phi', 'phi kinds', 'kinds of phi', 'phi types', 'data types', 'data handled'],
  },
  phiRecords: {
    label: 'PHI records',
    synonyms: ['phi records', 'records', 'patient records', 'phi volume', 'number of records'],
  },
  notes: { label: 'Notes', synonyms: ['notes', 'note', 'comments', 'comment', 'description'] },
  serviceName: {
    label: 'Service or product',
    synonyms: ['service', 'service name', 'product', 'product name', 'application', 'system'],
  },
  category: { label: 'Service category', synonyms: ['category', 'service category', 'service type', 'type'] },
  deployment: {
    label: 'Deployment',
    synonyms: ['deployment', 'hosting model', 'delivery model', 'delivery'],
  },
  hostingProvider: {
    label: 'Hosting provider',
    synonyms: ['hosting provider', 'hosted by', 'host', 'cloud provider', 'cloud'],
  },
} as const;

export type ImportField = keyof typeof IMPORT_FIELDS;
export const IMPORT_FIELD_IDS = Object.keys(IMPORT_FIELDS) as ImportField[];

/** Which column (by index) feeds each field; absent fields are not imported. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A first mapping from the headers: exact synonyms first, then headers that contain one. */
export function guessMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const names = headers.map(normalize);
  const assign = (matches: (header: string, synonym: string) => boolean) => {
    for (const field of IMPORT_FIELD_IDS) {
      if (mapping[field] !== undefined) continue;
      const synonyms: readonly string[] = IMPORT_FIELDS[field].synonyms;
      const column = names.findIndex((h, i) => !taken.has(i) && synonyms.some((s) => matches(h, s)));
      if (column >= 0) {
        mapping[field] = column;
        taken.add(column);
      }
    }
  };
  assign((h, s) => h === s);
  assign((h, s) => ` ${h} `.includes(` ${s} `));
  return mapping;
}

const DEPLOYMENT_WORDS: Record<string, Deployment> = {
  saas: 'saas',
  cloud: 'saas',
  'software as a service': 'saas',
  hosted: 'hosted',
  'vendor hosted': 'hosted',
  managed: 'hosted',
  'on premises': 'on_premises',
  'on premise': 'on_premises',
  'on prem': 'on_premises',
  onprem: 'on_premises',
  local: 'on_premises',
};

export interface ImportedVendor {
  name: string;
  aliases: string[];
  domain?: string;
  contactName?: string;
  contactEmail?: string;
  phiKinds: string[];
  phiRecords?: number;
  notes?: string;
}

export interface ImportedService {
  name: string;
  category: string;
  deployment?: Deployment;
  hostingProvider?: string;
}

export interface ImportedRow {
  rowNumber: number;
  vendor: ImportedVendor;
  service?: ImportedService;
}

export interface RowProblem {
  rowNumber: number;
  column: string;
  message: string;
}

const list = (value: string) =>
  value
    .split(/[;|\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** "https://www.acme.example/portal" and "ACME.example" both become "acme.example". */
export function normalizeDomain(value: string): string | null {
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#:].*$/, '');
  return /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host) ? host : null;
}

const words = (text: string) =>
  normalize(text)
    .split(' ')
    .filter((w) => w.length >= 3);
/** Two words that share their first five letters ("deliver", "delivery"), or one that begins the other ("lab", "laboratory"), count as the same. */
const sameWord = (a: string, b: string) =>
  a.slice(0, 5) === b.slice(0, 5) || a.startsWith(b) || b.startsWith(a);

function categoryLookup(categories: readonly ServiceCategory[]) {
  const byKey = new Map<string, string>();
  for (const c of categories) {
    byKey.set(normalize(c.id), c.id);
    byKey.set(normalize(c.label), c.id);
  }
  const keys = [...byKey.keys()];
  const described = categories.map((c) => ({
    id: c.id,
    name: words(`${c.id} ${c.label}`),
    definition: words(c.definition),
    keys: [normalize(c.id), normalize(c.label)],
  }));
  return (value: string): { id: string } | { suggestion: string } => {
    const key = normalize(value);
    const id = byKey.get(key);
    if (id) return { id };
    // The category whose name (or else definition) shares the most telling words with what was
    // typed (a word found in few categories tells more than "system"); when none shares a word, the
    // nearest spelling. Ties go to the nearest spelling.
    const typed = words(value);
    const scores = new Map<string, number>();
    for (const w of typed) {
      const inName = described.filter((c) => c.name.some((n) => sameWord(n, w)));
      const inDefinition = described.filter(
        (c) => !inName.includes(c) && c.definition.some((d) => sameWord(d, w)),
      );
      for (const c of inName) scores.set(c.id, (scores.get(c.id) ?? 0) + 2 / inName.length);
      for (const c of inDefinition) scores.set(c.id, (scores.get(c.id) ?? 0) + 1 / inDefinition.length);
    }
    let best: { id: string; score: number; distance: number } | null = null;
    for (const c of described) {
      const score = scores.get(c.id) ?? 0;
      if (score === 0 || (best && score < best.score - 1e-9)) continue;
      const near = Math.min(...c.keys.map((k) => distance(key, k)));
      if (!best || score > best.score + 1e-9 || near < best.distance)
        best = { id: c.id, score, distance: near };
    }
    return { suggestion: best?.id ?? byKey.get(closest(key, keys)) ?? '' };
  };
}

const emailSchema = z.email();

/** Checks and normalizes every row; a row with any problem is reported and not imported. */
export function mapRows(
  table: { headers: string[]; rows: string[][]; rowNumbers: number[] },
  mapping: ColumnMapping,
  categories: readonly ServiceCategory[] = taxonomy,
): { rows: ImportedRow[]; problems: RowProblem[] } {
  if (mapping.vendorName === undefined) {
    return {
      rows: [],
      problems: [{ rowNumber: 0, column: '', message: 'Choose the column that holds the vendor name.' }],
    };
  }
  const findCategory = categoryLookup(categories);
  const rows: ImportedRow[] = [];
  const problems: RowProblem[] = [];
  table.rows.forEach((cells, index) => {
    const rowNumber = table.rowNumbers[index] ?? index + 2;
    const rowProblems: RowProblem[] = [];
    const get = (field: ImportField) => {
      const column = mapping[field];
      return column === undefined ? '' : (cells[column] ?? '').trim();
    };
    const problem = (field: ImportField, message: string) => {
      const column = mapping[field];
      rowProblems.push({
        rowNumber,
        column: column === undefined ? '' : (table.headers[column] ?? ''),
        message,
      });
    };

    const name = get('vendorName');
    if (!name) problem('vendorName', 'The vendor name is empty.');
    else if (name.length > 300) problem('vendorName', 'The vendor name is longer than 300 characters.');
    const vendor: ImportedVendor = { name, aliases: list(get('aliases')), phiKinds: list(get('phiKinds')) };

    const domain = get('domain');
    if (domain) {
      const normalized = normalizeDomain(domain);
      if (normalized) vendor.domain = normalized;
      else problem('domain', `“${domain}” is not a web address or domain.`);
    }
    const contactName = get('contactName');
    if (contactName) vendor.contactName = contactName;
    const contactEmail = get('contactEmail');
    if (contactEmail) {
      if (emailSchema.safeParse(contactEmail).success) vendor.contactEmail = contactEmail.toLowerCase();
      else problem('contactEmail', `“${contactEmail}” is not an email address.`);
    }
    const records = get('phiRecords').replace(/[\s,_]/g, '');
    if (records) {
      if (/^\d{1,12}$/.test(records)) vendor.phiRecords = Number(records);
      else problem('phiRecords', `“${get('phiRecords')}” is not a whole number of records.`);
    }
    const notes = get('notes');
    if (notes) vendor.notes = notes;

    const serviceName = get('serviceName');
    const categoryText = get('category');
    const deploymentText = get('deployment');
    const hostingProvider = get('hostingProvider');
    if (serviceName || categoryText || deploymentText || hostingProvider) {
      const service: ImportedService = { name: serviceName || name, category: '' };
      if (!categoryText) problem('category', 'A service needs a category.');
      else {
        const found = findCategory(categoryText);
        if ('id' in found) service.category = found.id;
        else
          problem(
            'category',
            `“${categoryText}” is not a service category. Did you mean “${
              categories.find((c) => c.id === found.suggestion)?.label ?? found.suggestion
            }” (${found.suggestion})?`,
          );
      }
      if (deploymentText) {
        const deployment = DEPLOYMENT_WORDS[normalize(deploymentText)];
        if (deployment) service.deployment = deployment;
        else
          problem('deployment', `“${deploymentText}” is not a deployment: use SaaS, hosted or on premises.`);
      }
      if (hostingProvider) service.hostingProvider = hostingProvider;
      if (rowProblems.length === 0) rows.push({ rowNumber, vendor, service });
    } else if (rowProblems.length === 0) {
      rows.push({ rowNumber, vendor });
    }
    problems.push(...rowProblems);
  });
  return { rows, problems };
}

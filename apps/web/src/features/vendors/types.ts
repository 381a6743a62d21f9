// The vendor inventory API as the web app sees it: the list, a vendor with its services and
// dependencies, spreadsheet imports with their checks and merge suggestions, and SBOMs.

export const DEPLOYMENTS = ['saas', 'hosted', 'on_premises'] as const;
export type Deployment = (typeof DEPLOYMENTS)[number];

export const DEPLOYMENT_LABELS: Record<Deployment, string> = {
  saas: 'SaaS',
  hosted: 'Hosted',
  on_premises: 'On premises',
};

export const DEPENDENCY_KINDS = [
  'hosting',
  'supplier',
  'api',
  'integration-engine',
  'automation',
  'certificate',
  'update-service',
  'other',
] as const;
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number];

export const DEPENDENCY_KIND_LABELS: Record<DependencyKind, string> = {
  hosting: 'Hosting or cloud',
  supplier: 'Supplier',
  api: 'API',
  'integration-engine': 'Integration engine',
  automation: 'Automation or RPA',
  certificate: 'Certificate service',
  'update-service': 'Update service',
  other: 'Other',
};

export function dependencyKindLabel(kind: string): string {
  return (DEPENDENCY_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export const LIST_SORTS = ['name', 'updated', 'services'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export interface VendorListItem {
  id: string;
  name: string;
  aliases: string[];
  domain: string | null;
  phiRecords: number | null;
  services: number;
  categories: string[];
  updatedAt: string;
}

export interface VendorListPage {
  total: number;
  items: VendorListItem[];
}

export interface VendorContact {
  name?: string;
  email?: string;
  phone?: string;
  role?: string;
}

export interface VendorInput {
  name: string;
  aliases: string[];
  domain: string | null;
  contacts: VendorContact[];
  phiKinds: string[];
  phiRecords: number | null;
  notes: string | null;
}

export interface Vendor extends VendorInput {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ServiceInput {
  name: string;
  category: string;
  deployment: Deployment | null;
  hostingVendorId: string | null;
  integrationPoints: string[];
  notes: string | null;
}

export interface Service extends ServiceInput {
  id: string;
  vendorId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Dependency {
  id: string;
  vendorId: string | null;
  serviceId: string | null;
  dependsOnVendorId: string;
  dependsOnName: string;
  dependentName: string;
  kind: DependencyKind;
  notes: string | null;
}

export interface VendorDetail extends Vendor {
  services: Service[];
  /** Fourth parties: what this vendor and its services rely on. */
  dependsOn: Dependency[];
  /** Other vendors and services that rely on this vendor. */
  dependedOnBy: Dependency[];
}

export interface DependencyInput {
  serviceId: string | null;
  dependsOnVendorId: string;
  kind: DependencyKind;
  notes: string | null;
}

// Spreadsheet import.

/** The inventory fields a column can feed, in the order the mapping shows them. */
export const IMPORT_FIELDS = [
  { id: 'vendorName', label: 'Vendor name', required: true },
  { id: 'aliases', label: 'Other names' },
  { id: 'domain', label: 'Web domain' },
  { id: 'contactName', label: 'Contact name' },
  { id: 'contactEmail', label: 'Contact email' },
  { id: 'phiKinds', label: 'Kinds of PHI' },
  { id: 'phiRecords', label: 'PHI records' },
  { id: 'notes', label: 'Notes' },
  { id: 'serviceName', label: 'Service or product' },
  { id: 'category', label: 'Service category' },
  { id: 'deployment', label: 'Deployment' },
  { id: 'hostingProvider', label: 'Hosting provider' },
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number]['id'];
export type ColumnMapping = Partial<Record<ImportField, number>>;

export interface ImportSummary {
  id: string;
  filename: string;
  status: 'ready' | 'committed';
  createdAt: string;
  result: ImportResult | null;
  format: 'csv' | 'xlsx';
  encoding?: string;
  sheet?: string;
  rowCount: number;
  headers: string[];
  sample: string[][];
  mapping: ColumnMapping;
  /** While a commit runs: total is 0 while the rows are checked again, then what is being written. */
  progress?: { done: number; total: number };
}

export interface RowProblem {
  rowNumber: number;
  column: string;
  message: string;
}

export type MergeTarget =
  | { kind: 'vendor'; vendorId: string; name: string }
  | { kind: 'row'; rowNumber: number; name: string };

export interface MergeSuggestion {
  rowNumber: number;
  rows: number;
  name: string;
  target: MergeTarget;
  reason: 'same domain' | 'same name' | 'similar name';
  mergeByDefault: boolean;
}

export interface MergeDecision {
  rowNumber: number;
  accept: boolean;
  target: string;
}

export const targetKey = (target: MergeTarget) =>
  target.kind === 'vendor' ? `vendor:${target.vendorId}` : `row:${target.rowNumber}`;

export interface CheckResult {
  rows: number;
  validRows: number;
  problemCount: number;
  problems: RowProblem[];
  vendorsInFile: number;
  newVendors: number;
  services: number;
  suggestionCount: number;
  suggestions: MergeSuggestion[];
}

export interface ImportResult {
  vendorsCreated: number;
  servicesCreated: number;
  addedToExisting: number;
}

// SBOMs.

export interface SbomSummary {
  id: string;
  serviceId: string;
  filename: string;
  format: 'CycloneDX' | 'SPDX';
  specVersion: string;
  subject: string | null;
  componentCount: number;
  supplierCount: number;
  uploadedAt: string;
  uploadedBy: { id: string; name: string } | null;
}

export interface SbomComponent {
  position: number;
  name: string;
  version: string | null;
  supplier: string | null;
  purl: string | null;
  supplierVendorId: string | null;
  supplierVendorName: string | null;
}

export interface SbomPage {
  sbom: SbomSummary;
  total: number;
  components: SbomComponent[];
}

export interface SbomImportResult {
  sbom: SbomSummary;
  vendorsCreated: { id: string; name: string }[];
  vendorsMatched: { id: string; name: string; reason: 'same domain' | 'same name' }[];
  dependenciesAdded: number;
  componentsWithoutSupplier: number;
}

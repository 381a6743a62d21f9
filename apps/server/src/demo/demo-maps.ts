// Riverbend's own workflow maps for the demo: three sector templates adapted the way a small
// hospital's team would adapt them. Its real vendors replace the generic ones (with the same ids in
// every map, so the organization-wide analysis sees one Nimbus Cloud, one Prairie), a second
// clearinghouse is added as the "backup" for claims — on the same cloud region as the first, which
// is the false redundancy the method is built to find — and eligibility comes from the bundled
// EHR/billing vendor, as it does in many rural clinics.
import type { SmartModelInput } from '@smart/core';
import { templates } from '@smart/templates';

export interface DemoMap {
  templateId: string;
  name: string;
  /** The demo sub-team that owns the map. */
  subTeam: 'Revenue cycle' | 'Lab and pharmacy';
  model: SmartModelInput;
  /** Map nodes linked to inventory services, by the service's name in the demo inventory. */
  links: { nodeId: string; serviceName: string }[];
}

type Model = SmartModelInput & Record<string, unknown>;
type Entity = { id: string; label?: string } & Record<string, unknown>;
const NODE_LISTS = [
  'functions',
  'processSteps',
  'systems',
  'services',
  'vendors',
  'hosts',
  'workarounds',
] as const;

function templateModel(id: string): Model {
  const template = templates.find((t) => t.id === id);
  if (!template) throw new Error(`demo: no template "${id}"`);
  return structuredClone(template.model) as Model;
}

function list(model: Model, field: string): Entity[] {
  const value = model[field];
  return Array.isArray(value) ? (value as Entity[]) : [];
}

/** Renames a node id everywhere the document refers to it. */
function renameId(model: Model, from: string, to: string) {
  const swap = (id: unknown) => (id === from ? to : id);
  for (const field of NODE_LISTS) {
    for (const item of list(model, field)) {
      item.id = swap(item.id) as string;
      for (const key of ['vendor', 'for'] as const) if (key in item) item[key] = swap(item[key]);
    }
  }
  for (const d of list(model, 'dependencies')) {
    d.from = swap(d.from);
    d.to = swap(d.to);
  }
  for (const g of list(model, 'alternatives')) {
    g.from = swap(g.from);
    g.members = (g.members as string[]).map(swap);
  }
}

function node(model: Model, id: string): Entity {
  for (const field of NODE_LISTS) {
    const found = list(model, field).find((item) => item.id === id);
    if (found) return found;
  }
  throw new Error(`demo: no node "${id}"`);
}

function set(model: Model, id: string, fields: Record<string, unknown>) {
  Object.assign(node(model, id), fields);
}

function dependencies(model: Model) {
  return list(model, 'dependencies') as unknown as {
    from: string;
    to: string;
    flow?: string;
    standard?: string;
  }[];
}

function claimsAndPayments(): DemoMap {
  const model = templateModel('claims-and-payments');
  renameId(model, 'v-ehr-pm', 'v-prairie');
  renameId(model, 'v-clearinghouse', 'v-clearpath');
  renameId(model, 'v-cloud', 'v-nimbus');
  renameId(model, 'h-clearinghouse-dc', 'h-nimbus-us-east');
  renameId(model, 'h-ehr-pm-cloud', 'h-prairie-dc');
  set(model, 'v-prairie', { label: 'Prairie Health Systems' });
  set(model, 'v-clearpath', { label: 'ClearPath Claims' });
  set(model, 'v-nimbus', { label: 'Nimbus Cloud' });
  set(model, 'h-nimbus-us-east', { label: 'Nimbus Cloud us-east region', vendor: 'v-nimbus' });
  // Riverbend's own names for the template's generic vendors.
  set(model, 'v-coding', { label: 'Meridian Coding Services' });
  set(model, 'v-encoder', { label: 'CodeRight encoder' });
  set(model, 'v-statements', { label: 'PrintPost statement services' });
  set(model, 'v-payments', { label: 'EasyPay patient payments' });
  set(model, 'v-bank', { label: 'First Prairie Bank' });
  set(model, 'h-prairie-dc', { label: 'Prairie Health Systems data center', vendor: 'v-prairie' });
  set(model, 'svc-clearinghouse-claims', { label: 'ClearPath claim submission (837)' });

  // Eligibility comes with the EHR/billing bundle, not from the clearinghouse.
  set(model, 'svc-eligibility', { label: 'Built-in eligibility checks (270/271)', vendor: 'v-prairie' });
  const deps = dependencies(model);
  const hosted = deps.find((d) => d.from === 'svc-eligibility' && d.to === 'h-nimbus-us-east');
  if (hosted) hosted.to = 'h-prairie-dc';

  // ClearPath runs claim status and remittances in its own data center; only claim submission,
  // the part Riverbend doubled up, runs on Nimbus Cloud.
  list(model, 'hosts').push({ id: 'h-clearpath-dc', label: 'ClearPath data center', vendor: 'v-clearpath' });
  for (const d of deps) {
    if ((d.from === 'svc-claim-status' || d.from === 'svc-era') && d.to === 'h-nimbus-us-east')
      d.to = 'h-clearpath-dc';
  }

  // The "backup" clearinghouse, in the same cloud region as the first.
  list(model, 'vendors').push({ id: 'v-medroute', label: 'MedRoute Exchange' });
  list(model, 'services').push({
    id: 'svc-medroute-claims',
    label: 'MedRoute backup claim submission (837)',
    category: 'clearinghouse',
    vendor: 'v-medroute',
  });
  deps.push(
    { from: 's-submit', to: 'svc-medroute-claims', flow: 'information', standard: 'X12 837P/837I/837D' },
    { from: 'svc-medroute-claims', to: 'h-nimbus-us-east', flow: 'support' },
  );
  list(model, 'alternatives').push({
    id: 'alt-claim-submission',
    label: 'Claim submission: ClearPath or MedRoute',
    from: 's-submit',
    members: ['svc-clearinghouse-claims', 'svc-medroute-claims'],
    k: 1,
  });
  model.name = 'Claims and Payments';
  model.tlp = 'AMBER';
  return {
    templateId: 'claims-and-payments',
    name: 'Claims and Payments',
    subTeam: 'Revenue cycle',
    model,
    links: [
      { nodeId: 'svc-clearinghouse-claims', serviceName: 'Claims submission and remittance' },
      { nodeId: 'svc-medroute-claims', serviceName: 'Backup claims submission' },
      { nodeId: 'svc-ehr', serviceName: 'Prairie EHR' },
      { nodeId: 'svc-pm', serviceName: 'Prairie practice management and billing' },
      { nodeId: 'svc-eligibility', serviceName: 'Built-in eligibility checks' },
    ],
  };
}

function retailPharmacy(): DemoMap {
  const model = templateModel('retail-pharmacy');
  renameId(model, 'v-pms', 'v-rxlink');
  renameId(model, 'v-switch', 'v-scriptswitch');
  renameId(model, 'v-cloud', 'v-nimbus');
  renameId(model, 'h-pms-cloud', 'h-nimbus-us-east');
  set(model, 'v-rxlink', { label: 'RxLink Pharmacy Systems' });
  set(model, 'v-scriptswitch', {
    label: 'ScriptSwitch',
    notes: 'Chosen by RxLink; Riverbend has no contract with ScriptSwitch.',
  });
  set(model, 'v-nimbus', { label: 'Nimbus Cloud' });
  set(model, 'h-nimbus-us-east', { label: 'Nimbus Cloud us-east region', vendor: 'v-nimbus' });
  set(model, 'svc-pms', { label: 'RxLink pharmacy management system' });
  set(model, 'v-erx', { label: 'ScriptNet e-prescribing network' });
  set(model, 'v-drug-db', { label: 'MedFacts drug database' });
  set(model, 'v-pos', { label: 'CounterPoint point of sale' });
  set(model, 'v-card', { label: 'PayWave card processing' });
  set(model, 'v-bank', { label: 'First Prairie Bank' });
  set(model, 'svc-switch', { label: 'ScriptSwitch claim switching (NCPDP D.0)' });
  model.name = 'Retail Pharmacy';
  model.tlp = 'AMBER';
  return {
    templateId: 'retail-pharmacy',
    name: 'Retail Pharmacy',
    subTeam: 'Lab and pharmacy',
    model,
    links: [
      { nodeId: 'svc-pms', serviceName: 'Pharmacy management system' },
      { nodeId: 'svc-switch', serviceName: 'Pharmacy claim switching' },
    ],
  };
}

function laboratories(): DemoMap {
  const model = templateModel('laboratories');
  renameId(model, 'v-ehr', 'v-prairie');
  renameId(model, 'v-reference-lab', 'v-summit');
  renameId(model, 'v-clearinghouse', 'v-clearpath');
  renameId(model, 'v-cloud', 'v-nimbus');
  renameId(model, 'h-middleware-cloud', 'h-nimbus-us-east');
  set(model, 'v-prairie', { label: 'Prairie Health Systems' });
  set(model, 'v-summit', { label: 'Summit Reference Lab' });
  set(model, 'v-clearpath', { label: 'ClearPath Claims' });
  set(model, 'v-nimbus', { label: 'Nimbus Cloud' });
  set(model, 'h-nimbus-us-east', { label: 'Nimbus Cloud us-east region', vendor: 'v-nimbus' });
  set(model, 'svc-ref-testing', { label: 'Summit reference testing' });
  set(model, 'v-lis', { label: 'Cascade LIS' });
  set(model, 'v-middleware', { label: 'LabBridge middleware (cloud-hosted)' });
  set(model, 'v-analyzer', { label: 'Vireo Diagnostics (analyzers)' });
  set(model, 'v-courier', { label: 'Tri-County Courier' });
  model.name = 'Laboratories';
  model.tlp = 'AMBER';
  return {
    templateId: 'laboratories',
    name: 'Laboratories',
    subTeam: 'Lab and pharmacy',
    model,
    links: [
      { nodeId: 'svc-ref-testing', serviceName: 'Reference testing and results interface' },
      { nodeId: 'svc-ref-lis', serviceName: 'Reference testing and results interface' },
      { nodeId: 'svc-ehr', serviceName: 'Prairie EHR' },
    ],
  };
}

/** Riverbend's three adapted maps, in the order of their selection rank. */
export function riverbendMaps(): DemoMap[] {
  return [claimsAndPayments(), retailPharmacy(), laboratories()];
}

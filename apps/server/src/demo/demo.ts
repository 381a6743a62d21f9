// The demo organization: a small rural hospital, so a newcomer sees a populated product at once.
// Its content grows as capabilities land (maps, vendors, analysis, assessments ...).
import { eq, sql } from 'drizzle-orm';
import { createScenario } from '../analysis/analysis.service';
import type { Actor } from '../audit/audit.service';
import type { AppDb, Executor } from '../db/client';
import { organizations, type Role, users } from '../db/schema';
import { addComment } from '../maps/comments.service';
import { addLink } from '../maps/links.service';
import { type Caller, loadCaller } from '../maps/maps.access';
import { createMap, reviewMap, saveMap } from '../maps/maps.service';
import { saveSelection } from '../maps/selection.service';
import { approveVersion, startRubric } from '../materiality/materiality.service';
import { addMember, createOrganization, createUser } from '../orgs/orgs.service';
import { addTeamMember, createSubTeam } from '../team/team.service';
import { vendorInput } from '../vendors/vendors.inputs';
import { addDependency, createService, createVendor } from '../vendors/vendors.service';
import { riverbendMaps } from './demo-maps';

export const DEMO_SLUG = 'riverbend';
export const DEMO_PASSWORD = 'riverbend-demo';
export const DEMO_ADMIN_EMAIL = 'dana.reyes@riverbend.example';

const people: { email: string; name: string; role: Role }[] = [
  { email: DEMO_ADMIN_EMAIL, name: 'Dana Reyes', role: 'admin' },
  { email: 'tom.becker@riverbend.example', name: 'Tom Becker', role: 'risk_lead' },
  { email: 'priya.nair@riverbend.example', name: 'Priya Nair', role: 'assessor' },
  { email: 'linda.okafor@riverbend.example', name: 'Linda Okafor', role: 'business_owner' },
  { email: 'james.whitaker@riverbend.example', name: 'James Whitaker', role: 'executive_viewer' },
];

export interface DemoResult {
  organizationId: string;
  adminUserId: string;
  created: boolean;
}

/** Loads the demo organization unless it is already there. */
export async function loadDemo(db: AppDb): Promise<DemoResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7462003)`);
    const [existing] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, DEMO_SLUG));
    const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ADMIN_EMAIL));
    if (existing && admin) return { organizationId: existing.id, adminUserId: admin.id, created: false };
    const [first, ...others] = people;
    if (!first) throw new Error('demo has no people');
    const founder = await createUser(tx, { email: first.email, name: first.name, password: DEMO_PASSWORD });
    const org = await createOrganization(
      tx,
      { name: 'Riverbend Community Hospital', slug: DEMO_SLUG },
      founder,
    );
    const accounts = new Map<string, string>([[first.email, founder.id]]);
    for (const p of others) {
      const user = await createUser(tx, { email: p.email, name: p.name, password: DEMO_PASSWORD });
      await addMember(tx, org.id, founder, user.id, p.role);
      accounts.set(p.email, user.id);
    }
    await loadDemoContent(tx, org.id, founder, accounts);
    return { organizationId: org.id, adminUserId: founder.id, created: true };
  });
}

/** Riverbend's planning team, its approved rubric and the start of its vendor inventory. */
async function loadDemoContent(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  accounts: Map<string, string>,
) {
  const account = (email: string) => accounts.get(`${email}@riverbend.example`) ?? null;
  const team = [
    {
      name: 'Dana Reyes',
      userId: account('dana.reyes'),
      discipline: 'it',
      assessmentRole: 'Runs SMART; IT director',
      isApprover: false,
    },
    {
      name: 'Tom Becker',
      userId: account('tom.becker'),
      discipline: 'risk',
      assessmentRole: 'Leads the assessment',
      isApprover: false,
    },
    {
      name: 'Priya Nair',
      userId: account('priya.nair'),
      discipline: 'cybersecurity',
      assessmentRole: 'Reviews vendor security',
      isApprover: false,
    },
    {
      name: 'Linda Okafor',
      userId: account('linda.okafor'),
      discipline: 'operations',
      assessmentRole: 'Revenue cycle manager; owns claims',
      isApprover: false,
    },
    {
      name: 'James Whitaker',
      userId: account('james.whitaker'),
      discipline: 'executive',
      assessmentRole: 'CFO; sponsors the program',
      isApprover: true,
    },
    {
      name: 'Rosa Delgado',
      userId: null,
      discipline: 'clinical',
      assessmentRole: 'Laboratory manager',
      isApprover: false,
    },
    {
      name: 'Ken Ito',
      userId: null,
      discipline: 'clinical',
      assessmentRole: 'Pharmacy director',
      isApprover: false,
    },
  ] as const;
  const ids = new Map<string, string>();
  for (const member of team) {
    const row = await addTeamMember(tx, organizationId, actor, { ...member, email: null });
    ids.set(member.name, row.id);
  }
  const memberIds = (...names: string[]) => names.flatMap((n) => ids.get(n) ?? []);
  const revenueCycle = await createSubTeam(tx, organizationId, actor, {
    name: 'Revenue cycle',
    description: 'From registration to payment posting',
    workflows: 'Claims and Payments',
    memberIds: memberIds('Linda Okafor', 'Tom Becker'),
  });
  const labAndPharmacy = await createSubTeam(tx, organizationId, actor, {
    name: 'Lab and pharmacy',
    description: 'Orders, specimens, results and dispensing',
    workflows: 'Laboratories; Retail Pharmacy',
    memberIds: memberIds('Rosa Delgado', 'Ken Ito', 'Priya Nair'),
  });
  const rubric = await startRubric(tx, organizationId, actor, 'small');
  await approveVersion(tx, organizationId, actor, rubric.id, {
    approvingBody: 'board',
    approverName: 'James Whitaker',
    approvalDate: '2026-10-14',
    note: 'Approved at the October board meeting.',
  });

  const vendor = async (input: Record<string, unknown>) =>
    createVendor(tx, organizationId, actor, vendorInput.parse(input));
  const nimbus = await vendor({
    name: 'Nimbus Cloud',
    domain: 'nimbus-cloud.example',
    notes: 'Hosts both clearinghouses (us-east region).',
  });
  const claimsOne = await vendor({
    name: 'ClearPath Claims',
    domain: 'clearpath.example',
    phiRecords: 48000,
    phiKinds: ['claims', 'eligibility'],
  });
  const claimsTwo = await vendor({
    name: 'MedRoute Exchange',
    domain: 'medroute.example',
    phiRecords: 48000,
    phiKinds: ['claims'],
  });
  const ehr = await vendor({
    name: 'Prairie Health Systems',
    aliases: ['PHS'],
    domain: 'prairiehealth.example',
    phiRecords: 61000,
    phiKinds: ['clinical', 'billing'],
    notes: 'EHR, practice management and eligibility in one contract.',
  });
  const lab = await vendor({
    name: 'Summit Reference Lab',
    domain: 'summitlab.example',
    phiRecords: 22000,
    phiKinds: ['lab results'],
  });
  const pharmacy = await vendor({
    name: 'RxLink Pharmacy Systems',
    domain: 'rxlink.example',
    phiRecords: 15000,
    phiKinds: ['prescriptions'],
  });
  const switchVendor = await vendor({
    name: 'ScriptSwitch',
    domain: 'scriptswitch.example',
    notes: 'Chosen by RxLink; we have no contract with them.',
  });
  const service = (
    vendorId: string,
    name: string,
    category: string,
    deployment: string,
    hostingVendorId?: string,
  ) =>
    createService(tx, organizationId, actor, vendorId, {
      name,
      category,
      deployment: deployment as 'saas' | 'hosted' | 'on_premises',
      hostingVendorId: hostingVendorId ?? null,
      integrationPoints: [],
      notes: null,
    });
  const primary = await service(
    claimsOne.id,
    'Claims submission and remittance',
    'clearinghouse',
    'saas',
    nimbus.id,
  );
  const secondary = await service(
    claimsTwo.id,
    'Backup claims submission',
    'clearinghouse',
    'saas',
    nimbus.id,
  );
  const services = [
    primary,
    secondary,
    await service(ehr.id, 'Prairie EHR', 'ehr', 'hosted'),
    await service(ehr.id, 'Prairie practice management and billing', 'practice-management', 'hosted'),
    await service(ehr.id, 'Built-in eligibility checks', 'eligibility-verification', 'hosted'),
    await service(lab.id, 'Reference testing and results interface', 'reference-laboratory', 'saas'),
    await service(pharmacy.id, 'Pharmacy management system', 'pharmacy-management-system', 'saas'),
    await service(switchVendor.id, 'Pharmacy claim switching', 'pharmacy-switch', 'saas'),
  ];
  const rx = services[6];
  if (!rx) throw new Error('demo: no pharmacy system');
  for (const s of [primary, secondary]) {
    await addDependency(tx, organizationId, actor, s.vendorId, {
      serviceId: s.id,
      dependsOnVendorId: nimbus.id,
      kind: 'hosting',
      notes: 'us-east region',
    });
  }
  await addDependency(tx, organizationId, actor, pharmacy.id, {
    serviceId: rx.id,
    dependsOnVendorId: switchVendor.id,
    kind: 'supplier',
    notes: 'The switch is chosen by RxLink, not by us.',
  });

  await loadDemoMaps(tx, organizationId, accounts, {
    subTeams: { 'Revenue cycle': revenueCycle.id, 'Lab and pharmacy': labAndPharmacy.id },
    serviceIds: new Map(services.map((x) => [x.name, x.id])),
  });

  // The scenario the risk lead brings to the board: the primary clearinghouse gone, without warning,
  // for three weeks (as happened to much of the sector in 2024).
  const tom = account('tom.becker');
  await createScenario(tx, organizationId, tom ? { id: tom, name: 'Tom Becker' } : actor, {
    name: 'Clearinghouse gone for 21 days',
    note: 'ClearPath Claims unavailable without warning for three weeks; workarounds counted.',
    failed: ['v-clearpath'],
    durationHours: 504,
    workarounds: 'count',
  });
}

/**
 * The selected and ranked templates, and Riverbend's three maps: each created from its template,
 * then adapted by its sub-team (so the history shows what changed), linked to the inventory, and
 * at its own point of review.
 */
async function loadDemoMaps(
  tx: Executor,
  organizationId: string,
  accounts: Map<string, string>,
  refs: { subTeams: Record<string, string>; serviceIds: Map<string, string> },
) {
  const caller = async (email: string, name: string, role: Role): Promise<Caller> => {
    const id = accounts.get(email);
    if (!id) throw new Error(`demo: no account ${email}`);
    return loadCaller(tx, organizationId, { id, name }, role);
  };
  const dana = await caller(DEMO_ADMIN_EMAIL, 'Dana Reyes', 'admin');
  const tom = await caller('tom.becker@riverbend.example', 'Tom Becker', 'risk_lead');
  const linda = await caller('linda.okafor@riverbend.example', 'Linda Okafor', 'business_owner');
  const priya = await caller('priya.nair@riverbend.example', 'Priya Nair', 'assessor');

  await saveSelection(tx, organizationId, tom, {
    version: 0,
    items: [
      {
        templateId: 'claims-and-payments',
        importance: 5,
        impact: 5,
        reason:
          'Nine days without claims would leave us unable to meet payroll; two clearinghouses, one cloud.',
      },
      {
        templateId: 'retail-pharmacy',
        importance: 4,
        impact: 4,
        reason: 'Our outpatient pharmacy serves the county; the claim switch is chosen by our system vendor.',
      },
      {
        templateId: 'laboratories',
        importance: 4,
        impact: 5,
        reason: 'Send-out testing and results depend on one reference lab and its interface.',
      },
    ],
  });

  for (const demo of riverbendMaps()) {
    const owner = demo.subTeam === 'Revenue cycle' ? linda : tom;
    const created = await createMap(tx, organizationId, dana, {
      templateId: demo.templateId,
      name: demo.name,
      subTeamId: refs.subTeams[demo.subTeam] ?? null,
    });
    let map = await saveMap(tx, organizationId, owner, created.id, {
      version: created.version,
      model: demo.model,
    });
    for (const link of demo.links) {
      const serviceId = refs.serviceIds.get(link.serviceName);
      if (!serviceId) throw new Error(`demo: no service "${link.serviceName}"`);
      await addLink(tx, organizationId, owner, map, { nodeId: link.nodeId, serviceId });
    }
    if (demo.templateId === 'claims-and-payments') {
      await addComment(tx, organizationId, priya, map, {
        nodeId: 'h-nimbus-us-east',
        body: 'Both clearinghouses run in this one Nimbus region. Is MedRoute really a backup?',
      });
      await addComment(tx, organizationId, linda, map, {
        nodeId: 's-submit',
        body: 'If both clearinghouses are down we fall back to paper claims: about 40 a day with current staff.',
      });
      map = await reviewMap(tx, organizationId, linda, map.id, {
        status: 'in_review',
        note: 'Adapted with billing; ready for the risk lead.',
        version: map.version,
      });
    } else if (demo.templateId === 'laboratories') {
      map = await reviewMap(tx, organizationId, tom, map.id, { status: 'in_review', version: map.version });
      await reviewMap(tx, organizationId, tom, map.id, {
        status: 'validated',
        note: 'Walked through with Rosa Delgado, laboratory manager.',
        version: map.version,
      });
    }
  }
}

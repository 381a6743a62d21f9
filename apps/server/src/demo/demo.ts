// The demo organization: a small rural hospital, so a newcomer sees a populated product at once.
// Its content grows as capabilities land (maps, vendors, analysis, assessments ...).
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../audit/audit.service';
import type { AppDb, Executor } from '../db/client';
import { organizations, type Role, users } from '../db/schema';
import { approveVersion, startRubric } from '../materiality/materiality.service';
import { addMember, createOrganization, createUser } from '../orgs/orgs.service';
import { addTeamMember, createSubTeam } from '../team/team.service';
import { vendorInput } from '../vendors/vendors.inputs';
import { addDependency, createService, createVendor } from '../vendors/vendors.service';

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
  await createSubTeam(tx, organizationId, actor, {
    name: 'Revenue cycle',
    description: 'From registration to payment posting',
    workflows: 'Claims and Payments',
    memberIds: memberIds('Linda Okafor', 'Tom Becker'),
  });
  await createSubTeam(tx, organizationId, actor, {
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
  await service(ehr.id, 'Prairie EHR', 'ehr', 'hosted');
  await service(ehr.id, 'Prairie practice management and billing', 'practice-management', 'hosted');
  await service(ehr.id, 'Built-in eligibility checks', 'eligibility-verification', 'hosted');
  await service(lab.id, 'Reference testing and results interface', 'reference-laboratory', 'saas');
  const rx = await service(pharmacy.id, 'Pharmacy management system', 'pharmacy-management-system', 'saas');
  await service(switchVendor.id, 'Pharmacy claim switching', 'pharmacy-switch', 'saas');
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
}

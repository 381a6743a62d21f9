// The demo organization: a small rural hospital, so a newcomer sees a populated product at once.
// Its content grows as capabilities land (maps, vendors, analysis, assessments ...).
import { eq, sql } from 'drizzle-orm';
import type { AppDb } from '../db/client';
import { organizations, type Role, users } from '../db/schema';
import { addMember, createOrganization, createUser } from '../orgs/orgs.service';

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
    for (const p of others) {
      const user = await createUser(tx, { email: p.email, name: p.name, password: DEMO_PASSWORD });
      await addMember(tx, org.id, founder, user.id, p.role);
    }
    return { organizationId: org.id, adminUserId: founder.id, created: true };
  });
}

// Verifies the audit chain of every organization (or one), for `smart audit verify`.
import { asc, eq } from 'drizzle-orm';
import type { AppDb } from '../db/client';
import { organizations } from '../db/schema';
import { notFound } from '../shared/errors';
import { type ChainVerdict, verifyChain } from './audit.service';

export async function verifyAllChains(
  db: AppDb,
  slug?: string,
): Promise<(ChainVerdict & { slug: string })[]> {
  const orgs = await db
    .select({ id: organizations.id, slug: organizations.slug })
    .from(organizations)
    .where(slug ? eq(organizations.slug, slug) : undefined)
    .orderBy(asc(organizations.slug));
  if (slug && orgs.length === 0) throw notFound(`Organization "${slug}"`);
  const verdicts = [];
  for (const org of orgs) verdicts.push({ slug: org.slug, ...(await verifyChain(db, org.id)) });
  return verdicts;
}

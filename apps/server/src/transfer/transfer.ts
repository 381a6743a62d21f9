// Moving a whole organization between installs (embedded <-> PostgreSQL) with nothing lost:
// every tenant table row as the database renders it in JSON, read back with jsonb_populate_recordset.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { verifyChain } from '../audit/audit.service';
import { type AppDb, type Executor, queryRows } from '../db/client';
import { listMigrations } from '../db/migrate';
import { AppError, conflict, notFound } from '../shared/errors';

export const EXPORT_FORMAT = 'smart-organization';
export const EXPORT_VERSION = 1;

/** Tenant tables in insertion order, with the columns that hold user ids. New features add theirs here. */
export const TENANT_TABLES: { name: string; orderBy: string; userColumns: string[] }[] = [
  { name: 'memberships', orderBy: 'user_id', userColumns: ['user_id'] },
  { name: 'invitations', orderBy: 'created_at, id', userColumns: ['invited_by'] },
  { name: 'outbox', orderBy: 'created_at, id', userColumns: [] },
  { name: 'team_members', orderBy: 'created_at, id', userColumns: ['user_id'] },
  { name: 'sub_teams', orderBy: 'created_at, id', userColumns: [] },
  { name: 'sub_team_members', orderBy: 'sub_team_id, team_member_id', userColumns: [] },
  {
    name: 'materiality_rubric_versions',
    orderBy: 'version',
    userColumns: ['created_by', 'approval_recorded_by'],
  },
  // Vendors before the services and dependencies that reference them. (Uploaded import files,
  // vendor_imports, are staging data and stay behind.)
  { name: 'vendors', orderBy: 'created_at, id', userColumns: [] },
  { name: 'vendor_services', orderBy: 'created_at, id', userColumns: [] },
  // SBOMs after their services; before the dependencies that name the SBOM they came from.
  { name: 'service_sboms', orderBy: 'uploaded_at, id', userColumns: ['uploaded_by'] },
  { name: 'sbom_components', orderBy: 'sbom_id, position', userColumns: [] },
  { name: 'vendor_dependencies', orderBy: 'created_at, id', userColumns: [] },
  // The template selection, then maps (after the sub-teams they belong to) with their history,
  // comments and links (after the inventory services they name).
  { name: 'map_selections', orderBy: 'organization_id', userColumns: ['updated_by'] },
  { name: 'map_selection_items', orderBy: 'rank', userColumns: [] },
  { name: 'maps', orderBy: 'created_at, id', userColumns: ['created_by', 'updated_by', 'reviewed_by'] },
  { name: 'map_versions', orderBy: 'map_id, version', userColumns: ['saved_by'] },
  { name: 'map_comments', orderBy: 'created_at, id', userColumns: ['author_id', 'resolved_by'] },
  { name: 'map_links', orderBy: 'created_at, id', userColumns: ['created_by'] },
  // What people decided about the analysis: saved scenarios, score weights, snapshots of the list.
  { name: 'analysis_scenarios', orderBy: 'created_at, id', userColumns: ['created_by', 'updated_by'] },
  { name: 'analysis_weights', orderBy: 'organization_id', userColumns: ['updated_by'] },
  { name: 'analysis_snapshots', orderBy: 'taken_at, id', userColumns: ['taken_by'] },
  { name: 'audit_log', orderBy: 'seq', userColumns: [] },
];

type Row = Record<string, unknown>;

const exportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  migrations: z.array(z.string()),
  organization: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).passthrough(),
  users: z.array(
    z.object({ id: z.uuid(), email: z.string(), name: z.string(), password_hash: z.string() }).passthrough(),
  ),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type OrganizationExport = z.infer<typeof exportSchema>;

async function rowsAsJson(db: Executor, query: ReturnType<typeof sql>): Promise<Row[]> {
  const [first] = await queryRows<{ rows: Row[] | string }>(db, query);
  const rows = first?.rows ?? [];
  return typeof rows === 'string' ? (JSON.parse(rows) as Row[]) : rows;
}

export async function exportOrganization(db: AppDb, slug: string): Promise<OrganizationExport> {
  return db.transaction(async (tx) => {
    const [organization] = await rowsAsJson(
      tx,
      sql`select coalesce(jsonb_agg(to_jsonb(o)), '[]'::jsonb) as rows from organizations o where slug = ${slug}`,
    );
    if (!organization) throw notFound(`Organization "${slug}"`);
    const orgId = String(organization.id);
    const users = await rowsAsJson(
      tx,
      sql`select coalesce(jsonb_agg(to_jsonb(u) order by u.email), '[]'::jsonb) as rows from users u
          where u.id in (select user_id from memberships where organization_id = ${orgId})`,
    );
    const tables: Record<string, Row[]> = {};
    for (const t of TENANT_TABLES) {
      tables[t.name] = await rowsAsJson(
        tx,
        sql`select coalesce(jsonb_agg(to_jsonb(t) order by ${sql.raw(t.orderBy.replace(/(\w+)/g, 't.$1'))}), '[]'::jsonb) as rows
            from ${sql.raw(t.name)} t where organization_id = ${orgId}`,
      );
    }
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      migrations: listMigrations().map((m) => m.name),
      organization: organization as OrganizationExport['organization'],
      users: users as OrganizationExport['users'],
      tables,
    };
  });
}

export function parseExport(input: unknown): OrganizationExport {
  const parsed = exportSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.join('.') || '(document)',
      message: i.message,
    }));
    throw new AppError(
      'invalid_input',
      `Not a SMART organization export: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  const known = new Set(listMigrations().map((m) => m.name));
  const newer = parsed.data.migrations.filter((m) => !known.has(m));
  if (newer.length > 0) {
    throw new AppError(
      'invalid_input',
      `The export comes from a newer SMART (migrations ${newer.join(', ')}); upgrade first.`,
    );
  }
  const unknownTables = Object.keys(parsed.data.tables).filter(
    (t) => !TENANT_TABLES.some((k) => k.name === t),
  );
  if (unknownTables.length > 0) {
    throw new AppError(
      'invalid_input',
      `The export has tables this SMART does not know: ${unknownTables.join(', ')}.`,
    );
  }
  return parsed.data;
}

async function insertRows(tx: Executor, table: string, rows: Row[]) {
  if (rows.length === 0) return;
  await tx.execute(
    sql`insert into ${sql.raw(table)} select * from jsonb_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(rows)}::jsonb)`,
  );
}

export interface ImportResult {
  organizationId: string;
  slug: string;
  rows: Record<string, number>;
  usersCreated: number;
  usersMatched: number;
}

/** Imports in one transaction: all of it lands, or nothing does. Existing accounts are matched by email. */
export async function importOrganization(db: AppDb, doc: OrganizationExport): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    const org = doc.organization;
    const clash = await queryRows<{ slug: string }>(
      tx,
      sql`select slug from organizations where id = ${org.id} or slug = ${org.slug}`,
    );
    if (clash.length > 0)
      throw conflict(`Organization "${org.slug}" already exists here; nothing was imported.`);
    await insertRows(tx, 'organizations', [org]);

    const userIdMap = new Map<string, string>();
    const newUsers: Row[] = [];
    for (const user of doc.users) {
      const [existing] = await queryRows<{ id: string }>(
        tx,
        sql`select id from users where email = ${user.email}`,
      );
      userIdMap.set(user.id, existing?.id ?? user.id);
      if (!existing) newUsers.push(user);
    }
    await insertRows(tx, 'users', newUsers);

    const counts: Record<string, number> = {};
    for (const t of TENANT_TABLES) {
      const rows = (doc.tables[t.name] ?? []).map((row) => remapUsers(row, t.userColumns, userIdMap));
      if (rows.some((r) => r.organization_id !== org.id)) {
        throw new AppError(
          'invalid_input',
          `Table ${t.name} holds rows of another organization; nothing was imported.`,
        );
      }
      await insertRows(tx, t.name, rows);
      counts[t.name] = rows.length;
    }
    const chain = await verifyChain(tx, org.id);
    if (!chain.ok)
      throw new AppError(
        'invalid_input',
        `The export's audit log does not verify (${chain.message}); nothing was imported.`,
      );
    return {
      organizationId: org.id,
      slug: org.slug,
      rows: counts,
      usersCreated: newUsers.length,
      usersMatched: doc.users.length - newUsers.length,
    };
  });
}

function remapUsers(row: Row, columns: string[], map: Map<string, string>): Row {
  if (columns.length === 0) return row;
  const copy = { ...row };
  for (const c of columns) {
    const v = copy[c];
    if (typeof v === 'string' && map.has(v)) copy[c] = map.get(v);
  }
  return copy;
}

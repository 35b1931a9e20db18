import { z } from 'zod';
import type { Queryable } from '../../server/db.ts';
import { VERSION } from '../../server/version.ts';
import { chainEnd } from '../audit/audit.ts';

/**
 * What a backup says about itself, first in the file (`tar -xOf FILE manifest.json`): enough to check a restore
 * against (every table's row count, the audit chain's last id and hash) and to refuse a wrong one (engine,
 * the migration level, the payload's checksum).
 */
export const ZManifest = z.object({
  format: z.literal('vinhdanh-backup'),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgresql']),
  appVersion: z.string(),
  migrations: z.object({ applied: z.number(), latest: z.string().nullable() }),
  audit: z.object({ rows: z.number(), lastId: z.number().nullable(), lastHash: z.string().nullable() }),
  /** Rows per table of the app's schema. */
  tables: z.record(z.string(), z.number()),
  /** The database itself: PGlite's data directory (`dumpDataDir`, tar.gz) or `pg_dump -Fc`. */
  payload: z.object({ name: z.string(), size: z.number(), sha256: z.string() }),
});
export type Manifest = z.infer<typeof ZManifest>;

/** The manifest's description of a database, without the payload. */
export type DatabaseFacts = Pick<Manifest, 'migrations' | 'audit' | 'tables'>;

/** Row counts of every table in the current schema, by name (exact counts: the manifest is compared, not estimated). */
export async function tableCounts(q: Queryable): Promise<Record<string, number>> {
  const tables = await q.query<{ name: string; quoted: string }>(
    `select tablename as name, format('%I', tablename) as quoted from pg_tables where schemaname = current_schema() order by tablename`,
  );
  if (tables.length === 0) return {};
  const rows = await q.query<{ name: string; n: number }>(
    tables.map((t, i) => `select $${i + 1}::text as name, count(*)::bigint as n from ${t.quoted}`).join(' union all '),
    tables.map((t) => t.name),
  );
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

/** Migration level, audit chain end and table counts of a database, read in the caller's transaction. */
export async function describeDatabase(q: Queryable): Promise<DatabaseFacts> {
  const tables = await tableCounts(q);
  const migrations = 'schema_migration' in tables
    ? (await q.query<{ applied: number; latest: string | null }>('select count(*)::int as applied, max(name) as latest from schema_migration'))[0]
    : { applied: 0, latest: null };
  const last = 'audit_log' in tables ? await chainEnd(q) : null;
  return {
    migrations,
    audit: { rows: tables.audit_log ?? 0, lastId: last?.id ?? null, lastHash: last?.hash ?? null },
    tables,
  };
}

/** A full manifest from the facts read in the backup's snapshot and its payload. */
export function manifestOf(engine: Manifest['engine'], facts: DatabaseFacts, payload: Manifest['payload']): Manifest {
  return { format: 'vinhdanh-backup', formatVersion: 1, createdAt: new Date().toISOString(), engine, appVersion: VERSION, ...facts, payload };
}

/** Differences between what a manifest promises and what a restored database holds, as sentences (empty: equal). */
export function compareWithManifest(m: Manifest, found: DatabaseFacts): string[] {
  const out: string[] = [];
  for (const name of new Set([...Object.keys(m.tables), ...Object.keys(found.tables)])) {
    if (m.tables[name] !== found.tables[name]) out.push(`table ${name}: ${found.tables[name] ?? 'missing'} rows, backup had ${m.tables[name] ?? 'none'}`);
  }
  if (m.audit.lastId !== found.audit.lastId || m.audit.lastHash !== found.audit.lastHash) {
    out.push(`audit chain ends at id ${found.audit.lastId} ${found.audit.lastHash}, backup at id ${m.audit.lastId} ${m.audit.lastHash}`);
  }
  if (m.migrations.latest !== found.migrations.latest) out.push(`migration level ${found.migrations.latest}, backup ${m.migrations.latest}`);
  return out;
}

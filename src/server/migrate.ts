import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.ts';

const modulesDir = new URL('../modules/', import.meta.url).pathname;

export interface Migration {
  name: string;
  module: string;
  sql: string;
}

/** Every module's `migrations/*.sql`, in global order of their timestamped file names. */
export function listMigrations(): Migration[] {
  const found: Migration[] = [];
  for (const module of readdirSync(modulesDir)) {
    const dir = join(modulesDir, module, 'migrations');
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
    } catch {
      continue;
    }
    for (const file of files) found.push({ name: file, module, sql: readFileSync(join(dir, file), 'utf8') });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Applies pending migrations, each in its own transaction, and returns the names applied.
 * A lock keeps two app processes from migrating at once on a PostgreSQL server.
 */
export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`create table if not exists schema_migration (
    name text primary key, module text not null, applied_at timestamptz not null default now())`);
  const applied: string[] = [];
  await db.tx(async (q) => {
    await q.query('select pg_advisory_xact_lock(7310001)');
    const done = new Set((await q.query<{ name: string }>('select name from schema_migration')).map((r) => r.name));
    for (const m of listMigrations()) {
      if (done.has(m.name)) continue;
      for (const statement of splitSql(m.sql)) await q.query(statement);
      await q.query('insert into schema_migration(name, module) values ($1, $2)', [m.name, m.module]);
      applied.push(m.name);
    }
  });
  return applied;
}

/** Migration state for the health endpoint. */
export async function migrationState(db: Db): Promise<{ applied: number; pending: number; latest: string | null }> {
  const rows = await db.query<{ name: string }>('select name from schema_migration order by name');
  const done = new Set(rows.map((r) => r.name));
  const all = listMigrations();
  return {
    applied: rows.length,
    pending: all.filter((m) => !done.has(m.name)).length,
    latest: rows.at(-1)?.name ?? null,
  };
}

/**
 * Splits a script into statements on `;` at line ends, keeping `$$ … $$` bodies whole,
 * so that each runs through the parameterised query path on both drivers.
 */
export function splitSql(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    if (line.trim().startsWith('--') && !inDollar) continue;
    const dollars = line.match(/\$\$/g)?.length ?? 0;
    if (dollars % 2 === 1) inDollar = !inDollar;
    current += `${line}\n`;
    if (!inDollar && line.trimEnd().endsWith(';')) {
      if (current.trim()) out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

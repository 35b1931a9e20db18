import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminUrl } from '../../../tests/support/global-setup.ts';
import { type Db, openPostgres } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';
import { seedDemoCity } from '../../seed/demo-city.ts';
import { openBackup } from './restore.ts';
import { factsOf, vinhdanh } from './test-helpers.ts';

// Runs in the PostgreSQL pass (DB_TARGET=postgres) on two databases of its own, created and dropped here.
const onPostgres = Boolean(inject('databaseUrl'));
const stamp = `${Date.now()}_${process.pid}`;
const names = { source: `vinhdanh_backup_src_${stamp}`, target: `vinhdanh_backup_dst_${stamp}` };
const urlOf = (name: string) => {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
};
let root: string;
let file: string;
let admin: Db;
let before: Awaited<ReturnType<typeof factsOf>>;

beforeAll(async () => {
  if (!onPostgres) return;
  root = mkdtempSync(join(tmpdir(), 'vinhdanh-pgbackup-'));
  file = join(root, 'city.tar');
  admin = await openPostgres(adminUrl(), 1);
  for (const name of Object.values(names)) await admin.exec(`create database ${name}`);
  const db = await openPostgres(urlOf(names.source), 2);
  await migrate(db);
  await seedDemoCity(db, { people: 40 });
  before = await factsOf(db);
  await db.close();
}, 300_000);

afterAll(async () => {
  if (!onPostgres) return;
  rmSync(root, { recursive: true, force: true });
  for (const name of Object.values(names)) await admin.exec(`drop database if exists ${name} with (force)`);
  await admin.close();
});

describe.skipIf(!onPostgres)('vinhdanh backup / restore on PostgreSQL (pg_dump -Fc, pg_restore)', () => {
  it('round-trips a seeded city: same counts, same audit chain; refuses a non-empty target without --force', async () => {
    const backup = await vinhdanh(['backup', file], { DATABASE_URL: urlOf(names.source) });
    expect(backup.code, backup.out).toBe(0);
    const { manifest } = await openBackup(file);
    expect(manifest).toMatchObject({ engine: 'postgresql', tables: before.facts.tables, payload: { name: 'postgres.dump' } });
    expect(manifest.audit).toEqual({ rows: before.chain.checked, lastId: before.chain.lastId, lastHash: before.chain.lastHash });

    const restored = await vinhdanh(['restore', file], { DATABASE_URL: urlOf(names.target) });
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toMatch(/restore: ok/);
    const db = await openPostgres(urlOf(names.target), 2);
    try {
      const after = await factsOf(db);
      expect(after.facts).toEqual(before.facts);
      expect(after.chain).toMatchObject({ ok: true, lastId: before.chain.lastId, lastHash: before.chain.lastHash });
    } finally {
      await db.close();
    }

    const refused = await vinhdanh(['restore', file], { DATABASE_URL: urlOf(names.target) });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/not empty/);
    const forced = await vinhdanh(['restore', file, '--force'], { DATABASE_URL: urlOf(names.target) });
    expect(forced.code, forced.out).toBe(0);
  });

  it('says clearly when pg_dump is not installed', async () => {
    const path = process.env.PATH;
    process.env.PATH = join(root, 'no-tools-here');
    try {
      const r = await vinhdanh(['backup', join(root, 'none.tar')], { DATABASE_URL: urlOf(names.source) });
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/pg_dump is not on PATH/);
      expect(r.out).toMatch(/Không sao lưu\/khôi phục được/);
    } finally {
      process.env.PATH = path;
    }
  });
});

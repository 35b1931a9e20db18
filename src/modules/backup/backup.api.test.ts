import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call } from '../../../tests/support/app.ts';
import { openTestDb } from '../../../tests/support/db.ts';
import { makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { adminUrl } from '../../../tests/support/global-setup.ts';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { type Db, openPglite, openPostgres } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';
import { openBackup, restoreBackup } from './restore.ts';

// The admin action needs a system administrator whose scope is everything, i.e. roles on every top unit: so this
// file has a database of its own (on PostgreSQL a fresh one, dropped afterwards; other files add top units).
const pgUrl = inject('databaseUrl');
const dbName = `vinhdanh_backup_api_${Date.now()}_${process.pid}`;
const root = mkdtempSync(join(tmpdir(), 'vinhdanh-backup-api-'));
let db: Db;
let app: FastifyInstance;
let url: string | undefined;
let users: Record<'admin' | 'subAdmin' | 'board', { id: number; cookie: string }>;

beforeAll(async () => {
  if (pgUrl) {
    const admin = await openPostgres(adminUrl(), 1);
    await admin.exec(`create database ${dbName}`);
    await admin.close();
    const u = new URL(adminUrl());
    u.pathname = `/${dbName}`;
    url = u.toString();
    db = await openPostgres(url, 4);
    await migrate(db);
  } else {
    db = await openTestDb();
  }
  const config = { ...loadConfig({ DATABASE_URL: url ?? '', MFA_REQUIRED: '0', WEB_DIST: '/nonexistent' }), logLevel: 'silent' };
  app = await buildApp({ db, config });
  await app.ready();
  const top = await makeUnit(db, { parentId: null, kind: 'city_committee' });
  const ward = await makeUnit(db, { parentId: top, kind: 'ward' });
  users = {
    admin: await makeUser(db, [{ role: 'system_admin', orgUnitId: top }]),
    subAdmin: await makeUser(db, [{ role: 'system_admin', orgUnitId: ward }]),
    board: await makeUser(db, [{ role: 'board_specialist', orgUnitId: top }]),
  };
});

afterAll(async () => {
  await app.close();
  await db.close();
  rmSync(root, { recursive: true, force: true });
  if (pgUrl) {
    const admin = await openPostgres(adminUrl(), 1);
    await admin.exec(`drop database if exists ${dbName} with (force)`);
    await admin.close();
  }
});

const backup = (cookie: string | null) => call(app, cookie, { method: 'POST', url: '/api/v1/admin/backup' });

describe('POST /admin/backup', () => {
  it('streams a backup file of the running database, audited as system.backup before it is taken', async () => {
    const res = await backup(users.admin.cookie);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-tar');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="vinhdanh-backup-\d{8}-\d{6}\.tar"$/);
    const file = join(root, 'from-server.tar');
    writeFileSync(file, res.rawPayload);
    const { manifest } = await openBackup(file);
    expect(manifest.engine).toBe(db.kind);
    const [entry] = await db.query<{ id: number; actor_id: number; after: { engine: string } }>(`select id, actor_id, after from audit_log where action = 'system.backup' order by id desc limit 1`);
    expect(entry).toMatchObject({ actor_id: users.admin.id, after: { engine: db.kind } });
    // The backup already holds the entry that records it.
    expect(manifest.audit.lastId).toBe(entry.id);
    expect(manifest.tables.app_user).toBe((await db.query<{ n: number }>('select count(*)::int as n from app_user'))[0].n);
    if (db.kind === 'pglite') {
      // What the server streamed restores like a file from the CLI.
      const result = await restoreBackup(file, { dataDir: join(root, 'restored') }, { force: false });
      expect(result).toMatchObject({ ok: true, problems: [] });
      const restored = await openPglite(join(root, 'restored'));
      expect((await restored.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'system.backup'`))[0].n).toBe(1);
      await restored.close();
    }
  });

  it('is refused to anyone but a system administrator of everything', async () => {
    expect((await backup(null)).statusCode).toBe(401);
    const sub = await backup(users.subAdmin.cookie);
    expect(sub.statusCode).toBe(403);
    expect(sub.json().error.code).toBe('FORBIDDEN');
    expect((await backup(users.board.cookie)).statusCode).toBe(403);
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'system.backup' and actor_id <> $1`, [users.admin.id]);
    expect(n).toBe(0);
  });
});

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, openSync, readSync, readdirSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../server/data-dir-lock.ts';
import { openPglite } from '../../server/db.ts';
import { SYSTEM_ACTOR, audit } from '../audit/audit.ts';
import { openBackup } from './restore.ts';
import { indexTar } from './tar.ts';
import { factsOf, vinhdanh } from './test-helpers.ts';

// A seeded demo city on an embedded database, backed up and restored with the commands a user runs.
const root = mkdtempSync(join(tmpdir(), 'vinhdanh-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const source = join(root, 'source');
const file = join(root, 'city.tar');
const env = (dataDir: string) => ({ DATABASE_URL: '', DATA_DIR: dataDir });
let before: Awaited<ReturnType<typeof factsOf>>;

beforeAll(async () => {
  expect((await vinhdanh(['seed', '--people', '60'], env(source))).code).toBe(0);
  const db = await openPglite(source);
  // A few audited writes besides the seed's, so the chain has a tail to compare.
  for (let i = 0; i < 3; i++) await db.tx((q) => audit(q, SYSTEM_ACTOR, [{ action: 'test.write', entity: 'thing', entityId: i, after: { i } }]));
  before = await factsOf(db);
  await db.close();
}, 300_000);

describe('vinhdanh backup / restore on PGlite', () => {
  it('writes one tar file: a manifest describing the database, then its data directory', async () => {
    const r = await vinhdanh(['backup', file], env(source));
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`last id ${before.chain.lastId} hash ${before.chain.lastHash}`);
    const listed = spawnSync('tar', ['-tf', file], { encoding: 'utf8' });
    expect(listed.stdout.trim().split('\n')).toEqual(['manifest.json', 'pglite-data.tar.gz']);
    expect((await indexTar(file)).map((e) => e.name)).toEqual(['manifest.json', 'pglite-data.tar.gz']);
    const { manifest } = await openBackup(file);
    expect(manifest).toMatchObject({ format: 'vinhdanh-backup', engine: 'pglite', migrations: before.facts.migrations, tables: before.facts.tables });
    expect(manifest.audit).toEqual({ rows: before.chain.checked, lastId: before.chain.lastId, lastHash: before.chain.lastHash });
    expect(manifest.tables.person).toBe(60);
    // Refuses to overwrite a file unless told to.
    expect((await vinhdanh(['backup', file], env(source))).code).toBe(1);
  });

  it('restores into an empty directory: the same counts and the same audit chain, checked and printed', async () => {
    const target = join(root, 'restored');
    const r = await vinhdanh(['restore', file], env(target));
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/restore: ok/);
    expect(r.out).toMatch(/person\s+60/);
    const db = await openPglite(target);
    const after = await factsOf(db);
    await db.close();
    expect(after.facts).toEqual(before.facts);
    expect(after.chain).toMatchObject({ ok: true, lastId: before.chain.lastId, lastHash: before.chain.lastHash, checked: before.chain.checked });
  });

  it('refuses a non-empty target without --force; with it keeps the old directory aside, renamed', async () => {
    const target = join(root, 'busy');
    expect((await vinhdanh(['restore', file], env(target))).code).toBe(0);
    const db = await openPglite(target);
    await db.tx((q) => audit(q, SYSTEM_ACTOR, [{ action: 'test.later', entity: 'thing', entityId: 'later' }]));
    await db.close();
    const refused = await vinhdanh(['restore', file], env(target));
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/not empty/);
    expect(refused.out).toMatch(/đã có dữ liệu/);
    const forced = await vinhdanh(['restore', file, '--force'], env(target));
    expect(forced.code, forced.out).toBe(0);
    const aside = readdirSync(root).filter((n) => n.startsWith('busy.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(existsSync(join(root, aside[0], 'PG_VERSION'))).toBe(true);
    const old = await openPglite(join(root, aside[0]));
    expect((await old.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'test.later'`))[0].n).toBe(1);
    await old.close();
    const restored = await openPglite(target);
    expect((await restored.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'test.later'`))[0].n).toBe(0);
    await restored.close();
  });

  it('refuses a damaged file before touching anything, and a directory a running process holds', async () => {
    const damaged = join(root, 'damaged.tar');
    copyFileSync(file, damaged);
    const { payload } = await openBackup(file);
    const fd = openSync(damaged, 'r+');
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, payload.offset + 1000);
    writeSync(fd, Buffer.from([byte[0] ^ 0xff]), 0, 1, payload.offset + 1000);
    closeSync(fd);
    const target = join(root, 'never');
    const r = await vinhdanh(['restore', damaged], env(target));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/damaged/);
    expect(existsSync(target)).toBe(false);
    const held = join(root, 'held');
    const lock = lockDataDir(held, 'vinhdanh serve');
    try {
      const locked = await vinhdanh(['restore', file, '--force'], env(held));
      expect(locked.code).toBe(1);
      expect(locked.out).toMatch(/in use by another process/);
    } finally {
      lock.release();
    }
  });

  it('refuses a backup of the other engine', async () => {
    const r = await vinhdanh(['restore', file], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', DATA_DIR: join(root, 'x') });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/cannot be restored into postgresql/);
  });
});

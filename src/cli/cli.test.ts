import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../tests/support/db.ts';
import { makeUnit, uniqueCode } from '../../tests/support/factories.ts';
import { SYSTEM_ACTOR, audit } from '../modules/audit/audit.ts';
import { verifyPassword } from '../modules/auth/passwords.ts';
import { loadConfig } from '../server/config.ts';
import { type Db, openPglite } from '../server/db.ts';
import { migrate } from '../server/migrate.ts';
import { runCli } from './cli.ts';
import type { CliContext } from './context.ts';

/** A context on a database the test owns, capturing output. */
function testContext(db: Db | null, env: Record<string, string> = {}) {
  const lines: string[] = [];
  const ctx: CliContext = {
    config: loadConfig(env),
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
    interactive: false,
    readHidden: async () => {
      throw new Error('no terminal in tests');
    },
    openDb: db ? async () => db : () => openPglite(loadConfig(env).dataDir),
    ownsDb: !db,
  };
  return { ctx, lines };
}

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

describe('vinhdanh create-admin', () => {
  it('creates an admin with a generated password that can sign in', async () => {
    const code = uniqueCode('CLI');
    await makeUnit(db, { parentId: null, code, name: 'Ủy ban nhân dân thử' });
    const { ctx, lines } = testContext(db);
    expect(await runCli(['create-admin', '--username', 'quantri.cli', '--unit', code], ctx)).toBe(0);
    const password = lines.find((l) => l.startsWith('Mật khẩu'))?.split(': ').at(-1) as string;
    expect(password.length).toBeGreaterThanOrEqual(10);
    const [user] = await db.query<{ password_hash: string; role: string; code: string; must_change_password: boolean }>(
      `select u.password_hash, u.must_change_password, r.role, o.code from app_user u join user_role r on r.user_id = u.id
         join org_unit o on o.id = r.org_unit_id where u.username = 'quantri.cli'`,
    );
    expect(user.role).toBe('system_admin');
    expect(user.code).toBe(code);
    expect(user.must_change_password).toBe(true);
    expect(await verifyPassword(user.password_hash, password)).toBe(true);
    expect(await verifyPassword(user.password_hash, 'VinhDanh@2026')).toBe(false);
  });

  it('refuses a taken username and an unknown unit', async () => {
    const code = uniqueCode('CLI');
    await makeUnit(db, { parentId: null, code });
    const first = testContext(db);
    expect(await runCli(['create-admin', '--username', 'trung.ten', '--unit', code, '--generate'], first.ctx)).toBe(0);
    const again = testContext(db);
    expect(await runCli(['create-admin', '--username', 'TRUNG.TEN', '--unit', code], again.ctx)).toBe(1);
    expect(again.lines.join('\n')).toMatch(/taken/);
    const unknown = testContext(db);
    expect(await runCli(['create-admin', '--unit', 'KHONG-CO'], unknown.ctx)).toBe(1);
  });
});

describe('vinhdanh create-admin on an empty production database', () => {
  it('creates the top unit given by --org-code/--org-name and binds the first admin to it', async () => {
    const empty = await openPglite(null);
    try {
      await migrate(empty);
      const refused = testContext(empty);
      expect(await runCli(['create-admin'], refused.ctx)).toBe(1);
      expect(refused.lines.join('\n')).toMatch(/--org-code/);
      const { ctx } = testContext(empty);
      expect(await runCli(['create-admin', '--org-code', 'HN', '--org-name', 'Ủy ban nhân dân thành phố Hà Nội'], ctx)).toBe(0);
      const [row] = await empty.query<{ code: string; name: string; role: string }>(
        `select o.code, v.name, r.role from user_role r join org_unit o on o.id = r.org_unit_id
           join org_unit_version v on v.unit_id = o.id join app_user u on u.id = r.user_id where u.username = 'admin'`,
      );
      expect(row).toEqual({ code: 'HN', name: 'Ủy ban nhân dân thành phố Hà Nội', role: 'system_admin' });
    } finally {
      await empty.close();
    }
  });
});

describe('vinhdanh audit-verify', () => {
  it('says ok on an intact chain and names the tampered row', async () => {
    const lite = await openPglite(null);
    await migrate(lite);
    await lite.tx((q) => audit(q, SYSTEM_ACTOR, [1, 2, 3].map((i) => ({ action: 'test.write', entity: 'thing', entityId: i, after: { i } }))));
    const ok = testContext(lite);
    expect(await runCli(['audit-verify'], ok.ctx)).toBe(0);
    expect(ok.lines[0]).toBe('audit-verify: ok, 3 entries');
    const [{ id }] = await lite.query<{ id: number }>(`select id from audit_log where entity_id = '2'`);
    await lite.exec('alter table audit_log disable trigger audit_log_no_update');
    await lite.query(`update audit_log set after = '{"i": 20}' where id = $1`, [id]);
    const broken = testContext(lite);
    expect(await runCli(['audit-verify'], broken.ctx)).toBe(1);
    expect(broken.lines[0]).toContain(`id ${id}`);
    await lite.close();
  });
});

describe('vinhdanh seed', () => {
  it('seeds an empty PGlite, refuses a second time, and starts over with --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vinhdanh-seed-'));
    const dataDir = join(dir, 'data');
    try {
      const first = testContext(null, { DATA_DIR: dataDir });
      expect(await runCli(['seed', '--people', '150'], first.ctx)).toBe(0);
      expect(first.lines.join('\n')).toContain('canbo.badinh');
      const second = testContext(null, { DATA_DIR: dataDir });
      expect(await runCli(['seed', '--people', '150'], second.ctx)).toBe(1);
      expect(second.lines.join('\n')).toMatch(/already has data/);
      const forced = testContext(null, { DATA_DIR: dataDir });
      expect(await runCli(['seed', '--people', '120', '--force'], forced.ctx)).toBe(0);
      const check = await openPglite(dataDir);
      const [{ n }] = await check.query<{ n: number }>('select count(*)::int as n from person');
      await check.close();
      expect(n).toBe(120);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses --force on a database it does not own (a PostgreSQL server)', async () => {
    const { ctx, lines } = testContext(db);
    await makeUnit(db, { parentId: null });
    expect(await runCli(['seed', '--people', '10', '--force'], ctx)).toBe(1);
    expect(lines.join('\n')).toMatch(/refusing --force/);
  });
});

describe('bin/vinhdanh.js', () => {
  it('runs the TypeScript CLI under the current Node', () => {
    const bin = new URL('../../bin/vinhdanh.js', import.meta.url).pathname;
    const run = spawnSync(process.execPath, [bin, 'help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('audit-verify');
    const unknown = spawnSync(process.execPath, [bin, 'nope'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
  });

  it('ends once the seed is written (the annual review\'s discovery threads do not hold the process)', async () => {
    const bin = new URL('../../bin/vinhdanh.js', import.meta.url).pathname;
    const dir = mkdtempSync(join(tmpdir(), 'vinhdanh-seed-exit-'));
    try {
      const run = spawnSync(process.execPath, [bin, 'seed'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, DATA_DIR: join(dir, 'data'), DEMO_PEOPLE: '400' } });
      expect(run.signal, 'still running after 120 s: killed').toBeNull();
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('seed: done');
      // What follows an issue ran here too (server/wiring.ts): each issued decision has its document and certificates.
      const db = await openPglite(join(dir, 'data'));
      try {
        const [n] = await db.query<{ issued: number; documents: number; awardees: number; certificates: number }>(
          `select (select count(*)::int from decision where status = 'issued') as issued,
                  (select count(*)::int from document d join decision x on x.id = d.ref_id and d.kind = 'decision' where x.status = 'issued' and d.status = 'issued') as documents,
                  (select count(*)::int from decision_awardee a join decision x on x.id = a.decision_id where x.status = 'issued' and x.external_authority is null) as awardees,
                  (select count(*)::int from award_certificate) as certificates`,
        );
        expect(n.issued).toBeGreaterThan(0);
        expect(n.documents).toBe(n.issued);
        expect(n.certificates).toBe(n.awardees);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});

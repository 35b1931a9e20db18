/** What the probe of 2026-12 found answered with a 500 or too much, answered now as a user can act on. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../tests/support/app.ts';
import { makeUnit, makeUser, makeWorld } from '../../tests/support/factories.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  ctx = await createTestContext({ BODY_LIMIT_BYTES: '65536' });
  w = await makeWorld(ctx.db);
});
afterAll(() => ctx.close());

// By this file's admin: other files share the PostgreSQL test database.
const lastAuditId = async () => (await ctx.db.query<{ last: number }>('select max(id) as last from audit_log where actor_id = $1', [w.admin.id]))[0].last;

describe('control characters', () => {
  it('refuses NUL in a body field with a 400 naming the field, and writes nothing', async () => {
    const before = await lastAuditId();
    const res = await call(ctx.app, w.admin.cookie, { method: 'POST', url: '/api/v1/org/units', payload: { code: 'NUL1', kind: 'other', name: 'Tổ\u0000 một', parentId: w.a, establishedOn: '2025-01-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ field: 'name', rule: 'control_characters' }] } });
    expect(res.json().error.message).toContain('Tên đơn vị');
    expect(await lastAuditId()).toBe(before);
  });

  it('refuses NUL in a search, an audit filter and a sign-in name (400, not the database error)', async () => {
    for (const url of ['/api/v1/people?q=An%00', '/api/v1/audit?actor=%00', '/api/v1/exports/people?q=%00']) {
      const res = await call(ctx.app, w.admin.cookie, { method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details.issues[0].rule).toBe('control_characters');
    }
    const login = await call(ctx.app, null, { method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin\u0000', password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.details.issues[0]).toMatchObject({ field: 'username', rule: 'control_characters' });
  });

  it('allows line breaks only in free-text fields; refuses broken Unicode', async () => {
    const name = await call(ctx.app, w.admin.cookie, { method: 'POST', url: '/api/v1/org/units', payload: { code: 'LB1', kind: 'other', name: 'Tổ\nmột', parentId: w.a, establishedOn: '2025-01-01' } });
    expect(name.json().error.details.issues[0]).toMatchObject({ field: 'name', rule: 'line_break' });
    const basis = await call(ctx.app, w.admin.cookie, { method: 'POST', url: '/api/v1/quotas', payload: { award: 'advanced_worker', unitId: w.a1, year: 2025, max: 3, basis: 'Kế hoạch số 12\nngày 05/01/2025' } });
    expect(basis.statusCode, basis.body).toBe(201);
    const surrogate = await call(ctx.app, w.admin.cookie, { method: 'POST', url: '/api/v1/quotas', payload: { award: 'advanced_worker', unitId: w.a1, year: 2025, max: 3, basis: 'Thử \ud83d' } });
    expect(surrogate.json().error.details.issues[0]).toMatchObject({ field: 'basis', rule: 'malformed_text' });
  });
});

describe('references and dates', () => {
  it('answers a quota on a unit that does not exist with 404 naming the field, even for a city-wide admin', async () => {
    const res = await call(ctx.app, w.admin.cookie, { method: 'POST', url: '/api/v1/quotas', payload: { award: 'advanced_worker', unitId: 987654321, year: 2025, max: 3, basis: 'Thử' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('refuses impossible dates in the eligibility contract like everywhere else', async () => {
    for (const asOf of ['2025-02-30', '2025-02-29', '0000-01-01']) {
      const res = await call(ctx.app, w.viewerA.cookie, { method: 'POST', url: '/api/v1/eligibility/check', payload: { award: 'advanced_worker', asOf, subject: { kind: 'individual' }, years: [] } });
      expect(res.statusCode, asOf).toBe(400);
      expect(res.json().error.details.issues[0]).toMatchObject({ field: 'asOf', rule: 'invalid_date' });
    }
    const leap = await call(ctx.app, w.viewerA.cookie, { method: 'POST', url: '/api/v1/eligibility/check', payload: { award: 'advanced_worker', asOf: '2024-02-29', subject: { kind: 'individual' }, years: [] } });
    expect(leap.statusCode, leap.body).toBe(200);
    const query = await call(ctx.app, w.viewerA.cookie, { method: 'GET', url: '/api/v1/org/tree?asOf=2025-04-31' });
    expect(query.statusCode).toBe(400);
  });
});

describe('quotas within the caller\'s scope', () => {
  it('shows a ward its own caps with use, the caps above it without use, and no other unit\'s caps', async () => {
    const mine = await makeUnit(ctx.db, { parentId: w.a, name: 'Tổ của phường' });
    const theirs = await makeUnit(ctx.db, { parentId: w.b, name: 'Tổ của xã bên' });
    const add = (unitId: number, basis: string) => call(ctx.app, w.admin.cookie, { method: 'POST', url: '/api/v1/quotas', payload: { award: 'grassroots_emulation_fighter', unitId, year: 2025, max: 4, basis } });
    for (const [unit, basis] of [[mine, 'Hạn mức của phường'], [theirs, 'Hạn mức của xã bên'], [w.top, 'Hạn mức toàn thành phố']] as const) expect((await add(unit, basis)).statusCode).toBe(201);
    for (const cookie of [w.officerA.cookie, w.viewerA.cookie]) {
      const quotas = (await call(ctx.app, cookie, { method: 'GET', url: '/api/v1/quotas?year=2025' })).json().quotas as { basis: string; used: number | null }[];
      const byBasis = new Map(quotas.map((q) => [q.basis, q]));
      expect(byBasis.get('Hạn mức của phường')?.used).toBe(0);
      expect(byBasis.get('Hạn mức toàn thành phố')).toMatchObject({ used: null });
      expect(byBasis.has('Hạn mức của xã bên')).toBe(false);
    }
    const all = (await call(ctx.app, w.admin.cookie, { method: 'GET', url: '/api/v1/quotas?year=2025' })).json().quotas as { basis: string; used: number | null }[];
    expect(all.find((q) => q.basis === 'Hạn mức của xã bên')?.used).toBe(0);
    // An administrator of the other branch: that branch's caps, not the ward's.
    const branchAdmin = (await makeUser(ctx.db, [{ role: 'system_admin', orgUnitId: w.b }])).cookie;
    const theirsOnly = (await call(ctx.app, branchAdmin, { method: 'GET', url: '/api/v1/quotas?year=2025' })).json().quotas as { basis: string }[];
    expect(theirsOnly.some((q) => q.basis === 'Hạn mức của phường')).toBe(false);
    expect(theirsOnly.some((q) => q.basis === 'Hạn mức của xã bên')).toBe(true);
  });
});

describe('the edges of HTTP', () => {
  it('refuses a write whose Origin is "null", garbage or another site with 403, never 500', async () => {
    for (const origin of ['null', 'not a url', 'http://[::1', 'file:///etc/passwd', 'http://evil.example']) {
      const res = await call(ctx.app, null, { method: 'POST', url: '/api/v1/auth/login', headers: { origin }, payload: { username: 'a', password: 'b' } });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json().error.code).toBe('ORIGIN_MISMATCH');
    }
  });

  it('says the size limit when a body is too large', async () => {
    const res = await call(ctx.app, w.admin.cookie, { method: 'POST', url: '/api/v1/eligibility/check', payload: { award: 'advanced_worker', asOf: '2025-12-15', subject: { kind: 'individual', name: 'x'.repeat(70_000) } } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('tối đa 64 KB');
  });

  it('keeps an upload whose file name holds NUL, without the NUL', async () => {
    const boundary = 'vinhdanhBoundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''Danh%20s%C3%A1ch%00.xlsx\r\nContent-Type: application/octet-stream\r\n\r\n`),
      (await call(ctx.app, w.officerA.cookie, { method: 'GET', url: '/api/v1/imports/templates/people' })).rawPayload,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await call(ctx.app, w.officerA.cookie, { method: 'POST', url: '/api/v1/imports/people', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().fileName).toBe('Danh sách.xlsx');
  });

  it('answers an undecodable URL in the app\'s error format', async () => {
    const res = await call(ctx.app, null, { method: 'GET', url: '/api/v1/people/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_URL');
  });

  it('serves the web app, and answers paths with NUL or escaping the web root with 404, never 500', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'vinhdanh-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>vinhdanh</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const app = await buildApp({ db: ctx.db, config: { ...loadConfig({ WEB_DIST: dist }), logLevel: 'silent' } }, { logger: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
      for (const url of ['/%00', '/assets/%00.js', '/assets/app.js%00.html']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(404);
      }
      for (const url of ['/..%2f..%2fetc/passwd', '/assets/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBeLessThan(500);
        expect(res.body, url).not.toMatch(/root:|"name": "vinhdanh"/);
      }
    } finally {
      await app.close();
    }
  });
});

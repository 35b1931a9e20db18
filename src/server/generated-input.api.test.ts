/**
 * Every route of the OpenAPI document, as every role, with valid inputs bent every way an attacker or a broken
 * client would (tests/support/fuzz.ts): never a 5xx, and a refusal writes nothing (every write is audited, so the
 * audit log's last id stands still).
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ROLES } from '../modules/auth/roles.ts';
import { type TestContext, call, createTestContext } from '../../tests/support/app.ts';
import { makeUser, makeWorld, uniqueCccd, uniqueCode } from '../../tests/support/factories.ts';
import { BENT_IDS, type JsonSchema, type Mutation, mutateBody, mutateQuery, sample } from '../../tests/support/fuzz.ts';

// The sign-in throttle would answer 429 before the body is even read: lifted, so the body is what is tested.
// On PostgreSQL the app is told its server, as in production (the backup route runs pg_dump against it).
const ctx: TestContext = await createTestContext({ LOGIN_RATE_LIMIT: '1000000', MFA_REQUIRED: '0', DATABASE_URL: inject('databaseUrl') ?? '' });
afterAll(() => ctx.close());
const w = await makeWorld(ctx.db);

interface Parameter { in: 'path' | 'query'; name: string; required?: boolean; schema: JsonSchema }
interface Operation { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }
const doc = JSON.parse((await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).body) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, op })));

/** Valid bodies that reach past the first checks (real units, people, codes), for the routes that write. */
const VALID_BODIES: Record<string, () => unknown> = {
  'POST /api/v1/people': () => ({ nationalId: uniqueCccd(), fullName: 'Người Thử', gender: 'female', birthDate: '1990-03-04', employment: { unitId: w.a1, position: 'Chuyên viên', category: 'civil_servant', isLeader: false, fromDate: '2024-01-01' } }),
  'PATCH /api/v1/people/{id}': () => ({ version: 1, fullName: 'Tên Sửa', birthDate: '1980-01-01' }),
  'POST /api/v1/people/{id}/transfers': () => ({ version: 1, unitId: w.a, position: 'Chuyên viên', category: 'civil_servant', isLeader: false, fromDate: '2025-02-01' }),
  'POST /api/v1/org/units': () => ({ code: uniqueCode(), kind: 'other', name: 'Tổ thử', parentId: w.a, establishedOn: '2025-01-01' }),
  'PATCH /api/v1/org/units/{id}': () => ({ version: 1, effectiveOn: '2025-03-01', name: 'Tên mới', parentId: w.a }),
  'POST /api/v1/org/merges': () => ({ sourceIds: [w.a1], target: { code: uniqueCode(), kind: 'other', name: 'Hợp nhất' }, effectiveOn: '2025-07-01' }),
  'POST /api/v1/org/splits': () => ({ sourceId: w.a1, successors: [{ code: uniqueCode(), kind: 'other', name: 'Một' }, { code: uniqueCode(), kind: 'other', name: 'Hai' }], effectiveOn: '2025-07-01' }),
  'POST /api/v1/users': () => ({ username: `f${uniqueCode()}`, displayName: 'Người dùng thử', password: 'Hoa-Sen-Nở-Trên-Hồ-2026', roles: [{ role: 'viewer', orgUnitId: w.a1 }] }),
  'PATCH /api/v1/users/{id}': () => ({ version: 1, displayName: 'Đổi tên', roles: [{ role: 'viewer', orgUnitId: w.a1 }] }),
  'POST /api/v1/quotas': () => ({ award: 'advanced_worker', unitId: w.a1, year: 2025, max: 3, basis: 'Thử' }),
  'POST /api/v1/eligibility/check': () => ({ award: 'advanced_worker', asOf: '2025-12-15', subject: { kind: 'individual', underReview: false }, years: [{ year: 2025, rating: 'good', monthsWorked: 12 }] }),
  'POST /api/v1/eligibility/batch': () => ({ asOf: '2026-01-10', items: [{ personId: w.personA.id, award: 'advanced_worker' }] }),
  'POST /api/v1/auth/login': () => ({ username: 'khong-co-ai', password: 'Sai-Mật-Khẩu-1' }),
};

/** A real id for each path parameter, so the valid request reaches the use case. */
function pathValue(path: string, name: string, schema: JsonSchema): string {
  if (name !== 'id') return String(sample(schema, name));
  if (path.includes('/people/')) return String(w.personA.id);
  if (path.includes('/users/')) return String(w.viewerA.id);
  if (path.includes('/units/')) return String(w.a1);
  return '1';
}

function urlOf(path: string, params: Record<string, string>, query: Record<string, string>): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
  const qs = new URLSearchParams(query).toString();
  return qs ? `${filled}?${qs}` : filled;
}

const LIMIT = 160;

/** The valid request and its bent variants. */
function requestsFor(o: (typeof operations)[number]): Mutation<{ url: string; payload?: unknown }>[] {
  const parameters = o.op.parameters ?? [];
  const params = Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(o.path, p.name, p.schema)]));
  const queryParams = parameters.filter((p) => p.in === 'query');
  const query = Object.fromEntries(queryParams.filter((p) => p.required).map((p) => [p.name, String(sample(p.schema, p.name))]));
  const json = o.op.requestBody?.content['application/json']?.schema;
  const body = VALID_BODIES[o.name]?.() ?? (json ? sample(json) : undefined);
  const out: Mutation<{ url: string; payload?: unknown }>[] = [];
  if (body !== undefined) for (const m of mutateBody(body, LIMIT)) out.push({ what: m.what, value: { url: urlOf(o.path, params, query), payload: m.value } });
  else for (const m of mutateQuery(query, queryParams.map((p) => p.name), LIMIT)) out.push({ what: m.what, value: { url: urlOf(o.path, params, m.value) } });
  for (const name of Object.keys(params)) {
    for (const bent of BENT_IDS) out.push({ what: `path ${name}=${bent.slice(0, 20)}`, value: { url: urlOf(o.path, { ...params, [name]: bent }, query), payload: body } });
  }
  return out;
}

/** The last audit entry this route's callers caused (as actors, or on their accounts): other files share the PostgreSQL database. */
const lastAuditId = async (userIds: number[]) =>
  (await ctx.db.query<{ last: number | null }>(
    'select max(id) as last from audit_log where actor_id = any($1::bigint[]) or (entity = $2 and entity_id = any($3::text[]))',
    [userIds, 'app_user', userIds.map(String)],
  ))[0].last;

describe.each(operations)('$name', (o) => {
  it('answers bent input from every role without a 5xx, and a refusal writes nothing', async () => {
    // Fresh sessions per route: a route may end its caller's session (sign-out, lockout after wrong passwords).
    const cityAdmin = await makeUser(ctx.db, [{ role: 'system_admin', orgUnitId: w.top }]);
    const userIds = [cityAdmin.id];
    const admin: [string, string | null] = ['system_admin of the city', cityAdmin.cookie];
    const others: [string, string | null][] = [['anonymous', null]];
    for (const role of ROLES) {
      const user = await makeUser(ctx.db, [{ role, orgUnitId: w.a }]);
      userIds.push(user.id);
      others.push([`${role} of branch A`, user.cookie]);
    }
    const failures: string[] = [];
    const requests = requestsFor(o);
    for (const [i, { what, value }] of requests.entries()) {
      // The valid request as everyone; each bent one as the city's admin (who gets past every permission and scope
      // check to the use case) and as one of the others in turn, so every role meets every kind of bending.
      const callers = i === 0 ? [admin, ...others] : [admin, others[i % others.length]];
      for (const [who, cookie] of callers) {
        const before = await lastAuditId(userIds);
        const res = await call(ctx.app, cookie, { method: o.method as 'GET', url: value.url, ...(value.payload !== undefined ? { payload: value.payload as object } : {}) });
        if (res.statusCode >= 500) failures.push(`${who}, ${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (res.statusCode >= 400 && (await lastAuditId(userIds)) !== before) failures.push(`${who}, ${what}: refused with ${res.statusCode} but wrote to the audit log`);
      }
    }
    expect(failures).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY, ROLES, type Permission, type Role } from '../modules/auth/roles.ts';
import { type TestContext, call, createTestContext } from '../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser, makeWorld, uniqueCccd, uniqueCode } from '../../tests/support/factories.ts';
import { createDecisionDraft, issueDecision } from '../modules/decisions/commands.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeWorld(ctx.db);
});
afterAll(() => ctx.close());

interface RouteCase {
  name: string;
  permission: Permission;
  /** Builds a fresh, valid request inside branch A (the role's unit), so an allowed role succeeds. */
  request: () => Promise<{ method: 'GET' | 'POST' | 'PATCH' | 'PUT'; url: string; payload?: object }>;
}

/** A decision of branch A's ward, issued with one person of the branch (written through the register's own use cases). */
async function issuedDecision(): Promise<{ id: number; version: number; decidedOn: string }> {
  const person = (await makePerson(ctx.db, { unitId: w.a1 })).id;
  return ctx.db.tx(async (q) => {
    const actor = { id: null, name: 'system' };
    const draft = await createDecisionDraft(q, actor, { all: true }, { authorityUnitId: w.a, kind: 'QĐ-UBND', awardCode: 'advanced_worker', awardType: 'merit', periodFrom: 2025, periodTo: 2025, signerName: 'Nguyễn Văn Ký', signerTitle: 'Chủ tịch', awardees: [{ personId: person }] });
    const issued = await issueDecision(q, actor, { all: true }, draft.id, { version: draft.version });
    return { id: issued.id, version: issued.version, decidedOn: issued.decidedOn as string };
  });
}

const employment = (unitId: number) => ({ unitId, position: 'Chuyên viên', category: 'civil_servant', isLeader: false, fromDate: '2024-01-01' });

const ROUTES: RouteCase[] = [
  { name: 'GET /org/tree', permission: 'org.read', request: async () => ({ method: 'GET', url: '/api/v1/org/tree' }) },
  { name: 'GET /org/units/:id', permission: 'org.read', request: async () => ({ method: 'GET', url: `/api/v1/org/units/${w.a1}` }) },
  { name: 'GET /units/:id/records', permission: 'org.read', request: async () => ({ method: 'GET', url: `/api/v1/units/${w.a1}/records` }) },
  { name: 'POST /org/units', permission: 'org.write', request: async () => ({ method: 'POST', url: '/api/v1/org/units', payload: { code: uniqueCode(), kind: 'other', name: 'Tổ mới', parentId: w.a, establishedOn: '2025-01-01' } }) },
  { name: 'PATCH /org/units/:id', permission: 'org.write', request: async () => ({ method: 'PATCH', url: `/api/v1/org/units/${await makeUnit(ctx.db, { parentId: w.a })}`, payload: { version: 1, effectiveOn: '2025-01-01', name: 'Tên mới' } }) },
  { name: 'POST /org/units/:id/dissolve', permission: 'org.write', request: async () => ({ method: 'POST', url: `/api/v1/org/units/${await makeUnit(ctx.db, { parentId: w.a })}/dissolve`, payload: { version: 1, effectiveOn: '2025-01-01' } }) },
  { name: 'POST /org/merges', permission: 'org.write', request: async () => ({ method: 'POST', url: '/api/v1/org/merges', payload: { sourceIds: [await makeUnit(ctx.db, { parentId: w.a }), await makeUnit(ctx.db, { parentId: w.a })], target: { code: uniqueCode(), kind: 'other', name: 'Hợp nhất' }, effectiveOn: '2025-07-01' } }) },
  { name: 'POST /org/splits', permission: 'org.write', request: async () => ({ method: 'POST', url: '/api/v1/org/splits', payload: { sourceId: await makeUnit(ctx.db, { parentId: w.a }), successors: [{ code: uniqueCode(), kind: 'other', name: 'Một' }, { code: uniqueCode(), kind: 'other', name: 'Hai' }], effectiveOn: '2025-07-01' } }) },
  { name: 'GET /people', permission: 'people.read', request: async () => ({ method: 'GET', url: '/api/v1/people?q=an' }) },
  { name: 'GET /people/:id', permission: 'people.read', request: async () => ({ method: 'GET', url: `/api/v1/people/${w.personA.id}` }) },
  { name: 'GET /people/:id/personal-data', permission: 'people.personal_data', request: async () => ({ method: 'GET', url: `/api/v1/people/${w.personA.id}/personal-data` }) },
  { name: 'POST /people', permission: 'people.write', request: async () => ({ method: 'POST', url: '/api/v1/people', payload: { nationalId: uniqueCccd(), fullName: 'Người Mới', gender: 'male', birthDate: '1985-05-05', employment: employment(w.a1) } }) },
  { name: 'PATCH /people/:id', permission: 'people.write', request: async () => ({ method: 'PATCH', url: `/api/v1/people/${(await makePerson(ctx.db, { unitId: w.a1 })).id}`, payload: { version: 1, fullName: 'Tên Sửa' } }) },
  { name: 'POST /people/:id/transfers', permission: 'people.write', request: async () => ({ method: 'POST', url: `/api/v1/people/${(await makePerson(ctx.db, { unitId: w.a1 })).id}/transfers`, payload: { version: 1, ...employment(w.a), fromDate: '2025-02-01' } }) },
  { name: 'GET /users', permission: 'users.manage', request: async () => ({ method: 'GET', url: '/api/v1/users' }) },
  { name: 'POST /users', permission: 'users.manage', request: async () => ({ method: 'POST', url: '/api/v1/users', payload: { username: `m${uniqueCode()}`, displayName: 'Mới', password: 'KhoiTao2026x', roles: [{ role: 'viewer', orgUnitId: w.a1 }] } }) },
  { name: 'PATCH /users/:id', permission: 'users.manage', request: async () => ({ method: 'PATCH', url: `/api/v1/users/${(await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w.a1 }])).id}`, payload: { version: 1, displayName: 'Đổi tên' } }) },
  { name: 'GET /audit', permission: 'audit.read', request: async () => ({ method: 'GET', url: '/api/v1/audit?limit=5' }) },
  { name: 'POST /eligibility/check', permission: 'eligibility.read', request: async () => ({ method: 'POST', url: '/api/v1/eligibility/check', payload: { award: 'advanced_worker', asOf: '2025-12-15', subject: { kind: 'individual', underReview: false }, years: [{ year: 2025, rating: 'good', monthsWorked: 12 }] } }) },
  { name: 'GET /eligibility/awards', permission: 'eligibility.read', request: async () => ({ method: 'GET', url: '/api/v1/eligibility/awards' }) },
  { name: 'GET /people/:id/eligibility', permission: 'eligibility.read', request: async () => ({ method: 'GET', url: `/api/v1/people/${w.personA.id}/eligibility?asOf=2026-01-10` }) },
  { name: 'GET /units/:id/eligibility', permission: 'eligibility.read', request: async () => ({ method: 'GET', url: `/api/v1/units/${w.a1}/eligibility?asOf=2026-01-10` }) },
  { name: 'POST /eligibility/batch', permission: 'eligibility.read', request: async () => ({ method: 'POST', url: '/api/v1/eligibility/batch', payload: { asOf: '2026-01-10', items: [{ personId: w.personA.id, award: 'advanced_worker' }] } }) },
  { name: 'GET /discovery', permission: 'eligibility.read', request: async () => ({ method: 'GET', url: `/api/v1/discovery?unitId=${w.a}&year=2025&asOf=2026-01-10` }) },
  { name: 'GET /discovery/export.xlsx', permission: 'eligibility.read', request: async () => ({ method: 'GET', url: `/api/v1/discovery/export.xlsx?unitId=${w.a1}&year=2025&asOf=2026-01-10` }) },
  { name: 'GET /catalogue/settings', permission: 'eligibility.read', request: async () => ({ method: 'GET', url: '/api/v1/catalogue/settings' }) },
  {
    name: 'PUT /catalogue/settings/:key', permission: 'catalogue.manage',
    request: async () => {
      const [row] = await ctx.db.query<{ version: number }>("select version from catalogue_setting where key = 'small_collective_max_members'");
      return { method: 'PUT', url: '/api/v1/catalogue/settings/small_collective_max_members', payload: { value: 15, version: row?.version ?? 0 } };
    },
  },
  { name: 'GET /quotas', permission: 'eligibility.read', request: async () => ({ method: 'GET', url: '/api/v1/quotas?year=2025' }) },
  { name: 'POST /quotas', permission: 'quota.manage', request: async () => ({ method: 'POST', url: '/api/v1/quotas', payload: { award: 'grassroots_emulation_fighter', unitId: w.a1, year: 2025, max: 5, basis: 'Thử' } }) },
  // The workflow from evaluation to decision (issue 12). Each request makes its own unit or person, so an allowed
  // role's write never meets an earlier one's.
  { name: 'POST /evaluations', permission: 'evaluation.write', request: async () => ({ method: 'POST', url: '/api/v1/evaluations', payload: { year: 2025, personId: (await makePerson(ctx.db, { unitId: w.a1 })).id } }) },
  { name: 'PUT /registrations', permission: 'registration.write', request: async () => ({ method: 'PUT', url: '/api/v1/registrations', payload: { unitId: await makeUnit(ctx.db, { parentId: w.a }), year: 2026, items: [] } }) },
  { name: 'POST /reviews', permission: 'review.manage', request: async () => ({ method: 'POST', url: '/api/v1/reviews', payload: { orgUnitId: await makeUnit(ctx.db, { parentId: w.a }), year: 2025 } }) },
  {
    name: 'POST /councils', permission: 'council.manage',
    request: async () => ({
      method: 'POST', url: '/api/v1/councils',
      payload: { orgUnitId: w.a1, purpose: 'other', title: 'Họp hội đồng thử', meetsOn: '2025-12-20', ballot: 'paper', members: [{ name: 'Chủ tịch Hội đồng', role: 'chair' }], candidates: [{ personId: (await makePerson(ctx.db, { unitId: w.a1 })).id, awardCode: 'advanced_worker' }] },
    }),
  },
  { name: 'GET /decisions', permission: 'decision.read', request: async () => ({ method: 'GET', url: '/api/v1/decisions' }) },
  {
    name: 'POST /decisions', permission: 'decision.issue',
    request: async () => ({
      method: 'POST', url: '/api/v1/decisions',
      payload: { authorityUnitId: w.a, kind: 'QĐ-UBND', awardCode: 'advanced_worker', awardType: 'merit', periodFrom: 2025, periodTo: 2025, awardees: [{ personId: (await makePerson(ctx.db, { unitId: w.a1 })).id }] },
    }),
  },
  // Documents, certificates, reward money, revocation (issue 13). Each request has its own issued decision.
  {
    name: 'POST /decisions/:id/revocations', permission: 'decision.revoke',
    request: async () => {
      const d = await issuedDecision();
      return { method: 'POST', url: `/api/v1/decisions/${d.id}/revocations`, payload: { version: d.version, ground: 'fraudulent_declaration', reason: 'Kê khai không trung thực', legalBasis: 'Điều 93 Luật Thi đua, khen thưởng', decidedOn: d.decidedOn, signerName: 'Nguyễn Văn Ký' } };
    },
  },
  { name: 'PUT /rewards/funds/:unit/:year', permission: 'reward.manage', request: async () => ({ method: 'PUT', url: `/api/v1/rewards/funds/${await makeUnit(ctx.db, { parentId: w.a })}/2026`, payload: { budget: 50_000_000, version: 0 } }) },
  { name: 'POST /certificates/calibrations', permission: 'certificate.print', request: async () => ({ method: 'POST', url: '/api/v1/certificates/calibrations', payload: { ownerUnitId: w.a, printer: `Máy in ${uniqueCode()}`, blankCode: 'certificate_of_merit_a3', offsetXMm: 1.5, offsetYMm: -2 } }) },
  { name: 'POST /document-wordings', permission: 'document.template', request: async () => ({ method: 'POST', url: '/api/v1/document-wordings', payload: { unitId: await makeUnit(ctx.db, { parentId: w.a }) } }) },
  { name: 'GET /decisions/:id/certificates', permission: 'decision.read', request: async () => ({ method: 'GET', url: `/api/v1/decisions/${(await issuedDecision()).id}/certificates` }) },
  { name: 'GET /decisions/:id/document/file', permission: 'decision.read', request: async () => ({ method: 'GET', url: `/api/v1/decisions/${(await issuedDecision()).id}/document/file?format=docx` }) },
  { name: 'GET /dossiers', permission: 'dossier.read', request: async () => ({ method: 'GET', url: '/api/v1/dossiers' }) },
  {
    name: 'POST /dossiers', permission: 'dossier.write',
    request: async () => ({
      method: 'POST', url: '/api/v1/dossiers',
      payload: { title: 'Đề nghị khen thưởng thử', awardType: 'merit', awardCode: 'advanced_worker', year: 2025, senderUnitId: w.a1, receiverUnitId: w.a, nominees: [{ personId: (await makePerson(ctx.db, { unitId: w.a1 })).id }] },
    }),
  },
];

const sessions = new Map<Role, string>();
const userIds: number[] = [];
// Writes by this file's users, or to their accounts: other files share the PostgreSQL test database and write too.
const ownAudit = () => ctx.db.query('select count(*)::int as n, max(id) as last from audit_log where actor_id = any($1::bigint[]) or (entity = $2 and entity_id = any($3::text[]))', [userIds, 'app_user', userIds.map(String)]);
beforeAll(async () => {
  for (const role of ROLES) {
    const user = await makeUser(ctx.db, [{ role, orgUnitId: w.a }]);
    sessions.set(role, user.cookie);
    userIds.push(user.id);
  }
});

describe.each(ROUTES)('$name', (route) => {
  it.each(ROLES)('as %s bound to a branch: allowed exactly when the policy says so', async (role) => {
    const res = await call(ctx.app, sessions.get(role) as string, await route.request());
    const allowed = POLICY[route.permission].includes(role);
    if (allowed) expect(res.statusCode, res.body).toBeLessThan(300);
    else expect(res.statusCode, res.body).toBe(403);
  });

  it('anonymous: 401', async () => {
    expect((await call(ctx.app, null, await route.request())).statusCode).toBe(401);
  });
});

describe('guessed ids from the other branch', () => {
  const foreign = () => [
    { permission: 'org.read' as Permission, method: 'GET' as const, url: `/api/v1/org/units/${w.b1}` },
    { permission: 'org.read' as Permission, method: 'GET' as const, url: `/api/v1/units/${w.b1}/records` },
    { permission: 'org.write' as Permission, method: 'PATCH' as const, url: `/api/v1/org/units/${w.b1}`, payload: { version: 1, effectiveOn: '2026-01-01', name: 'X' } },
    { permission: 'org.write' as Permission, method: 'POST' as const, url: `/api/v1/org/units/${w.b1}/dissolve`, payload: { version: 1, effectiveOn: '2026-01-01' } },
    { permission: 'org.write' as Permission, method: 'POST' as const, url: '/api/v1/org/merges', payload: { sourceIds: [w.b1], target: { unitId: w.a1 }, effectiveOn: '2026-01-01' } },
    { permission: 'people.read' as Permission, method: 'GET' as const, url: `/api/v1/people/${w.personB.id}` },
    { permission: 'people.write' as Permission, method: 'PATCH' as const, url: `/api/v1/people/${w.personB.id}`, payload: { version: 1, fullName: 'X' } },
    { permission: 'people.write' as Permission, method: 'POST' as const, url: `/api/v1/people/${w.personB.id}/transfers`, payload: { version: 1, ...employment(w.a1), fromDate: '2026-01-01' } },
    { permission: 'eligibility.read' as Permission, method: 'GET' as const, url: `/api/v1/people/${w.personB.id}/eligibility` },
    { permission: 'eligibility.read' as Permission, method: 'GET' as const, url: `/api/v1/units/${w.b1}/eligibility` },
    { permission: 'eligibility.read' as Permission, method: 'GET' as const, url: `/api/v1/discovery?unitId=${w.b1}` },
    { permission: 'eligibility.read' as Permission, method: 'POST' as const, url: '/api/v1/eligibility/batch', payload: { items: [{ personId: w.personB.id, award: 'advanced_worker' }] } },
    { permission: 'quota.manage' as Permission, method: 'POST' as const, url: '/api/v1/quotas', payload: { award: 'advanced_worker', unitId: w.b1, max: 3, basis: 'Thử' } },
  ];

  // Holding the permission but not the unit: 404 (existence does not leak). Not holding it at all: 403.
  it.each(ROLES)('as %s of branch A: 404 (or 403 without the permission), and nothing changes', async (role) => {
    const before = await ownAudit();
    for (const { permission, ...req } of foreign()) {
      const res = await call(ctx.app, sessions.get(role) as string, req);
      expect(res.statusCode, `${req.method} ${req.url}: ${res.body}`).toBe(POLICY[permission].includes(role) ? 404 : 403);
    }
    const after = await ownAudit();
    expect(after).toEqual(before);
  });
});

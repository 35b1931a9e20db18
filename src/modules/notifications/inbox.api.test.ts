import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makeUser, makeWorld } from '../../../tests/support/factories.ts';
import { inScope } from '../auth/scope.ts';
import { type InboxItem, registerInboxSource } from './inbox.ts';

/**
 * A source as a module above would write one: what waits for the user is counted within the user's scope for a
 * permission, with deadlines. Here the "work" is a fixed list of items on the world's units.
 */
let world: Awaited<ReturnType<typeof makeWorld>>;
const TODAY = '2026-12-07';
const work = () => [
  { unitId: world.a1, dueOn: '2026-12-01', title: 'Hồ sơ quá hạn của trường' },
  { unitId: world.a, dueOn: '2026-12-20', title: 'Hồ sơ của phường' },
  { unitId: world.b1, dueOn: '2026-11-30', title: 'Hồ sơ của trạm y tế' },
  { unitId: world.a, dueOn: null, title: 'Đăng ký chưa hạn' },
  ...Array.from({ length: 60 }, (_, i) => ({ unitId: world.b, dueOn: '2027-01-15', title: `Việc số ${i + 1}` })),
];

registerInboxSource('test.appraise', async (_q, _user, scopeFor) => {
  const scope = await scopeFor('dossier.appraise');
  const mine = work().map((w, i) => ({ ...w, id: i + 1 })).filter((w) => inScope(scope, w.unitId));
  const items: InboxItem[] = mine.map((w) => ({
    kind: 'dossier.to_appraise', entity: 'dossier', entityId: w.id, title: w.title, unitId: w.unitId, unitName: null,
    dueOn: w.dueOn, overdue: w.dueOn !== null && w.dueOn < TODAY, link: `/dossiers/${w.id}`,
  }));
  return { kind: 'dossier.to_appraise', label: { vi: 'Hồ sơ chờ thẩm định', en: 'Dossiers to appraise' }, count: items.length, overdue: items.filter((i) => i.overdue).length, items };
});
registerInboxSource('test.write', async (_q, _user, scopeFor) => {
  const scope = await scopeFor('dossier.write');
  const mine = work().filter((w) => w.unitId === world.a && inScope(scope, w.unitId));
  return [
    { kind: 'dossier.to_fix', count: mine.length, overdue: 0, items: mine.map((w, i) => ({ kind: 'dossier.to_fix', entity: 'dossier', entityId: 100 + i, title: w.title, unitId: w.unitId, unitName: 'Phường Ánh Dương', dueOn: w.dueOn, overdue: false, link: `/dossiers/${100 + i}` })) },
    { kind: 'dossier.nothing', count: 0, overdue: 0, items: [] },
  ];
});
registerInboxSource('test.broken', async () => {
  throw new Error('a bug in one module');
});

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  world = await makeWorld(ctx.db);
});
afterAll(async () => ctx?.close());

const inbox = (cookie: string | null, locale = 'vi') => call(ctx.app, cookie, { method: 'GET', url: '/api/v1/inbox', headers: { 'accept-language': locale } });

describe('GET /inbox', () => {
  it('gathers every source for the user, within their scopes, counts and overdue, items by due date', async () => {
    const res = await inbox(world.board.cookie);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const appraise = body.groups.find((g: { source: string }) => g.source === 'test.appraise');
    expect(appraise).toMatchObject({ kind: 'dossier.to_appraise', label: 'Hồ sơ chờ thẩm định', count: 64, overdue: 2 });
    expect(appraise.items).toHaveLength(50);
    expect(appraise.items.slice(0, 3).map((i: InboxItem) => [i.dueOn, i.overdue])).toEqual([['2026-11-30', true], ['2026-12-01', true], ['2026-12-20', false]]);
    expect(appraise.items.some((i: InboxItem) => i.dueOn === null)).toBe(false); // no deadline: last, past the first 50
    const fix = body.groups.find((g: { source: string }) => g.source === 'test.write');
    expect(fix).toMatchObject({ kind: 'dossier.to_fix', label: null, count: 2 });
    expect(fix.items.map((i: InboxItem) => i.dueOn)).toEqual(['2026-12-20', null]);
    // Empty groups and the broken source are left out; the rest still answers.
    expect(body.groups.map((g: { kind: string }) => g.kind).sort()).toEqual(['dossier.to_appraise', 'dossier.to_fix']);
    expect(body).toMatchObject({ total: 66, overdue: 2 });
  });

  it('shows an officer only their branch, and nothing to whom nothing waits', async () => {
    const body = (await inbox(world.officerA.cookie)).json();
    expect(body.groups.map((g: { kind: string; count: number }) => [g.kind, g.count])).toEqual([['dossier.to_fix', 2]]);
    const viewer = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: world.b }]);
    expect((await inbox(viewer.cookie)).json()).toEqual({ groups: [], total: 0, overdue: 0 });
  });

  it('speaks the user’s language and refuses the signed-out', async () => {
    const en = await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: world.top }]);
    await ctx.db.query("update app_user set locale = 'en' where id = $1", [en.id]);
    const body = (await inbox(en.cookie)).json();
    expect(body.groups.find((g: { source: string }) => g.source === 'test.appraise').label).toBe('Dossiers to appraise');
    expect((await inbox(null)).statusCode).toBe(401);
  });
});

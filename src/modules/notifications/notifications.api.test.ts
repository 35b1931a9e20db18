import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makeUser, makeWorld } from '../../../tests/support/factories.ts';
import { defineNotificationKind } from './kinds.ts';
import { notify, usersWithPermissionOver } from './notify.ts';

defineNotificationKind('test.dossier_returned', {
  vi: 'Hồ sơ {code} bị trả lại: {reason}',
  en: 'Dossier {code} was returned: {reason}',
});

let ctx: TestContext;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  ctx = await createTestContext();
  world = await makeWorld(ctx.db);
});
afterAll(async () => ctx?.close());

const list = (cookie: string, query = '') => call(ctx.app, cookie, { method: 'GET', url: `/api/v1/notifications${query}` });

describe('in-app notifications', () => {
  it('writes one per recipient in the caller’s transaction, each user sees only their own, in their language', async () => {
    const a = await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: world.a }]);
    const b = await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: world.b }]);
    await ctx.db.query("update app_user set locale = 'en' where id = $1", [b.id]);
    await ctx.db.tx((q) => notify(q, { userIds: [a.id, b.id, a.id], kind: 'test.dossier_returned', params: { code: 'HS-7', reason: 'thiếu biên bản' }, link: '/dossiers/7', entity: 'dossier', entityId: 7 }));

    const mine = await list(a.cookie);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ unread: 1, items: [{ kind: 'test.dossier_returned', text: 'Hồ sơ HS-7 bị trả lại: thiếu biên bản', link: '/dossiers/7', entity: 'dossier', entityId: 7, readAt: null }] });
    const theirs = (await list(b.cookie)).json();
    expect(theirs.items).toHaveLength(1);
    expect(theirs.items[0].text).toBe('Dossier HS-7 was returned: thiếu biên bản');
    expect(theirs.items[0].id).not.toBe(mine.json().items[0].id);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const a = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: world.a }]);
    await expect(ctx.db.tx(async (q) => {
      await notify(q, { userIds: [a.id], kind: 'test.dossier_returned', params: { code: 'HS-8', reason: 'x' } });
      throw new Error('the transition failed');
    })).rejects.toThrow(/transition failed/);
    expect((await list(a.cookie)).json()).toEqual({ items: [], unread: 0 });
  });

  it('marks read only one’s own, the ones given or all, and pages by id', async () => {
    const a = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: world.a }]);
    const b = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: world.a }]);
    for (let i = 1; i <= 3; i++) await ctx.db.tx((q) => notify(q, { userIds: [a.id, b.id], kind: 'test.dossier_returned', params: { code: `HS-${i}`, reason: 'r' } }));
    const items = (await list(a.cookie)).json().items as { id: number; text: string }[];
    expect(items.map((i) => i.text)).toEqual(['Hồ sơ HS-3 bị trả lại: r', 'Hồ sơ HS-2 bị trả lại: r', 'Hồ sơ HS-1 bị trả lại: r']);
    const page2 = (await list(a.cookie, `?limit=1&before=${items[0].id}`)).json();
    expect(page2.items.map((i: { id: number }) => i.id)).toEqual([items[1].id]);

    const bIds = ((await list(b.cookie)).json().items as { id: number }[]).map((i) => i.id);
    // a marks one of its own and one of b's: b's is not touched.
    const read = await call(ctx.app, a.cookie, { method: 'POST', url: '/api/v1/notifications/read', payload: { ids: [items[0].id, bIds[0]] } });
    expect(read.json()).toEqual({ unread: 2 });
    expect((await list(b.cookie)).json().unread).toBe(3);
    expect((await list(a.cookie, '?unreadOnly=true')).json().items).toHaveLength(2);
    expect((await call(ctx.app, a.cookie, { method: 'POST', url: '/api/v1/notifications/read', payload: {} })).json()).toEqual({ unread: 0 });
    expect((await list(b.cookie)).json().unread).toBe(3);
  });

  it('refuses the signed-out, an undeclared kind and a link off the app', async () => {
    expect((await call(ctx.app, null, { method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
    expect((await call(ctx.app, null, { method: 'POST', url: '/api/v1/notifications/read', payload: {} })).statusCode).toBe(401);
    await expect(ctx.db.tx((q) => notify(q, { userIds: [world.admin.id], kind: 'test.nope' }))).rejects.toThrow(/not declared/);
    for (const link of ['//evil.example/x', 'javascript:alert(1)', 'https://evil.example']) {
      await expect(ctx.db.tx((q) => notify(q, { userIds: [world.admin.id], kind: 'test.dossier_returned', link }))).rejects.toThrow(/app path/);
    }
  });
});

describe('usersWithPermissionOver', () => {
  it('finds those holding the permission on the unit or an ancestor, and not disabled accounts', async () => {
    const leaderA1 = await makeUser(ctx.db, [{ role: 'unit_leader', orgUnitId: world.a1 }]);
    const leaderB = await makeUser(ctx.db, [{ role: 'unit_leader', orgUnitId: world.b }]);
    const disabled = await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: world.a }]);
    await ctx.db.query('update app_user set disabled = true where id = $1', [disabled.id]);

    const writers = await usersWithPermissionOver(ctx.db, 'dossier.write', world.a1);
    expect(writers).toEqual(expect.arrayContaining([world.officerA.id, world.board.id, world.admin.id]));
    expect(writers).not.toContain(world.viewerA.id);
    expect(writers).not.toContain(disabled.id);
    expect(writers).not.toContain(leaderA1.id); // unit_leader does not write dossiers
    const deciders = await usersWithPermissionOver(ctx.db, 'dossier.decide', world.a1);
    expect(deciders).toContain(leaderA1.id);
    expect(deciders).not.toContain(leaderB.id); // another branch
    expect(await usersWithPermissionOver(ctx.db, 'dossier.decide', world.a)).not.toContain(leaderA1.id); // below, not above
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeWorld } from '../../../tests/support/factories.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeWorld(ctx.db);
});
afterAll(() => ctx.close());

const post = (cookie: string, url: string, payload: object) => call(ctx.app, cookie, { method: 'POST', url: `/api/v1${url}`, payload });
const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url: `/api/v1${url}` });
const fighterCriterion = async (personId: number) => {
  const panel = (await get(w.officerA.cookie, `/people/${personId}/eligibility?asOf=2026-01-10&year=2025`)).json();
  const fighter = panel.results.find((r: { award: string }) => r.award === 'grassroots_emulation_fighter');
  return fighter.criteria.find((c: { id: string }) => c.id === 'excellent_or_initiative') as { status: string; reason: string };
};

describe('a person\'s works (initiatives, science projects)', () => {
  it('records an initiative the council recognised, and the engine counts it at once', async () => {
    const p = await makePerson(ctx.db, { unitId: w.a1, fullName: 'Lê Thị Sáng Kiến', gender: 'female', fromDate: '2018-01-01' });
    await ctx.db.query("insert into person_year_rating (person_id, year, rating) values ($1, 2025, 'good')", [p.id]);
    await ctx.db.query("insert into person_title (person_id, year, title_code) values ($1, 2025, 'advanced_worker')", [p.id]);
    expect((await fighterCriterion(p.id)).status).not.toBe('met');

    const added = await post(w.officerA.cookie, `/people/${p.id}/works`, { kind: 'initiative', year: 2025, name: 'Số hoá hồ sơ một cửa', scope: 'grassroots', recognisedOn: '2025-11-20' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ kind: 'initiative', year: 2025, name: 'Số hoá hồ sơ một cửa', scope: 'grassroots', recognisedOn: '2025-11-20', revokedOn: null });
    expect((await fighterCriterion(p.id)).status).toBe('met');
    const [entry] = await ctx.db.query<{ action: string; after: { name: string } }>("select action, after from audit_log where entity = 'person' and entity_id = $1 order by id desc limit 1", [String(p.id)]);
    expect(entry).toMatchObject({ action: 'person.initiative.add', after: { name: 'Số hoá hồ sơ một cửa' } });

    // Withdrawn (recognised in error): it no longer counts from that day, and stays listed with the date.
    const withdrawn = await post(w.officerA.cookie, `/people/${p.id}/works/initiative/${added.json().id}/withdraw`, { on: '2026-01-05' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await fighterCriterion(p.id)).status).not.toBe('met');
    const list = (await get(w.viewerA.cookie, `/people/${p.id}/works`)).json();
    expect(list.items).toEqual([expect.objectContaining({ name: 'Số hoá hồ sơ một cửa', revokedOn: '2026-01-05' })]);
    const again = await post(w.officerA.cookie, `/people/${p.id}/works/initiative/${added.json().id}/withdraw`, { on: '2026-01-06' });
    expect(again.statusCode).toBe(400);
  });

  it('records an accepted science project; refuses a duplicate and a recognition before the year, naming the field', async () => {
    const p = await makePerson(ctx.db, { unitId: w.a1, fullName: 'Phạm Văn Đề Tài' });
    const science = await post(w.officerA.cookie, `/people/${p.id}/works`, { kind: 'science', year: 2024, name: 'Đề tài cấp cơ sở về cải cách hành chính', scope: 'grassroots', accepted: true });
    expect(science.statusCode, science.body).toBe(201);
    expect(science.json()).toMatchObject({ kind: 'science', accepted: true });
    const duplicate = await post(w.officerA.cookie, `/people/${p.id}/works`, { kind: 'science', year: 2024, name: 'ĐỀ TÀI CẤP CƠ SỞ VỀ CẢI CÁCH HÀNH CHÍNH', scope: 'grassroots' });
    expect(duplicate.statusCode).toBe(400);
    expect(JSON.stringify(duplicate.json().error.details)).toContain('name');
    const early = await post(w.officerA.cookie, `/people/${p.id}/works`, { kind: 'initiative', year: 2025, name: 'Sáng kiến ghi sớm', scope: 'grassroots', recognisedOn: '2024-12-31' });
    expect(early.statusCode).toBe(400);
    expect(JSON.stringify(early.json().error.details)).toContain('recognisedOn');
  });

  it('is written only by people.write in scope: a viewer 403, another branch 404', async () => {
    const body = { kind: 'initiative', year: 2025, name: 'Sáng kiến thử quyền', scope: 'grassroots' };
    expect((await post(w.viewerA.cookie, `/people/${w.personA.id}/works`, body)).statusCode).toBe(403);
    expect((await post(w.officerA.cookie, `/people/${w.personB.id}/works`, body)).statusCode).toBe(404);
    expect((await get(w.officerA.cookie, `/people/${w.personB.id}/works`)).statusCode).toBe(404);
  });
});

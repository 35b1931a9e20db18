import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { registrationsOf } from './registrations.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const get = (cookie: string, url: string) => call(ctx.app, cookie, { method: 'GET', url: `/api/v1${url}` });
const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload: unknown) => call(ctx.app, cookie, { method, url: `/api/v1${url}`, payload: payload as object });

/** A city, a ward under it with a school, their officers and the city's Board (the level above the ward). */
async function tree(name: string) {
  const city = await makeUnit(ctx.db, { kind: 'city_committee', name: `Thành phố ${name}` });
  const ward = await makeUnit(ctx.db, { parentId: city, kind: 'ward', name });
  const school = await makeUnit(ctx.db, { parentId: ward, kind: 'public_service_unit', name: `Trường ${name}` });
  const teacher = await makePerson(ctx.db, { unitId: school, fullName: 'Vũ Thị Giáo Viên', gender: 'female' });
  const wardOfficer = await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: ward }]);
  const schoolOfficer = await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: school }]);
  const wardHead = await makeUser(ctx.db, [{ role: 'unit_leader', orgUnitId: ward }]);
  const board = await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: city }]);
  return { city, ward, school, teacher, wardOfficer, schoolOfficer, wardHead, board };
}

describe('registration of emulation targets (đăng ký thi đua)', () => {
  it('a unit registers, the level above returns it with a reason, the unit fixes and resubmits, the level above approves', async () => {
    const t = await tree('Phường Đăng Ký');
    const saved = await send(t.schoolOfficer.cookie, 'PUT', '/registrations', {
      unitId: t.school, year: 2027, targets: 'Hoàn thành 100% chỉ tiêu; 90% học sinh khá giỏi',
      items: [{ subjectKind: 'collective', awardCode: 'advanced_labor_collective' }, { subjectKind: 'individual', personId: t.teacher.id, awardCode: 'advanced_worker', target: 'Giáo viên dạy giỏi cấp phường' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', items: [{ subjectKind: 'collective', subjectUnitId: t.school }, { subjectKind: 'individual', personId: t.teacher.id }] });
    const submitted = await send(t.schoolOfficer.cookie, 'POST', `/registrations/${saved.json().id}/submit`, { version: saved.json().version });
    expect(submitted.json().status).toBe('submitted');

    // It waits in the inbox of the level above, not in the school's.
    const inbox = async (cookie: string) => ((await get(cookie, '/inbox')).json().groups as { kind: string; items: { entityId: number; link: string }[] }[]).find((g) => g.kind === 'registration.to_approve')?.items ?? [];
    expect(await inbox(t.wardHead.cookie)).toEqual([expect.objectContaining({ entityId: saved.json().id, link: `/registrations?unitId=${t.school}&year=2027` })]);
    expect(await inbox(t.schoolOfficer.cookie)).toEqual([]);
    // The school's own officer cannot approve its registration; the ward (the level above) can.
    const self = await send(t.schoolOfficer.cookie, 'POST', `/registrations/${saved.json().id}/approve`, { version: submitted.json().version });
    expect(self.statusCode).toBe(403);
    const noReason = await send(t.wardHead.cookie, 'POST', `/registrations/${saved.json().id}/return`, { version: submitted.json().version });
    expect(noReason.statusCode).toBe(400);
    const returned = await send(t.wardHead.cookie, 'POST', `/registrations/${saved.json().id}/return`, { version: submitted.json().version, reason: 'Thiếu chỉ tiêu về chuyển đổi số' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: 'Thiếu chỉ tiêu về chuyển đổi số' });
    const again = await send(t.wardHead.cookie, 'POST', `/registrations/${saved.json().id}/approve`, { version: returned.json().version });
    expect(again.json().error).toMatchObject({ code: 'REGISTRATION_STATE', details: { status: 'returned', action: 'approve' } });

    const fixed = await send(t.schoolOfficer.cookie, 'PUT', '/registrations', {
      unitId: t.school, year: 2027, version: returned.json().version, targets: 'Hoàn thành 100% chỉ tiêu; chuyển đổi số 100% hồ sơ',
      items: [{ subjectKind: 'collective', awardCode: 'advanced_labor_collective' }, { subjectKind: 'individual', personId: t.teacher.id, awardCode: 'advanced_worker' }],
    });
    expect(fixed.json()).toMatchObject({ status: 'draft', returnReason: null });
    const resubmitted = await send(t.schoolOfficer.cookie, 'POST', `/registrations/${saved.json().id}/submit`, { version: fixed.json().version });
    const approved = await send(t.wardHead.cookie, 'POST', `/registrations/${saved.json().id}/approve`, { version: resubmitted.json().version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect(await inbox(t.wardHead.cookie)).toEqual([]);

    expect(await registrationsOf(ctx.db, { unitIds: [t.school], year: 2027 })).toEqual([
      { unitId: t.school, subjectKind: 'collective', personId: null, subjectUnitId: t.school, awardCode: 'advanced_labor_collective', status: 'approved' },
      { unitId: t.school, subjectKind: 'individual', personId: t.teacher.id, subjectUnitId: null, awardCode: 'advanced_worker', status: 'approved' },
    ]);
    const log = await ctx.db.query<{ action: string }>("select action from audit_log where entity = 'emulation_registration' and entity_id = $1 order by id", [String(saved.json().id)]);
    expect(log.map((l) => l.action)).toEqual(['registration.create', 'registration.submit', 'registration.return', 'registration.update', 'registration.submit', 'registration.approve']);
  });

  it('rolls up the tree: the ward sees its subtree\'s totals by title', async () => {
    const t = await tree('Phường Tổng Hợp');
    await send(t.wardOfficer.cookie, 'PUT', '/registrations', { unitId: t.ward, year: 2027, items: [{ subjectKind: 'collective', awardCode: 'advanced_labor_collective' }] });
    const s = await send(t.schoolOfficer.cookie, 'PUT', '/registrations', {
      unitId: t.school, year: 2027, items: [{ subjectKind: 'collective', awardCode: 'advanced_labor_collective' }, { subjectKind: 'individual', personId: t.teacher.id, awardCode: 'advanced_worker' }],
    });
    const sub = await send(t.schoolOfficer.cookie, 'POST', `/registrations/${s.json().id}/submit`, { version: s.json().version });
    await send(t.wardHead.cookie, 'POST', `/registrations/${s.json().id}/approve`, { version: sub.json().version });
    const page = await get(t.board.cookie, `/registrations?unitId=${t.ward}&year=2027`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().subtree.map((r: { unitId: number; status: string }) => [r.unitId, r.status]).sort()).toEqual([[t.school, 'approved'], [t.ward, 'draft']].sort());
    expect(page.json().totals).toEqual([
      { awardCode: 'advanced_labor_collective', awardName: expect.any(String), subjectKind: 'collective', count: 2, approved: 1 },
      { awardCode: 'advanced_worker', awardName: expect.any(String), subjectKind: 'individual', count: 1, approved: 1 },
    ]);
    expect(page.json().actions).toEqual({ canWrite: true, canApprove: true });
    // The school sees only itself.
    const own = (await get(t.schoolOfficer.cookie, `/registrations?unitId=${t.school}&year=2027`)).json();
    expect(own.subtree).toHaveLength(1);
    expect((await get(t.schoolOfficer.cookie, `/registrations?unitId=${t.ward}&year=2027`)).statusCode).toBe(404);
  });

  it('refuses an unknown title, a title for the wrong kind of subject, and a person outside the writer\'s scope', async () => {
    const t = await tree('Phường Đăng Ký Sai');
    const other = await tree('Phường Khác Đăng Ký');
    const res = await send(t.schoolOfficer.cookie, 'PUT', '/registrations', {
      unitId: t.school, year: 2027,
      items: [{ subjectKind: 'individual', personId: t.teacher.id, awardCode: 'no_such_award' }, { subjectKind: 'individual', personId: t.teacher.id, awardCode: 'advanced_labor_collective' }, { subjectKind: 'individual', personId: other.teacher.id, awardCode: 'advanced_worker' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues.map((i: { field: string; rule: string }) => `${i.field} ${i.rule}`)).toEqual(['items.0.awardCode invalid_value', 'items.1.awardCode invalid_value', 'items.2.personId subject_out_of_scope']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { loadSheets } from './sheets.ts';

let ctx: TestContext;
let top: number;
let w: number[]; // w[1..4]: members; w[1] heads, w[2] deputises
let other: number;
let board: string;
let boardLeader: { id: number; cookie: string };
let admin: string;
const off: string[] = [];
let viewer: string;
let outsider: string;
let clusterId: number;

const url = (p: string) => `/api/v1${p}`;
const post = (cookie: string, p: string, payload: object = {}) => call(ctx.app, cookie, { method: 'POST', url: url(p), payload });
const put = (cookie: string, p: string, payload: object) => call(ctx.app, cookie, { method: 'PUT', url: url(p), payload });
const get = (cookie: string, p: string) => call(ctx.app, cookie, { method: 'GET', url: url(p) });
const err = (res: { json: () => { error: { code: string; details?: Record<string, unknown> } } }) => res.json().error;

beforeAll(async () => {
  ctx = await createTestContext();
  top = await makeUnit(ctx.db, { kind: 'city_committee', name: 'UBND thành phố thử cụm' });
  w = [0];
  for (const n of ['Phường Một', 'Phường Hai', 'Phường Ba', 'Xã Bốn']) w.push(await makeUnit(ctx.db, { parentId: top, kind: 'ward', name: n }));
  other = await makeUnit(ctx.db, { parentId: top, kind: 'commune', name: 'Xã Ngoài Cụm' });
  board = (await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: top }])).cookie;
  admin = (await makeUser(ctx.db, [{ role: 'system_admin', orgUnitId: top }])).cookie;
  boardLeader = await makeUser(ctx.db, [{ role: 'board_leader', orgUnitId: top }]);
  off[0] = '';
  for (let i = 1; i <= 4; i++) off[i] = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: w[i] }])).cookie;
  viewer = (await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: w[3] }])).cookie;
  outsider = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: other }])).cookie;
});
afterAll(() => ctx.close());

type Entry = { criterion: string; points?: number; count?: number; passed?: boolean };
const sheetOf = (targets: number, deadline: boolean, models: number, reports: number, bonus: number): Entry[] => [
  { criterion: 'tasks.targets', points: targets }, { criterion: 'tasks.deadline', passed: deadline }, { criterion: 'emulation.covenant', passed: true },
  { criterion: 'emulation.models', count: models }, { criterion: 'emulation.reports', points: reports }, { criterion: 'bonus.flags', points: bonus },
];

async function card(unit: number, year = 2025) {
  const res = await get(board, `/clusters/${clusterId}/years/${year}/scores/${unit}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('scoring sheets as data', () => {
  it('a mistake in the sheet file names the file and line', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'sheets-'));
    const file = join(dir, 'sheets.yaml');
    writeFileSync(file, 'sheets:\n  - id: s1\n    name: Thử\n    from: 2025-01-01\n    tie_break: [nope]\n    criteria:\n      - code: a\n        name: A\n        children:\n          - { code: a.x, name: X, kind: pass_fail, max: 10 }\n');
    expect(() => loadSheets(new URL(`file://${file}`))).toThrow(/sheets\.yaml.*5|line 5/);
    writeFileSync(file, 'sheets:\n  - id: s1\n    name: Thử\n    from: 2025-01-01\n    tie_break: []\n    criteria:\n      - code: a\n        name: A\n        children:\n          - { code: a.x, name: X, kind: per_occurrence, each: 2 }\n');
    expect(() => loadSheets(new URL(`file://${file}`))).toThrow(/sheets\.yaml/);
  });
});

describe('set-up, members and rotation', () => {
  it('only the Board sets up a cluster; members, head and deputy per year, with the history of rotations', async () => {
    const denied = await post(off[1], '/clusters', { kind: 'cluster', name: 'Cụm thi đua số 1', authorityUnitId: top, sheetId: 'hn_cluster_2025' });
    expect(denied.statusCode).toBe(403);
    const badSheet = await post(board, '/clusters', { kind: 'cluster', name: 'Cụm thi đua số 1', authorityUnitId: top, sheetId: 'no_such' });
    expect(badSheet.statusCode).toBe(400);
    const created = await post(board, '/clusters', { kind: 'cluster', name: 'Cụm thi đua số 1', authorityUnitId: top, sheetId: 'hn_cluster_2025', flagCount: 1, meritCount: 2 });
    expect(created.statusCode, created.body).toBe(201);
    clusterId = created.json().cluster.id;
    let version = created.json().cluster.version;
    const notMember = await put(board, `/clusters/${clusterId}/years/2025`, { version, memberUnitIds: [w[1], w[2]], headUnitId: w[3], deputyUnitId: w[2] });
    expect(err(notMember)).toMatchObject({ code: 'CLUSTER_NOT_MEMBER', details: { field: 'headUnitId' } });
    const y25 = await put(board, `/clusters/${clusterId}/years/2025`, { version, memberUnitIds: [w[1], w[2], w[3], w[4]], headUnitId: w[1], deputyUnitId: w[2] });
    expect(y25.statusCode, y25.body).toBe(200);
    version = y25.json().cluster.version;
    const stale = await put(board, `/clusters/${clusterId}/years/2026`, { version: version - 1, memberUnitIds: [w[1], w[2]], headUnitId: w[2], deputyUnitId: w[1] });
    expect(stale.statusCode).toBe(409);
    const y26 = await put(board, `/clusters/${clusterId}/years/2026`, { version, memberUnitIds: [w[1], w[2], w[3], w[4]], headUnitId: w[2], deputyUnitId: w[3] });
    expect(y26.statusCode, y26.body).toBe(200);
    const view = y26.json();
    expect(view.role).toMatchObject({ year: 2026, headUnitId: w[2], headName: 'Phường Hai', deputyUnitId: w[3] });
    expect(view.roleHistory.map((r: { year: number; headUnitId: number }) => [r.year, r.headUnitId])).toEqual([[2026, w[2]], [2025, w[1]]]);
    expect(view.members.filter((m: { active: boolean }) => m.active)).toHaveLength(4);
  });

  it('readers see a cluster only from its authority or a member; others get 404', async () => {
    expect((await get(viewer, `/clusters/${clusterId}/years/2025`)).statusCode).toBe(200);
    expect((await get(outsider, `/clusters/${clusterId}/years/2025`)).statusCode).toBe(404);
    const list = await get(outsider, '/clusters?year=2025');
    expect(list.json().items.map((c: { id: number }) => c.id)).not.toContain(clusterId);
    expect((await get(viewer, '/clusters?year=2025')).json().items.map((c: { id: number }) => c.id)).toContain(clusterId);
  });
});

describe('self-scoring → head → Board → publish', () => {
  it('a unit scores itself only, within each criterion\'s bounds (named), counts capped; a viewer cannot score', async () => {
    const c2 = await card(w[2]);
    const above = await put(off[2], `/clusters/${clusterId}/years/2025/scores/${w[2]}`, { version: c2.version, scores: [{ criterion: 'tasks.targets', points: 31 }] });
    expect(above.statusCode).toBe(400);
    expect(err(above)).toMatchObject({ code: 'CLUSTER_SCORE_ABOVE_MAX', details: { criterion: 'tasks.targets', name: 'Chỉ tiêu kinh tế - xã hội', max: 30, points: 31 } });
    const penalty = await put(off[2], `/clusters/${clusterId}/years/2025/scores/${w[2]}`, { version: c2.version, scores: [{ criterion: 'bonus.flags', points: -11 }] });
    expect(err(penalty)).toMatchObject({ code: 'CLUSTER_SCORE_ABOVE_MAX', details: { criterion: 'bonus.flags', min: -10 } });
    const halfPass = await put(off[2], `/clusters/${clusterId}/years/2025/scores/${w[2]}`, { version: c2.version, scores: [{ criterion: 'tasks.deadline', points: 5 }] });
    expect(err(halfPass).code).toBe('CLUSTER_SCORE_ABOVE_MAX');
    expect((await put(off[3], `/clusters/${clusterId}/years/2025/scores/${w[2]}`, { version: c2.version, scores: sheetOf(30, true, 5, 20, 5) })).statusCode).toBe(403);
    expect((await put(viewer, `/clusters/${clusterId}/years/2025/scores/${w[3]}`, { version: 1, scores: sheetOf(30, true, 5, 20, 5) })).statusCode).toBe(403);
    const outsiderScore = await put(outsider, `/clusters/${clusterId}/years/2025/scores/${other}`, { version: 1, scores: [] });
    expect(err(outsiderScore).code).toBe('CLUSTER_NOT_MEMBER');

    const incomplete = await put(off[4], `/clusters/${clusterId}/years/2025/scores/${w[4]}`, { version: (await card(w[4])).version, scores: [{ criterion: 'tasks.targets', points: 20 }] });
    expect(incomplete.statusCode).toBe(200);
    const early = await post(off[4], `/clusters/${clusterId}/years/2025/scores/${w[4]}/submit`, { version: incomplete.json().version });
    expect(err(early).code).toBe('VALIDATION_FAILED');

    const plan: Record<number, Entry[]> = { 1: sheetOf(28, true, 8, 18, 0), 2: sheetOf(30, true, 5, 20, 5), 3: sheetOf(25, true, 7, 20, 6), 4: sheetOf(20, false, 15, 15, -5) };
    for (let i = 1; i <= 4; i++) {
      const saved = await put(off[i], `/clusters/${clusterId}/years/2025/scores/${w[i]}`, { version: (await card(w[i])).version, scores: plan[i] });
      expect(saved.statusCode, saved.body).toBe(200);
      const sub = await post(off[i], `/clusters/${clusterId}/years/2025/scores/${w[i]}/submit`, { version: saved.json().version });
      expect(sub.statusCode, sub.body).toBe(200);
      expect(sub.json().state).toBe('submitted');
    }
    const c4 = await card(w[4]);
    expect(c4.total).toBe(60); // 20 + 0 + 10 + min(15×2, 20) + 15 − 5
    expect(c4.scores.find((s: { criterion: string }) => s.criterion === 'emulation.models').selfPoints).toBe(20);
    const late = await put(off[4], `/clusters/${clusterId}/years/2025/scores/${w[4]}`, { version: c4.version, scores: [{ criterion: 'tasks.targets', points: 25 }] });
    expect(err(late)).toMatchObject({ code: 'CLUSTER_STATE', details: { state: 'submitted' } });
  });

  it('the head verifies, never its own unit (the deputy does); changes need a reason and are audited', async () => {
    const other3 = await put(off[3], `/clusters/${clusterId}/years/2025/scores/${w[4]}/verification`, { version: (await card(w[4])).version, scores: [] });
    expect(other3.statusCode).toBe(403);
    const own = await put(off[1], `/clusters/${clusterId}/years/2025/scores/${w[1]}/verification`, { version: (await card(w[1])).version, scores: [] });
    expect(err(own).code).toBe('CLUSTER_OWN_UNIT');
    const byDeputy = await put(off[2], `/clusters/${clusterId}/years/2025/scores/${w[1]}/verification`, { version: (await card(w[1])).version, scores: [] });
    expect(byDeputy.statusCode, byDeputy.body).toBe(200);
    expect(byDeputy.json()).toMatchObject({ state: 'verified', total: 82 });
    const noReason = await put(off[1], `/clusters/${clusterId}/years/2025/scores/${w[4]}/verification`, { version: (await card(w[4])).version, scores: [{ criterion: 'bonus.flags', points: -10 }] });
    expect(err(noReason)).toMatchObject({ code: 'CLUSTER_REASON_REQUIRED', details: { field: 'reason' } });
    const changed = await put(off[1], `/clusters/${clusterId}/years/2025/scores/${w[4]}/verification`, { version: (await card(w[4])).version, scores: [{ criterion: 'bonus.flags', points: -10 }], reason: 'Hai báo cáo quá hạn' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().total).toBe(55);
    for (const u of [w[2], w[3]]) expect((await put(off[1], `/clusters/${clusterId}/years/2025/scores/${u}/verification`, { version: (await card(u)).version, scores: [] })).statusCode).toBe(200);
    const [entry] = await ctx.db.query<{ after: { reason: string; changes: unknown[] } }>("select after from audit_log where action = 'cluster.verify' and after->>'reason' is not null");
    expect(entry.after).toMatchObject({ reason: 'Hai báo cáo quá hạn', changes: [{ criterion: 'bonus.flags', before: -5, after: -10 }] });
  });

  it('a reviewer who declared a conflict is recused; the Board reviews, publishes and the cards lock', async () => {
    const declared = await post(boardLeader.cookie, `/clusters/${clusterId}/years/2025/conflicts`, { unitId: w[4], reason: 'Vợ công tác tại Xã Bốn' });
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json().conflicts).toEqual([{ userId: boardLeader.id, unitId: w[4], reason: 'Vợ công tác tại Xã Bốn' }]);
    const recused = await put(boardLeader.cookie, `/clusters/${clusterId}/years/2025/scores/${w[4]}/review`, { version: (await card(w[4])).version, scores: [] });
    expect(err(recused).code).toBe('CLUSTER_RECUSED');
    expect((await put(off[1], `/clusters/${clusterId}/years/2025/scores/${w[2]}/review`, { version: (await card(w[2])).version, scores: [] })).statusCode).toBe(403);
    const y = (await get(board, `/clusters/${clusterId}/years/2025`)).json();
    const early = await post(board, `/clusters/${clusterId}/years/2025/publish`, { version: y.cluster.version });
    expect(err(early).code).toBe('CLUSTER_STATE');
    for (const u of [w[1], w[2], w[3]]) expect((await put(boardLeader.cookie, `/clusters/${clusterId}/years/2025/scores/${u}/review`, { version: (await card(u)).version, scores: [] })).statusCode).toBe(200);
    const r4 = await put(board, `/clusters/${clusterId}/years/2025/scores/${w[4]}/review`, { version: (await card(w[4])).version, scores: [{ criterion: 'emulation.reports', points: 14 }], reason: 'Một báo cáo thiếu số liệu' });
    expect(r4.statusCode, r4.body).toBe(200);
    expect(r4.json().total).toBe(54);
    const published = await post(board, `/clusters/${clusterId}/years/2025/publish`, { version: y.cluster.version });
    expect(published.statusCode, published.body).toBe(200);
    const ranking = published.json();
    expect(ranking.published).toBe(true);
    expect(ranking.rows.map((r: { unitId: number; rank: number; total: number }) => [r.unitId, r.rank, r.total])).toEqual([[w[2], 1, 85], [w[3], 2, 85], [w[1], 3, 82], [w[4], 4, 54]]);
    expect(ranking.rows[0].tie).toEqual({ kind: 'broken', by: 'tasks', mine: 40, theirs: 35, otherUnitId: w[3] });
    expect(ranking.rows[0].explanation).toContain('Phường Ba');
    expect(ranking.rows[0].explanation).toContain('Thực hiện nhiệm vụ chính trị');
    const locked = await put(board, `/clusters/${clusterId}/years/2025/scores/${w[4]}/review`, { version: (await card(w[4])).version, scores: [{ criterion: 'emulation.reports', points: 15 }], reason: 'x' });
    expect(err(locked)).toMatchObject({ code: 'CLUSTER_STATE', details: { state: 'published' } });
  });

  it("shows each reviewer's spread of scores", async () => {
    const res = await get(viewer, `/clusters/${clusterId}/years/2025/spread`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { reviewerId: number; stage: string; n: number; meanChange: number }[];
    const leader = items.find((i) => i.reviewerId === boardLeader.id && i.stage === 'final');
    expect(leader?.n).toBe(18); // 3 cards × 6 criteria
    expect(leader?.meanChange).toBe(0);
    expect(items.filter((i) => i.stage === 'verified').reduce((n, i) => n + i.n, 0)).toBe(24);
  });

  it('proposes the leader for the flag and the next two for Bằng khen into dossiers in one step (idempotent)', async () => {
    expect((await post(off[1], `/clusters/${clusterId}/years/2025/proposals`)).statusCode).toBe(403);
    const res = await post(board, `/clusters/${clusterId}/years/2025/proposals`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { awardCode: string; dossierId: number; unitIds: number[] }[];
    expect(items.map((i) => [i.awardCode, i.unitIds])).toEqual([['ministerial_provincial_emulation_flag', [w[2]]], ['ministerial_provincial_certificate_of_merit', [w[3], w[1]]]]);
    const dossier = await get(board, `/dossiers/${items[0].dossierId}`);
    expect(dossier.statusCode, dossier.body).toBe(200);
    expect(JSON.stringify(dossier.json())).toContain('Phường Hai');
    const again = await post(board, `/clusters/${clusterId}/years/2025/proposals`);
    expect(again.json().items.map((i: { dossierId: number }) => i.dossierId)).toEqual(items.map((i) => i.dossierId));
    const unpublished = await post(board, `/clusters/${clusterId}/years/2026/proposals`);
    expect(err(unpublished).code).toBe('CLUSTER_STATE');
  });
});

describe('reorganisation', () => {
  it('a merger of two member units moves the membership of the current year to the successor; history kept', async () => {
    const a = await makeUnit(ctx.db, { parentId: top, kind: 'ward', name: 'Phường Sáp Nhập A' });
    const b = await makeUnit(ctx.db, { parentId: top, kind: 'ward', name: 'Phường Sáp Nhập B' });
    const c = await makeUnit(ctx.db, { parentId: top, kind: 'ward', name: 'Phường Giữ Nguyên' });
    const created = await post(board, '/clusters', { kind: 'block', name: 'Khối thử sáp nhập', authorityUnitId: top, sheetId: 'hn_cluster_2025' });
    const id = created.json().cluster.id;
    let version = created.json().cluster.version;
    for (const year of [2025, 2026]) {
      const r = await put(board, `/clusters/${id}/years/${year}`, { version, memberUnitIds: [a, b, c], headUnitId: a, deputyUnitId: c });
      expect(r.statusCode, r.body).toBe(200);
      version = r.json().cluster.version;
    }
    const merged = await post(admin, '/org/merges', { sourceIds: [a, b], target: { code: `AB${Date.now()}`, kind: 'ward', name: 'Phường Hợp Nhất AB' }, effectiveOn: '2026-07-01' });
    expect(merged.statusCode, merged.body).toBe(201);
    const successor = merged.json().id;
    const y26 = (await get(board, `/clusters/${id}/years/2026`)).json();
    const active = y26.members.filter((m: { active: boolean }) => m.active).map((m: { unitId: number }) => m.unitId).sort();
    expect(active).toEqual([c, successor].sort());
    const moved = y26.members.filter((m: { active: boolean }) => !m.active);
    expect(moved.map((m: { unitId: number; movedToUnitId: number; movedOn: string }) => [m.unitId, m.movedToUnitId, m.movedOn])).toEqual([[a, successor, '2026-07-01'], [b, successor, '2026-07-01']]);
    expect(y26.members.find((m: { unitId: number; active: boolean }) => m.unitId === successor && m.active)).toMatchObject({ movedFromUnitId: a, name: 'Phường Hợp Nhất AB' });
    expect(y26.cards.map((x: { unitId: number }) => x.unitId)).toContain(successor);
    const y25 = (await get(board, `/clusters/${id}/years/2025`)).json();
    expect(y25.members.filter((m: { active: boolean }) => m.active).map((m: { unitId: number }) => m.unitId).sort()).toEqual([a, b, c].sort());
    const [entry] = await ctx.db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'cluster.member_follow_merge'");
    expect(entry.n).toBe(2);
  });
});

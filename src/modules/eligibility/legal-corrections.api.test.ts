/**
 * The legal corrections of 2026-12-07 (law.md §0.0, "Corrections found 2026-12-07 from ministry answers") through
 * every way a user meets the engine: the CLI (`vinhdanh check`), the API check, and the stored data (the person's
 * panel and discovery). Each case says what the law says; the old engine refused the first four (a general
 * 10-month minimum of months at work), refused the collective as invalid input, and cited an uncertain basis.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import type { EligibilityInputRaw } from '../rules/contract.ts';

const bin = fileURLToPath(new URL('../../../bin/vinhdanh.js', import.meta.url));
const ASOF = '2026-01-15';
const YEAR = 2025;

let ctx: TestContext;
let officer: string;
let team: number;
let elsewhere: number;

beforeAll(async () => {
  ctx = await createTestContext();
  const top = await makeUnit(ctx.db, { name: 'Thành phố Đính chính' });
  team = await makeUnit(ctx.db, { parentId: top, name: 'Tổ Một cửa Đính chính', establishedOn: '2010-01-01' });
  elsewhere = await makeUnit(ctx.db, { parentId: top, name: 'Sở Tư pháp Đính chính', establishedOn: '2010-01-01' });
  officer = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: top }])).cookie;
});
afterAll(() => ctx.close());

type Subject = EligibilityInputRaw['subject'];
type Year = NonNullable<EligibilityInputRaw['years']>[number];
const subject = (over: Partial<Subject> = {}): Subject => ({ kind: 'individual', category: 'civil_servant', isLeader: false, underReview: false, ...over });
const ldtt = (subj: Subject, year: Partial<Year>): EligibilityInputRaw =>
  ({ award: 'advanced_worker', asOf: ASOF, subject: subj, years: [{ year: YEAR, rating: 'good', titles: [], ...year }] });

interface Case {
  name: string;
  input: EligibilityInputRaw;
  eligible: boolean | 'needs_review';
  /** A criterion (or sub-criterion) with this id must give this status and a reason containing `reason`. */
  criterion: { id: string; status: 'met' | 'unmet' | 'review'; reason?: RegExp; basis?: RegExp };
  stepsAway?: number;
}

const CASES: Case[] = [
  {
    name: 'new recruit at 5 months (01/08/2025) → not eligible',
    input: ldtt(subject({ startedOn: '2025-08-01', recruitedOn: '2025-08-01' }), { monthsWorked: 5 }),
    eligible: false, criterion: { id: 'new_recruit', status: 'unmet', reason: /01\/08\/2025.*5 tháng.*dưới 6 tháng/, basis: /TT 01\/2024\/TT-BNV, Điều 1 khoản 5 điểm d/ },
  },
  {
    name: 'new recruit at 7 months (01/06/2025) → eligible',
    input: ldtt(subject({ startedOn: '2025-06-01', recruitedOn: '2025-06-01' }), { monthsWorked: 7 }),
    eligible: true, criterion: { id: 'new_recruit', status: 'met', reason: /7 tháng/ },
  },
  {
    name: 'a transfer in September (recruited 01/03/2014) → eligible',
    input: ldtt(subject({ startedOn: '2025-09-01', recruitedOn: '2014-03-01' }), { monthsWorked: 4 }),
    eligible: true, criterion: { id: 'new_recruit', status: 'met', reason: /Tuyển dụng ngày 01\/03\/2014/ },
  },
  {
    name: 'four months of training (under a year) → eligible, counted as work',
    input: ldtt(subject({ startedOn: '2014-03-01' }), { monthsWorked: 8, leave: [{ kind: 'training', months: 4 }] }),
    eligible: true, criterion: { id: 'new_recruit', status: 'met', reason: /4 tháng đào tạo, bồi dưỡng dưới 01 năm được tính là thời gian công tác/ },
  },
  {
    name: 'five months of on-duty injury treatment → eligible, counted as work',
    input: ldtt(subject({ startedOn: '2014-03-01' }), { monthsWorked: 7, leave: [{ kind: 'injury', months: 5 }] }),
    eligible: true, criterion: { id: 'new_recruit', status: 'met', reason: /5 tháng điều trị thương tích khi làm nhiệm vụ/ },
  },
  {
    name: 'a collective with no member count → needs_review naming it (was refused as invalid input)',
    input: {
      award: 'advanced_labor_collective', asOf: ASOF, subject: { kind: 'collective', startedOn: '2010-01-01', underReview: false },
      years: [{ year: YEAR, rating: 'good', collective: { memberTitles: { advanced_worker: 9 }, membersDisciplined: { warning: 0 } } }],
    },
    eligible: 'needs_review', criterion: { id: 'members_advanced_share', status: 'review', reason: /chưa có tổng số thành viên/ },
  },
  {
    name: '1 initiative + 1 science work is not "2 initiatives or 2 science works" (Art 74(1)(d)) → one step away',
    input: {
      award: 'ministerial_provincial_certificate_of_merit', asOf: ASOF, subject: subject({ startedOn: '2014-03-01' }),
      years: [
        { year: 2024, rating: 'excellent', titles: ['advanced_worker', 'grassroots_emulation_fighter'], initiatives: [{ scope: 'grassroots', usedFor: null }] },
        { year: 2025, rating: 'excellent', titles: ['advanced_worker', 'grassroots_emulation_fighter'], scienceProjects: [{ scope: 'grassroots', accepted: true }] },
      ],
    },
    eligible: false, stepsAway: 1, criterion: { id: 'two_initiatives', status: 'unmet', basis: /Điều 74 khoản 1 điểm d/ },
  },
];

type Result = { eligible: unknown; stepsAway: number | null; criteria: Criterion[] };
type Criterion = { id: string; status: string; reason: string; basis: string; children?: Criterion[] };
const flat = (cs: Criterion[]): Criterion[] => cs.flatMap((c) => [c, ...flat(c.children ?? [])]);

function expectCase(c: Case, r: Result): void {
  expect(r.eligible, c.name).toBe(c.eligible);
  if (c.stepsAway !== undefined) expect(r.stepsAway, c.name).toBe(c.stepsAway);
  const found = flat(r.criteria).find((x) => x.id === c.criterion.id);
  expect(found?.status, `${c.name}: ${JSON.stringify(flat(r.criteria).map((x) => [x.id, x.status, x.reason]))}`).toBe(c.criterion.status);
  if (c.criterion.reason) expect(found?.reason).toMatch(c.criterion.reason);
  if (c.criterion.basis) expect(found?.basis).toMatch(c.criterion.basis);
  expect(flat(r.criteria).map((x) => x.id)).not.toContain('months_worked');
}

describe('the CLI and the API give what the law says, and the same answer', () => {
  it.each(CASES)('$name', async (c) => {
    const cli = spawnSync(process.execPath, [bin, 'check', '-'], { encoding: 'utf8', input: JSON.stringify(c.input), env: { ...process.env, DATABASE_URL: '' } });
    expect(cli.status, cli.stderr).toBe(0);
    const fromCli = JSON.parse(cli.stdout) as Result;
    expectCase(c, fromCli);
    const api = await call(ctx.app, officer, { method: 'POST', url: '/api/v1/eligibility/check', payload: c.input });
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json()).toEqual(fromCli);
  });
});

/** Ratings, titles, works and leave of a stored person, one year at a time. */
async function store(personId: number, unitId: number, years: Record<number, { rating: string; titles?: string[] }>, extra: string[] = []) {
  for (const [year, v] of Object.entries(years)) {
    await ctx.db.query('insert into person_year_rating (person_id, year, rating, unit_id) values ($1,$2,$3,$4)', [personId, Number(year), v.rating, unitId]);
    for (const t of v.titles ?? []) await ctx.db.query('insert into person_title (person_id, year, title_code, unit_id) values ($1,$2,$3,$4)', [personId, Number(year), t, unitId]);
  }
  for (const sql of extra) await ctx.db.query(sql, [personId]);
}

async function panel(personId: number, award: string): Promise<Result> {
  const res = await call(ctx.app, officer, { method: 'GET', url: `/api/v1/people/${personId}/eligibility?asOf=${ASOF}&year=${YEAR}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results.find((r: { award: string }) => r.award === award);
}

async function discovered(unitId: number, award: string): Promise<{ personId: number; status: string }[]> {
  const res = await call(ctx.app, officer, { method: 'GET', url: `/api/v1/discovery?unitId=${unitId}&year=${YEAR}&asOf=${ASOF}&award=${award}&status=all&pageSize=500` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().rows;
}

describe('the stored data: the panel and discovery follow', () => {
  const LDTT = 'advanced_worker';
  const good = { [YEAR]: { rating: 'good' } };
  const person = async (unitId: number, name: string, fromDate: string) => (await makePerson(ctx.db, { unitId, fullName: name, fromDate })).id;

  it('new recruits at 5 and 7 months: only the one under 6 months is refused; discovery shows the other', async () => {
    const unit = await makeUnit(ctx.db, { parentId: team, name: 'Tổ Tuyển dụng' });
    const five = await person(unit, 'Tuyển Dụng Năm Tháng', '2025-08-01');
    const seven = await person(unit, 'Tuyển Dụng Bảy Tháng', '2025-06-01');
    await store(five, unit, good);
    await store(seven, unit, good);
    expectCase(CASES[0], await panel(five, LDTT));
    expectCase(CASES[1], await panel(seven, LDTT));
    expect((await discovered(unit, LDTT)).map((r) => [r.personId, r.status])).toEqual([[seven, 'eligible']]);
  });

  it('a transfer in September keeps its first recruitment: eligible, and discovery no longer hides the person', async () => {
    const unit = await makeUnit(ctx.db, { parentId: team, name: 'Tổ Chuyển đến' });
    const moved = await person(unit, 'Chuyển Công Tác Tháng Chín', '2025-09-01');
    await ctx.db.query("insert into employment (person_id, unit_id, position, category, from_date, to_date, end_reason) values ($1, $2, 'Chuyên viên', 'civil_servant', '2014-03-01', '2025-09-01', 'transfer')", [moved, elsewhere]);
    await store(moved, unit, good);
    expectCase(CASES[2], await panel(moved, LDTT));
    expect((await discovered(unit, LDTT)).map((r) => [r.personId, r.status])).toEqual([[moved, 'eligible']]);
  });

  it('four months of training and five of on-duty injury treatment count as work', async () => {
    const unit = await makeUnit(ctx.db, { parentId: team, name: 'Tổ Đào tạo' });
    const trained = await person(unit, 'Đi Học Bốn Tháng', '2014-03-01');
    const injured = await person(unit, 'Điều Trị Năm Tháng', '2014-03-01');
    await store(trained, unit, good, ["insert into person_leave (person_id, kind, from_date, to_date) values ($1, 'training', '2025-03-01', '2025-07-01')"]);
    await store(injured, unit, good, ["insert into person_leave (person_id, kind, from_date, to_date) values ($1, 'injury', '2025-02-01', '2025-07-01')"]);
    expectCase(CASES[3], await panel(trained, LDTT));
    expectCase(CASES[4], await panel(injured, LDTT));
    expect((await discovered(unit, LDTT)).map((r) => r.status)).toEqual(['eligible', 'eligible']);
  });

  it('1 initiative + 1 science work: one step from Bằng khen, in the panel and in discovery', async () => {
    const unit = await makeUnit(ctx.db, { parentId: team, name: 'Tổ Sáng kiến' });
    const p = await person(unit, 'Một Sáng Kiến Một Đề Tài', '2014-03-01');
    const titles = ['advanced_worker', 'grassroots_emulation_fighter'];
    await store(p, unit, { 2024: { rating: 'excellent', titles }, 2025: { rating: 'excellent', titles } }, [
      "insert into person_initiative (person_id, year, name, scope) values ($1, 2024, 'Sáng kiến số hoá hồ sơ', 'grassroots')",
      "insert into person_science_project (person_id, year, name, scope, accepted) values ($1, 2025, 'Đề tài cải cách thủ tục', 'grassroots', true)",
    ]);
    expectCase(CASES[6], await panel(p, 'ministerial_provincial_certificate_of_merit'));
    expect((await discovered(unit, 'ministerial_provincial_certificate_of_merit')).map((r) => [r.personId, r.status])).toEqual([[p, 'near']]);
  });
});

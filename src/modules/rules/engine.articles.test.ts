/**
 * The rule engine against the law, article by article (../shared/domain/law.md §A.2, §B.1–B.4, §C).
 * Each table row is a case the law decides; the row says what the law says, not what the engine does.
 * Unless a row says otherwise the proposal is dated 15/12/2025 (Law 06/2022 + NĐ 152/2025) for year 2025.
 */
import { describe, expect, it } from 'vitest';
import type { EligibilityInputRaw } from './contract.ts';
import { checkEligibility } from './engine.ts';
import { monthsToYearEnd } from './predicates-work-time.ts';
import {
  CSTD_TINH, CSTDCS, LDTT, type Expect, allCriteria, assertResult, award, collective, cstdcsYear, input, ldttYear, person, yr,
} from './test-builders.ts';

const ASOF = '2025-12-15';

interface Row extends Expect {
  name: string;
  in: EligibilityInputRaw;
  settings?: Record<string, unknown>;
}

function run(row: Row): void {
  const r = checkEligibility(row.in, row.settings ? { settings: row.settings } : undefined);
  assertResult(r, row, row.name);
}

const ind = (awardCode: string, years: Parameters<typeof input>[3], extra: Partial<EligibilityInputRaw> = {}, subj = person()) => input(awardCode, ASOF, subj, years, extra);

// ————— Law Art 24: Lao động tiên tiến ——————————————————————————————————————————————————————————————
describe('Law Art 24 — Lao động tiên tiến (advanced_worker)', () => {
  const rows: Row[] = [
    { name: 'rated good for 2025 → eligible', in: ind(LDTT, [yr(2025, 'good')]), eligible: true, article: 24, year: 2025 },
    { name: 'rated excellent (above good) → eligible', in: ind(LDTT, [yr(2025, 'excellent')]), eligible: true, article: 24 },
    { name: "rated 'completed' (below good) → not, the reason names 2025", in: ind(LDTT, [yr(2025, 'completed')]), eligible: false, article: 24, reasonHas: '2025', missing: true },
    { name: "rated 'not_completed' → not", in: ind(LDTT, [yr(2025, 'not_completed')]), eligible: false, reasonHas: '2025' },
    { name: 'rating unknown (null) → needs_review', in: ind(LDTT, [yr(2025, null)]), eligible: 'needs_review' },
    {
      name: '6 months maternity leave, monthsWorked 12 (NĐ 152 Art 4(5): maternity counts) → eligible, the reason says it counts',
      in: ind(LDTT, [yr(2025, 'good', { monthsWorked: 12, leave: [{ kind: 'maternity', months: 6 }] })]), eligible: true, article: 24, reasonHas: '6 tháng nghỉ thai sản',
    },
    {
      name: '4 months of sick leave (monthsWorked 8) but rated good → eligible: no general months minimum, the rating reflects absence (law.md §0.0)',
      in: ind(LDTT, [yr(2025, 'good', { monthsWorked: 8, leave: [{ kind: 'sick', months: 4 }] })]), eligible: true,
    },
  ];
  it.each(rows)('$name', run);
});

// ————— TT 01/2024/TT-BNV Art 1(5): new recruits and time at work (law.md §0.0, corrections of 2026-12-07) ——————
describe('TT 01/2024 Art 1(5) — new recruits under 6 months; training, injury and maternity count as work', () => {
  const ldtt = (subject: Partial<EligibilityInputRaw['subject']>, year: Partial<ReturnType<typeof yr>> = {}, extra: Partial<EligibilityInputRaw> = {}) =>
    ind(LDTT, [yr(2025, 'good', year)], extra, person(subject));
  const rows: Row[] = [
    { name: 'new recruit on 01/08/2025: 5 months by 31/12 → not; the reason names the date, missing says 6 months', in: ldtt({ startedOn: '2025-08-01', recruitedOn: '2025-08-01' }, { monthsWorked: 5 }), eligible: false, reasonHas: '01/08/2025', missing: true },
    { name: 'new recruit on 01/06/2025: 7 months by 31/12 → eligible (not "under 6 months"; the old 10-month rule refused it)', in: ldtt({ startedOn: '2025-06-01', recruitedOn: '2025-06-01' }, { monthsWorked: 7 }), eligible: true, reasonHas: '7 tháng' },
    { name: 'recruited 01/07/2025: exactly 6 months → eligible', in: ldtt({ recruitedOn: '2025-07-01' }, { monthsWorked: 6 }), eligible: true },
    { name: 'recruited 02/07/2025: 5 whole months → not', in: ldtt({ recruitedOn: '2025-07-02' }, { monthsWorked: 6 }), eligible: false },
    {
      name: 'a transfer in September (startedOn 01/09/2025, first recruited 01/03/2015), 4 months in the new unit → eligible: a transfer is not a recruitment',
      in: ldtt({ startedOn: '2025-09-01', recruitedOn: '2015-03-01' }, { monthsWorked: 4 }), eligible: true, article: 24, reasonHas: '01/03/2015',
    },
    {
      name: 'started in the unit 01/09/2025 with no recruitedOn (the contract reads startedOn) → not, and the reason asks for the first recruitment date',
      in: ldtt({ startedOn: '2025-09-01' }, { monthsWorked: 4 }), eligible: false, reasonHas: 'ngày tuyển dụng lần đầu',
    },
    {
      name: 'four months on a training course (monthsWorked 8, training 4) → eligible, the training counts as work',
      in: ldtt({}, { monthsWorked: 8, leave: [{ kind: 'training', months: 4 }] }), eligible: true, reasonHas: '4 tháng đào tạo, bồi dưỡng dưới 01 năm',
    },
    {
      name: 'five months of on-duty injury treatment (monthsWorked 7, injury 5) → eligible, the treatment counts as work',
      in: ldtt({}, { monthsWorked: 7, leave: [{ kind: 'injury', months: 5 }] }), eligible: true, reasonHas: '5 tháng điều trị thương tích',
    },
    {
      name: 'a 14-month course (8 months of it in 2025), result "khá", not rated for 2025 → eligible (TT 01/2024 Art 1(5))',
      in: ldtt({}, { rating: null, monthsWorked: 4, leave: [{ kind: 'training', months: 8, courseMonths: 14, result: 'fair' }] }), eligible: true, reasonHas: 'loại khá',
    },
    {
      name: 'a course of the whole year, result "trung bình", rated completed → not',
      in: ldtt({}, { rating: 'completed', monthsWorked: 0, leave: [{ kind: 'training', months: 12, result: 'average' }] }), eligible: false, reasonHas: 'dưới loại khá',
    },
    {
      name: 'a course of the whole year, result "trung bình", no rating (unknown: the rating still could decide) → needs_review',
      in: ldtt({}, { rating: null, monthsWorked: 0, leave: [{ kind: 'training', months: 12, result: 'average' }] }), eligible: 'needs_review',
    },
    {
      name: 'a course of the whole year, result not recorded, not rated (unknown, decisive) → needs_review naming the result',
      in: ldtt({}, { rating: null, monthsWorked: 0, leave: [{ kind: 'training', months: 12 }] }), eligible: 'needs_review', reasonHas: 'chưa có kết quả học tập',
    },
    {
      name: 'no recruitment or start date and months not recorded (unknown, decisive) → needs_review naming the recruitment date',
      in: ind(LDTT, [{ year: 2025, rating: 'good' }], {}, { kind: 'individual', underReview: false }), eligible: 'needs_review', reasonHas: 'ngày tuyển dụng',
    },
    { name: 'no dates, but 12 months at work in 2025 → eligible (in service all year)', in: ind(LDTT, [yr(2025, 'good')], {}, { kind: 'individual', underReview: false }), eligible: true },
    {
      name: 'recruited 01/08/2025 (5 months) when the unit sets new_recruit_min_months_tt15_2025 = 5 → eligible',
      in: ldtt({ recruitedOn: '2025-08-01' }, { monthsWorked: 5 }), settings: { new_recruit_min_months_tt15_2025: 5 }, eligible: true,
    },
    {
      name: 'decree-98 rule set (asOf 01/03/2025, year 2024): recruited 01/08/2024 → not under TT 01/2024, citing it',
      in: input(LDTT, '2025-03-01', person({ recruitedOn: '2024-08-01' }), [yr(2024, 'good', { monthsWorked: 5 })]), eligible: false, reasonHas: '01/08/2024',
    },
    {
      name: 'decree-98 rule set: its own setting (tt01_2024 = 5) applies, not the TT 15/2025 one',
      in: input(LDTT, '2025-03-01', person({ recruitedOn: '2024-08-01' }), [yr(2024, 'good', { monthsWorked: 5 })]), settings: { new_recruit_min_months_tt01_2024: 5, new_recruit_min_months_tt15_2025: 9 }, eligible: true,
    },
    {
      name: 'Chiến sĩ thi đua cơ sở: excellent but recruited 01/08/2025 → not (the LĐTT standard)',
      in: ind(CSTDCS, [yr(2025, 'excellent', { monthsWorked: 5 })], {}, person({ recruitedOn: '2025-08-01' })), eligible: false, article: 23,
    },
    {
      name: 'Chiến sĩ tiên tiến (armed forces): recruited 01/05/2025, 8 months → not (TT 118/2023/TT-BQP: 9 months)',
      in: ind('advanced_soldier', [yr(2025, 'good')], {}, person({ category: 'armed_forces', recruitedOn: '2025-05-01' })), eligible: false, reasonHas: '8 tháng',
    },
    {
      name: 'Chiến sĩ tiên tiến (armed forces): recruited 01/04/2025, 9 months → eligible',
      in: ind('advanced_soldier', [yr(2025, 'good')], {}, person({ category: 'armed_forces', recruitedOn: '2025-04-01' })), eligible: true,
    },
  ];
  it.each(rows)('$name', run);

  it('counts whole months from the recruitment to 31 December', () => {
    expect([['2025-07-01', 6], ['2025-07-02', 5], ['2025-12-31', 0], ['2026-03-01', 0], ['2012-03-01', 166], ['2025-01-01', 12]].map(([d]) => monthsToYearEnd(d as string, 2025)))
      .toEqual([6, 5, 0, 0, 166, 12]);
  });

  it('cites the circular and the maternity article in the new-recruit criterion, and no general months criterion remains', () => {
    const r = checkEligibility(ldtt({ recruitedOn: '2025-06-01' }, { monthsWorked: 7 }));
    const c = allCriteria(r).find((x) => x.id === 'new_recruit');
    expect(c?.basis).toMatch(/TT 01\/2024\/TT-BNV, Điều 1 khoản 5 điểm d/);
    expect(c?.basis).toMatch(/NĐ 152\/2025\/NĐ-CP, Điều 4 khoản 5/);
    expect(allCriteria(r).map((x) => x.id)).not.toContain('months_worked');
    const old = checkEligibility(input(LDTT, '2025-03-01', person(), [yr(2024, 'good')]));
    expect(allCriteria(old).find((x) => x.id === 'new_recruit')?.basis).toMatch(/^TT 01\/2024\/TT-BNV, Điều 1 khoản 5 điểm d;/);
  });
});

describe('Law Art 24 — Lao động tiên tiến: the year considered', () => {
  const rows: Row[] = [
    {
      name: 'history 2024 completed, 2025 good: the year considered is the latest (2025) → eligible',
      in: ind(LDTT, [yr(2024, 'completed'), yr(2025, 'good')]), eligible: true, year: 2025,
    },
    {
      name: 'explicit year 2024 (rated completed) → not, the reason names 2024',
      in: ind(LDTT, [yr(2024, 'completed'), yr(2025, 'good')], { year: 2024 }), eligible: false, year: 2024, reasonHas: '2024',
    },
    { name: 'explicit year 2025 with no entry for 2025 (facts unknown) → needs_review', in: ind(LDTT, [yr(2024, 'good')], { year: 2025 }), eligible: 'needs_review', year: 2025 },
    {
      name: 'a year after asOf (2026) is not the year considered: 2025 completed → not',
      in: ind(LDTT, [yr(2025, 'completed'), yr(2026, 'excellent')]), eligible: false, year: 2025,
    },
  ];
  it.each(rows)('$name', run);
});

// ————— Law Art 23: Chiến sĩ thi đua cơ sở ————————————————————————————————————————————————————————
describe('Law Art 23 — Chiến sĩ thi đua cơ sở (grassroots_emulation_fighter)', () => {
  const rows: Row[] = [
    { name: 'LĐTT standard + excellent → eligible', in: ind(CSTDCS, [yr(2025, 'excellent')]), eligible: true, article: 23, year: 2025 },
    {
      name: 'good + an initiative recognised at grassroots → eligible',
      in: ind(CSTDCS, [yr(2025, 'good', { initiatives: [{ scope: 'grassroots', usedFor: null }] })]), eligible: true, article: 23,
    },
    {
      name: 'good + an initiative recognised at province level (a higher scope includes grassroots) → eligible',
      in: ind(CSTDCS, [yr(2025, 'good', { initiatives: [{ scope: 'ministerial_provincial', usedFor: null }] })]), eligible: true,
    },
    {
      name: 'good + an accepted grassroots science project → eligible',
      in: ind(CSTDCS, [yr(2025, 'good', { scienceProjects: [{ scope: 'grassroots', accepted: true }] })]), eligible: true, article: 23,
    },
    { name: 'good, no initiative or science work → not; the reason names 2025 and missing says what to add', in: ind(CSTDCS, [yr(2025, 'good')]), eligible: false, article: 23, reasonHas: '2025', missing: true },
    {
      name: 'good + a science project whose acceptance is not recorded (unknown, decisive) → needs_review',
      in: ind(CSTDCS, [yr(2025, 'good', { scienceProjects: [{ scope: 'grassroots' }] })]), eligible: 'needs_review',
    },
    {
      name: 'good + a science project not accepted → not',
      in: ind(CSTDCS, [yr(2025, 'good', { scienceProjects: [{ scope: 'grassroots', accepted: false }] })]), eligible: false,
    },
    {
      name: "initiative but rated 'completed' (fails the LĐTT standard) → not",
      in: ind(CSTDCS, [yr(2025, 'completed', { initiatives: [{ scope: 'grassroots', usedFor: null }] })]), eligible: false, reasonHas: '2025',
    },
    {
      name: 'excellent with 4 months of unpaid leave (monthsWorked 8) → eligible: no general months minimum (law.md §0.0)',
      in: ind(CSTDCS, [yr(2025, 'excellent', { monthsWorked: 8, leave: [{ kind: 'unpaid', months: 4 }] })]), eligible: true,
    },
    {
      name: 'good + an initiative already used for a Bằng khen (CV 5007: one initiative, one award) → not',
      in: ind(CSTDCS, [yr(2025, 'good', { initiatives: [{ scope: 'grassroots', usedFor: 'ministerial_provincial_certificate_of_merit' }] })]), eligible: false,
    },
  ];
  it.each(rows)('$name', run);
});

// ————— Law Art 22: Chiến sĩ thi đua Bộ, ban, ngành, tỉnh ——————————————————————————————————————————
describe('Law Art 22 — Chiến sĩ thi đua tỉnh (ministerial_provincial_emulation_fighter)', () => {
  const provInit = { initiatives: [{ scope: 'ministerial_provincial' as const, usedFor: null }] };
  const rows: Row[] = [
    {
      name: 'CSTĐCS 2023, 2024, 2025 + an initiative with province-wide effect → eligible',
      in: ind(CSTD_TINH, [cstdcsYear(2023), cstdcsYear(2024), cstdcsYear(2025, provInit)]), eligible: true, article: 22, year: 2025,
    },
    {
      name: 'CSTĐCS 2023–2025 + an accepted science project with province-wide effect → eligible',
      in: ind(CSTD_TINH, [cstdcsYear(2023), cstdcsYear(2024), cstdcsYear(2025, { scienceProjects: [{ scope: 'ministerial_provincial', accepted: true }] })]), eligible: true, article: 22,
    },
    {
      name: 'only 2 consecutive CSTĐCS (2024, 2025) → not, one step away',
      in: ind(CSTD_TINH, [ldttYear(2023), cstdcsYear(2024), cstdcsYear(2025, provInit)]), eligible: false, article: 22, stepsAway: 1, missing: true,
    },
    {
      name: 'CSTĐCS 2021, 2022, 2024, 2025 with a gap in 2023 (LĐTT only) → not: the chain is broken',
      in: ind(CSTD_TINH, [cstdcsYear(2021), cstdcsYear(2022), ldttYear(2023), cstdcsYear(2024), cstdcsYear(2025, provInit)]), eligible: false,
    },
    {
      name: 'CSTĐCS 2023–2025 but only a grassroots-scope initiative → not',
      in: ind(CSTD_TINH, [cstdcsYear(2023), cstdcsYear(2024), cstdcsYear(2025, { initiatives: [{ scope: 'grassroots', usedFor: null }] })]), eligible: false, article: 22,
    },
    {
      name: 'CSTĐCS 2023–2025, the province-wide initiative already used for a Bằng khen (CV 5007) → not',
      in: ind(CSTD_TINH, [cstdcsYear(2023), cstdcsYear(2024), cstdcsYear(2025, { initiatives: [{ scope: 'ministerial_provincial', usedFor: 'ministerial_provincial_certificate_of_merit' }] })]), eligible: false,
    },
    {
      name: 'control: CSTĐCS 2022–2025, no discipline → eligible',
      in: ind(CSTD_TINH, [cstdcsYear(2022), cstdcsYear(2023), cstdcsYear(2024), cstdcsYear(2025, provInit)]), eligible: true,
    },
    {
      name: 'CSTĐCS 2022–2025 but a reprimand 01/09/2023–01/03/2024: counting restarts after it (NĐ 152 Art 4(4)) → not',
      in: ind(CSTD_TINH, [
        cstdcsYear(2022),
        cstdcsYear(2023, { discipline: [{ level: 'reprimand', from: '2023-09-01', to: '2024-03-01' }] }),
        cstdcsYear(2024),
        cstdcsYear(2025, provInit),
      ]),
      eligible: false,
    },
  ];
  it.each(rows)('$name', run);
});

// ————— Law Art 21: Chiến sĩ thi đua toàn quốc ———————————————————————————————————————————————————————
describe('Law Art 21 — Chiến sĩ thi đua toàn quốc (national_emulation_fighter)', () => {
  // CSTĐCS every year 2020–2025; CSTĐ tỉnh for 2022 (after 2020–2022) and 2025 (after 2023–2025): two
  // consecutive provincial titles in the 3-year cycle. Proposed 01/06/2026, right after the 2nd.
  const chain = (nationalIn2025: 'national' | 'ministerial_provincial', tinhYears = [2022, 2025]) =>
    [2020, 2021, 2022, 2023, 2024, 2025].map((y) =>
      cstdcsYear(y, {
        titles: tinhYears.includes(y) ? [LDTT, CSTDCS, CSTD_TINH] : [LDTT, CSTDCS],
        ...(y === 2025 ? { initiatives: [{ scope: nationalIn2025, usedFor: null }] } : {}),
      }));
  const nat = (years: ReturnType<typeof chain>) => input('national_emulation_fighter', '2026-06-01', person(), years);
  const rows: Row[] = [
    { name: 'CSTĐ tỉnh 2022 and 2025 (consecutive) + a nationwide initiative → eligible', in: nat(chain('national')), eligible: true, article: 21, year: 2025 },
    { name: 'CSTĐ tỉnh only once (2025) → not', in: nat(chain('national', [2025])), eligible: false, article: 21 },
    { name: 'two CSTĐ tỉnh but the initiative is only province-wide → not', in: nat(chain('ministerial_provincial')), eligible: false, article: 21 },
    {
      name: 'CSTĐ tỉnh 2018 and 2025 with 2019–2022 LĐTT only in between → not consecutive',
      in: nat([
        cstdcsYear(2016), cstdcsYear(2017), cstdcsYear(2018, { titles: [LDTT, CSTDCS, CSTD_TINH] }),
        ldttYear(2019), ldttYear(2020), ldttYear(2021), ldttYear(2022),
        cstdcsYear(2023), cstdcsYear(2024), cstdcsYear(2025, { titles: [LDTT, CSTDCS, CSTD_TINH], initiatives: [{ scope: 'national', usedFor: null }] }),
      ]),
      eligible: false,
    },
  ];
  it.each(rows)('$name', run);
});

// ————— Law Art 28: Tập thể lao động tiên tiến ————————————————————————————————————————————————————
type Coll = { members?: number; membersCompletedTasks?: number; memberTitles?: Record<string, number>; membersDisciplined?: Record<string, number> };
const collYear = (year: number, rating: 'excellent' | 'good' | 'completed', c: Coll) => yr(year, rating, { collective: { membersDisciplined: { warning: 0, reprimand: 0 }, exceededTargets: true, ledCluster: false, ...c } });
const coll = (awardCode: string, y: ReturnType<typeof collYear>, extra: Partial<EligibilityInputRaw> = {}) => input(awardCode, ASOF, collective(), [y], extra);

describe('Law Art 28 — Tập thể lao động tiên tiến (advanced_labor_collective)', () => {
  const ttldtt = (rating: 'excellent' | 'good' | 'completed', members: number, ldtt: number, disc: Record<string, number> = { warning: 0, reprimand: 0 }) =>
    coll('advanced_labor_collective', collYear(2025, rating, { members, membersCompletedTasks: members, memberTitles: { advanced_worker: ldtt }, membersDisciplined: disc }));
  const rows: Row[] = [
    { name: 'good, 7/10 members LĐTT (70%) → eligible', in: ttldtt('good', 10, 7), eligible: true, article: 28, year: 2025 },
    { name: 'good, 10/13 members LĐTT (76.9%) → eligible', in: ttldtt('good', 13, 10), eligible: true },
    { name: 'excellent, 7/10 LĐTT → eligible', in: ttldtt('excellent', 10, 7), eligible: true },
    { name: 'good, 9/13 members LĐTT (69.2%) → not, one member away', in: ttldtt('good', 13, 9), eligible: false, article: 28, stepsAway: 1, reasonHas: '2025', missing: true },
    {
      name: 'memberTitles advanced_worker 5, grassroots_emulation_fighter 3 of 10: overlap already counted (contract) → 50% → not',
      in: coll('advanced_labor_collective', collYear(2025, 'good', { members: 10, membersCompletedTasks: 10, memberTitles: { advanced_worker: 5, grassroots_emulation_fighter: 3 } })), eligible: false,
    },
    { name: "a member disciplined 'warning' (cảnh cáo) → not", in: ttldtt('good', 10, 8, { warning: 1, reprimand: 0 }), eligible: false, article: 28 },
    { name: "a member disciplined 'salary_downgrade' (above warning) → not", in: ttldtt('good', 10, 8, { salary_downgrade: 1 }), eligible: false },
    { name: "a member disciplined 'reprimand' only (below warning) → still eligible", in: ttldtt('good', 10, 8, { warning: 0, reprimand: 1 }), eligible: true },
    { name: "collective rated 'completed' → not", in: ttldtt('completed', 10, 9), eligible: false, reasonHas: '2025' },
    {
      name: 'members disciplined not recorded (unknown, decisive) → needs_review',
      in: input('advanced_labor_collective', ASOF, collective(), [yr(2025, 'good', { collective: { members: 10, membersCompletedTasks: 10, memberTitles: { advanced_worker: 8 } } })]), eligible: 'needs_review',
    },
    {
      name: "members' titles not recorded (unknown, decisive) → needs_review",
      in: input('advanced_labor_collective', ASOF, collective(), [yr(2025, 'good', { collective: { members: 10, membersCompletedTasks: 10, membersDisciplined: { warning: 0, reprimand: 0 } } })]), eligible: 'needs_review',
    },
    {
      name: 'no member count (every field of collective is optional: unknown, decisive) → needs_review naming the number of members',
      in: coll('advanced_labor_collective', collYear(2025, 'good', { memberTitles: { advanced_worker: 9 } })), eligible: 'needs_review', reasonHas: 'tổng số thành viên',
    },
    {
      name: 'no member count, but rated completed (the count decides nothing) → not',
      in: coll('advanced_labor_collective', collYear(2025, 'completed', { memberTitles: { advanced_worker: 9 } })), eligible: false, reasonHas: '2025',
    },
    { name: 'an empty collective record (no counts at all) → needs_review', in: input('advanced_labor_collective', ASOF, collective(), [yr(2025, 'good', { collective: {} })]), eligible: 'needs_review' },
  ];
  it.each(rows)('$name', run);
});

// ————— Law Art 27: Tập thể lao động xuất sắc ————————————————————————————————————————————————————
describe('Law Art 27 — Tập thể lao động xuất sắc (excellent_labor_collective)', () => {
  const ttlxs = (over: Partial<Coll> & { rating?: 'excellent' | 'good' } = {}) => {
    const { rating = 'excellent', ...c } = over;
    return coll('excellent_labor_collective', collYear(2025, rating, { members: 20, membersCompletedTasks: 20, memberTitles: { advanced_worker: 14, grassroots_emulation_fighter: 1 }, ...c }));
  };
  const rows: Row[] = [
    { name: 'excellent, 20/20 completed, 14/20 LĐTT (70%), 1 CSTĐCS → eligible', in: ttlxs(), eligible: true, article: 27, year: 2025 },
    {
      name: 'members completing tasks not recorded (unknown, decisive) → needs_review',
      in: input('excellent_labor_collective', ASOF, collective(), [yr(2025, 'excellent', { collective: { members: 20, memberTitles: { advanced_worker: 14, grassroots_emulation_fighter: 1 }, membersDisciplined: { warning: 0, reprimand: 0 } } })]), eligible: 'needs_review',
    },
    { name: '19/20 members completed their tasks (not 100%) → not', in: ttlxs({ membersCompletedTasks: 19 }), eligible: false, article: 27 },
    { name: 'no member is CSTĐCS → not', in: ttlxs({ memberTitles: { advanced_worker: 14, grassroots_emulation_fighter: 0 } }), eligible: false, article: 27 },
    { name: '13/20 LĐTT (65%) → not', in: ttlxs({ memberTitles: { advanced_worker: 13, grassroots_emulation_fighter: 1 } }), eligible: false },
    { name: "collective rated 'good' (not excellent) → not", in: ttlxs({ rating: 'good' }), eligible: false, reasonHas: '2025' },
    { name: "a member disciplined 'warning' → not (TTLĐTT-level standards inherited, law.md §B.2.2)", in: ttlxs({ membersDisciplined: { warning: 1, reprimand: 0 } }), eligible: false },
    { name: 'no member count (unknown, decisive) → needs_review naming the number of members', in: ttlxs({ members: undefined }), eligible: 'needs_review', reasonHas: 'tổng số thành viên' },
  ];
  it.each(rows)('$name', run);
});

// ————— Law Art 74(1)(d): Bằng khen tỉnh ————————————————————————————————————————————————————————
const BK_TINH = 'ministerial_provincial_certificate_of_merit';
const gInit = (usedFor: string | null = null) => ({ scope: 'grassroots' as const, usedFor });
/** CSTĐCS 2024 and 2025 (on excellence), one unused grassroots initiative each year. */
const bkTinhYears = () => [cstdcsYear(2024, { initiatives: [gInit()] }), cstdcsYear(2025, { initiatives: [gInit()] })];

describe('Law Art 74(1)(d) — Bằng khen tỉnh (ministerial_provincial_certificate_of_merit)', () => {
  const rows: Row[] = [
    { name: 'CSTĐCS 2024–2025 + 2 unused grassroots initiatives → eligible', in: ind(BK_TINH, bkTinhYears()), eligible: true, article: 74, year: 2025 },
    {
      name: 'CSTĐCS 2024–2025 earned on the 2 initiatives themselves (usedFor CSTĐCS) → not (MOHA: they do not count)',
      in: ind(BK_TINH, [
        yr(2024, 'good', { titles: [LDTT, CSTDCS], initiatives: [gInit(CSTDCS)] }),
        yr(2025, 'good', { titles: [LDTT, CSTDCS], initiatives: [gInit(CSTDCS)] }),
      ]),
      eligible: false, article: 74,
    },
    {
      name: '2 consecutive excellent years (no titles) + 2 accepted grassroots science works → eligible',
      in: ind(BK_TINH, [
        yr(2024, 'excellent', { scienceProjects: [{ scope: 'grassroots', accepted: true }] }),
        yr(2025, 'excellent', { scienceProjects: [{ scope: 'grassroots', accepted: true }] }),
      ]),
      eligible: true, article: 74,
    },
    { name: 'CSTĐCS 2024–2025 + 2 unused grassroots initiatives both in 2025 → eligible', in: ind(BK_TINH, [cstdcsYear(2024), cstdcsYear(2025, { initiatives: [gInit(), gInit()] })]), eligible: true },
    { name: 'CSTĐCS 2024–2025 but only 1 initiative → not, one step away', in: ind(BK_TINH, [cstdcsYear(2024), cstdcsYear(2025, { initiatives: [gInit()] })]), eligible: false, stepsAway: 1, missing: true },
    {
      name: 'excellent 2023 and 2025 but good 2024 (neither 2 consecutive CSTĐCS nor 2 consecutive HTXS) → not',
      in: ind(BK_TINH, [cstdcsYear(2023), ldttYear(2024, { initiatives: [gInit()] }), cstdcsYear(2025, { initiatives: [gInit()] })]), eligible: false,
    },
    {
      name: 'CSTĐCS 2024–2025, initiatives in 2022 and 2025: one falls outside the 2 years → not',
      in: ind(BK_TINH, [ldttYear(2022, { initiatives: [gInit()] }), ldttYear(2023), cstdcsYear(2024), cstdcsYear(2025, { initiatives: [gInit()] })]), eligible: false,
    },
    {
      name: 'CSTĐCS 2024–2025, but the 2 initiatives already supported a Giấy khen (CV 5007: one form per initiative) → not',
      in: ind(BK_TINH, [cstdcsYear(2024, { initiatives: [gInit('certificate_of_commendation')] }), cstdcsYear(2025, { initiatives: [gInit('certificate_of_commendation')] })]), eligible: false,
    },
    {
      name: 'a previous Bằng khen tỉnh for 2022–2023, then 2024–2025 achievements → eligible (new period)',
      in: ind(BK_TINH, bkTinhYears(), { awards: [award(BK_TINH, 2022, 2023)] }), eligible: true,
    },
    {
      name: 'CSTĐCS 2024–2025 + 1 initiative and 1 accepted science work → not: "2 initiatives or 2 science works" (Ministry of Education answer), one step away',
      in: ind(BK_TINH, [cstdcsYear(2024, { initiatives: [gInit()] }), cstdcsYear(2025, { scienceProjects: [{ scope: 'grassroots', accepted: true }] })]),
      eligible: false, article: 74, stepsAway: 1, missing: true,
    },
  ];
  it.each(rows)('$name', run);
});

// ————— Law Art 73(1)(b): Bằng khen Thủ tướng ——————————————————————————————————————————————————
const BK_TTG = 'prime_minister_certificate_of_merit';
/** 2021–2025 rated good or better, CSTĐCS in 2021, 2023 and 2025 (excellent years). */
const fiveYears = (over: Record<number, ReturnType<typeof yr>> = {}) =>
  [cstdcsYear(2021), ldttYear(2022), cstdcsYear(2023), ldttYear(2024), cstdcsYear(2025)].map((y) => over[y.year] ?? y);

describe('Law Art 73(1)(b) — Bằng khen Thủ tướng (prime_minister_certificate_of_merit)', () => {
  const bk = (awards: ReturnType<typeof award>[], years = fiveYears()) => ind(BK_TTG, years, { awards });
  const rows: Row[] = [
    { name: 'Bằng khen tỉnh for 2019–2020, then 2021–2025 ≥ good with 3 CSTĐCS → eligible', in: bk([award(BK_TINH, 2019, 2020)]), eligible: true, article: 73, year: 2025 },
    { name: "the earlier Bằng khen tỉnh was 'sudden' (NĐ 152 Art 4(3)) → not", in: bk([award(BK_TINH, 2019, 2020, { type: 'sudden' })]), eligible: false },
    { name: "the earlier Bằng khen tỉnh was for a thematic movement (NĐ 152 Art 4(3)) → not", in: bk([award(BK_TINH, 2019, 2020, { type: 'movement' })]), eligible: false },
    { name: 'no earlier Bằng khen tỉnh → not', in: bk([]), eligible: false, article: 73 },
    {
      name: 'Bằng khen tỉnh for 2020–2021: only 4 years (2022–2025) since → not, one step away',
      in: bk([award(BK_TINH, 2020, 2021)], [cstdcsYear(2021), cstdcsYear(2022), cstdcsYear(2023), ldttYear(2024), cstdcsYear(2025)]), eligible: false, stepsAway: 1, missing: true,
    },
    { name: "2023 rated 'completed' breaks the 5 years → not, the reason names 2023", in: bk([award(BK_TINH, 2019, 2020)], fiveYears({ 2023: yr(2023, 'completed') })), eligible: false, reasonHas: '2023' },
    { name: 'only 2 CSTĐCS in 2021–2025 → not', in: bk([award(BK_TINH, 2019, 2020)], fiveYears({ 2023: ldttYear(2023) })), eligible: false },
    {
      name: 'a reprimand 01/03–01/09/2022 inside the window: achievements count from 2023 (NĐ 152 Art 4(4)) → not',
      in: bk([award(BK_TINH, 2019, 2020)], fiveYears({ 2022: ldttYear(2022, { discipline: [{ level: 'reprimand', from: '2022-03-01', to: '2022-09-01' }] }) })), eligible: false,
    },
    {
      name: 'a previous Bằng khen TTg for 2018–2022: counting restarts in 2023 (NĐ 98 Art 30(9)), 3 years → not',
      in: bk([award(BK_TINH, 2016, 2017), award(BK_TTG, 2018, 2022)]), eligible: false,
    },
    {
      name: 'earlier Bằng khen tỉnh with no period, decided 01/12/2020: counting from the decision → 2021–2025 → eligible',
      in: bk([{ code: BK_TINH, decisionDate: '2020-12-01', periodFrom: null, periodTo: null, type: 'merit' }]), eligible: true,
    },
  ];
  it.each(rows)('$name', run);
});

// ————— Law Art 44(1)(e): Huân chương Lao động hạng Ba ————————————————————————————————————————————
describe('Law Art 44(1)(e) — Huân chương Lao động hạng Ba (labor_order_3rd_class)', () => {
  const ho = (awards: ReturnType<typeof award>[], years = fiveYears()) => ind('labor_order_3rd_class', years, { awards });
  const goodOnInitiatives = [2021, 2022, 2023, 2024, 2025].map((y) =>
    y % 2 === 1 ? yr(y, 'good', { titles: [LDTT, CSTDCS], initiatives: [gInit(CSTDCS)] }) : ldttYear(y));
  const rows: Row[] = [
    { name: 'Bằng khen TTg for 2019–2020, then 2021–2025 ≥ good, 3 excellent years, 3 CSTĐCS → eligible', in: ho([award(BK_TTG, 2019, 2020)]), eligible: true, article: 44, year: 2025 },
    { name: 'same, but no year rated excellent (CSTĐCS on initiatives) → not', in: ho([award(BK_TTG, 2019, 2020)], goodOnInitiatives), eligible: false, article: 44 },
    { name: 'only a Bằng khen tỉnh before (not the PM one) → not', in: ho([award(BK_TINH, 2019, 2020)]), eligible: false, article: 44 },
    {
      name: 'Bằng khen TTg for 2020–2021: only 4 years (2022–2025) since → not, one step away',
      in: ho([award(BK_TTG, 2020, 2021)], [cstdcsYear(2021), cstdcsYear(2022), cstdcsYear(2023), ldttYear(2024), cstdcsYear(2025)]), eligible: false, stepsAway: 1, missing: true,
    },
    {
      name: 'CSTĐCS 2019, 2020 fall in the Bằng khen TTg period; only 2021 and 2023 after → not',
      in: ho([award(BK_TTG, 2019, 2020)], [cstdcsYear(2019), cstdcsYear(2020), cstdcsYear(2021), ldttYear(2022), cstdcsYear(2023), ldttYear(2024), yr(2025, 'excellent', { titles: [LDTT] })]), eligible: false,
    },
    { name: "the Bằng khen TTg was 'sudden' → not", in: ho([award(BK_TTG, 2019, 2020, { type: 'sudden' })]), eligible: false },
    { name: "2022 rated 'completed' → not, the reason names 2022", in: ho([award(BK_TTG, 2019, 2020)], fiveYears({ 2022: yr(2022, 'completed') })), eligible: false, reasonHas: '2022' },
  ];
  it.each(rows)('$name', run);
});

describe('the next proposal counts from the previous decision\'s achievement period (NĐ 152 Art 33(7); NĐ 98 Art 30(9) before)', () => {
  const window = (asOf: string) => {
    const years = asOf < '2025-07-01' ? fiveYears().map((y) => ({ ...y, year: y.year - 1 })) : fiveYears();
    const r = checkEligibility(input(BK_TTG, asOf, person(), years, { awards: [award(BK_TINH, 2017, 2018)] }));
    return allCriteria(r).find((c) => c.id === 'five_years_good')?.basis ?? '';
  };
  it('cites Decree 152 Art 33(7) under the 152/2025 rule set, without an uncertainty mark', () => {
    expect(window(ASOF)).toMatch(/NĐ 152\/2025\/NĐ-CP, Điều 33 khoản 7/);
    expect(window(ASOF)).not.toMatch(/Điều 30 khoản 9|chưa xác minh/);
  });
  it('cites Decree 98 Art 30(9) under the 98/2023 rule set', () => {
    expect(window('2025-03-01')).toMatch(/NĐ 98\/2023\/NĐ-CP, Điều 30 khoản 9/);
  });
});

// ————— Law Art 57: medals for people still serving in the armed forces ————————————————————————————————
describe('Law Art 57 — medals (Huy chương Chiến sĩ vẻ vang…) for people still serving in the armed forces', () => {
  const medal = (over: Partial<EligibilityInputRaw['subject']>) => ind('medals', [yr(2025, 'good')], {}, person({ category: 'armed_forces', ...over }));
  const rows: Row[] = [
    { name: 'serving in the armed forces → needs_review (the service time is the council\'s)', in: medal({ inService: true }), eligible: 'needs_review', article: 57 },
    { name: 'a veteran discharged long ago (inService false) → not', in: medal({ inService: false }), eligible: false, article: 57, reasonHas: 'thôi phục vụ' },
    { name: 'still serving unknown → needs_review naming it', in: medal({}), eligible: 'needs_review', reasonHas: 'đang phục vụ' },
    { name: 'a civil servant → not', in: medal({ category: 'civil_servant', inService: true }), eligible: false },
  ];
  it.each(rows)('$name', run);
});

// ————— NĐ 152 Art 4(4): freeze; discipline ——————————————————————————————————————————————————————
/** One eligible input per award, from the tables above. */
const ELIGIBLE: Record<string, () => EligibilityInputRaw> = {
  advanced_worker: () => ind(LDTT, [yr(2025, 'good')]),
  grassroots_emulation_fighter: () => ind(CSTDCS, [yr(2025, 'excellent')]),
  ministerial_provincial_emulation_fighter: () => ind(CSTD_TINH, [cstdcsYear(2023), cstdcsYear(2024), cstdcsYear(2025, { initiatives: [{ scope: 'ministerial_provincial', usedFor: null }] })]),
  advanced_labor_collective: () => coll('advanced_labor_collective', collYear(2025, 'good', { members: 10, membersCompletedTasks: 10, memberTitles: { advanced_worker: 7 } })),
  excellent_labor_collective: () => coll('excellent_labor_collective', collYear(2025, 'excellent', { members: 20, membersCompletedTasks: 20, memberTitles: { advanced_worker: 14, grassroots_emulation_fighter: 1 } })),
  ministerial_provincial_certificate_of_merit: () => ind(BK_TINH, bkTinhYears()),
  prime_minister_certificate_of_merit: () => ind(BK_TTG, fiveYears(), { awards: [award(BK_TINH, 2019, 2020)] }),
  labor_order_3rd_class: () => ind('labor_order_3rd_class', fiveYears(), { awards: [award(BK_TTG, 2019, 2020)] }),
};
const withSubject = (i: EligibilityInputRaw, over: Record<string, unknown>, drop?: string): EligibilityInputRaw => {
  const subject = { ...i.subject, ...over } as Record<string, unknown>;
  if (drop) delete subject[drop];
  return { ...i, subject: subject as EligibilityInputRaw['subject'] };
};

describe('NĐ 152 Art 4(4) — freeze while under review', () => {
  const codes = Object.keys(ELIGIBLE);
  it.each(codes)('%s: the fixture itself is eligible (control)', (code) => run({ name: code, in: ELIGIBLE[code](), eligible: true }));
  it.each(codes)('%s: underReview true → not eligible, citing Art 4', (code) =>
    run({ name: code, in: withSubject(ELIGIBLE[code](), { underReview: true }), eligible: false, freeze: true }));
  it.each(codes)('%s: underReview omitted (unknown) → needs_review, citing Art 4', (code) =>
    run({ name: code, in: withSubject(ELIGIBLE[code](), {}, 'underReview'), eligible: 'needs_review', freeze: true }));
});

describe('discipline in the year reviewed (NĐ 152 Art 4(4): achievements count from the end of discipline)', () => {
  const rows: Row[] = [
    { name: 'LĐTT 2025 with a reprimand running since 01/03/2025 → not', in: ind(LDTT, [yr(2025, 'good', { discipline: [{ level: 'reprimand', from: '2025-03-01', to: null }] })]), eligible: false, reasonHas: '2025' },
    { name: 'LĐTT 2025 with a reprimand 01/03–01/09/2025 → not (only 4 months count)', in: ind(LDTT, [yr(2025, 'good', { discipline: [{ level: 'reprimand', from: '2025-03-01', to: '2025-09-01' }] })]), eligible: false, reasonHas: '2025' },
    { name: 'CSTĐCS 2025 with a warning running → not', in: ind(CSTDCS, [yr(2025, 'excellent', { discipline: [{ level: 'warning', from: '2025-02-01' }] })]), eligible: false },
    {
      name: 'control: a reprimand that ended 30/06/2024 does not touch 2025 → LĐTT eligible',
      in: ind(LDTT, [yr(2024, 'completed', { discipline: [{ level: 'reprimand', from: '2023-07-01', to: '2024-06-30' }] }), yr(2025, 'good')]), eligible: true,
    },
  ];
  it.each(rows)('$name', run);
});

// ————— Hà Nội: Công dân Thủ đô ưu tú ————————————————————————————————————————————————————————
describe('Hà Nội QĐ 71/2025 — Công dân Thủ đô ưu tú (outstanding_capital_citizen)', () => {
  const hn = (over: Partial<EligibilityInputRaw> = {}, subj = person({ residentOfCapital: true }), years = [2021, 2022, 2023, 2024, 2025].map((y) => cstdcsYear(y))) =>
    input('outstanding_capital_citizen', ASOF, subj, years, over);
  const rows: Row[] = [
    { name: 'a strong record → needs_review at best (exceptional achievements need the council)', in: hn(), eligible: 'needs_review' },
    { name: 'already received (once per person) → not', in: hn({ awards: [{ code: 'outstanding_capital_citizen', decisionDate: '2023-10-10', periodFrom: null, periodTo: null, type: 'merit' }] }), eligible: false },
    {
      name: 'already received, recorded among the 2023 titles (once per person) → not',
      in: hn({}, person({ residentOfCapital: true }), [2021, 2022, 2024, 2025].map((y) => cstdcsYear(y)).concat(cstdcsYear(2023, { titles: [LDTT, CSTDCS, 'outstanding_capital_citizen'] }))),
      eligible: false,
    },
    {
      name: 'disciplined (reprimand) in 2025 → not',
      in: hn({}, person({ residentOfCapital: true }), [2021, 2022, 2023, 2024].map((y) => cstdcsYear(y)).concat(cstdcsYear(2025, { discipline: [{ level: 'reprimand', from: '2025-02-01', to: '2025-08-01' }] }))),
      eligible: false,
    },
    { name: 'under review (NĐ 152 Art 4(4)) → not', in: hn({}, person({ residentOfCapital: true, underReview: true })), eligible: false, freeze: true },
    { name: 'not residing in Hà Nội → not', in: hn({}, person({ residentOfCapital: false })), eligible: false },
  ];
  it.each(rows)('$name', run);
});

// ————— Law Art 5(2)(c): one achievement, one award ————————————————————————————————————————————————
describe('Law Art 5(2)(c) — the same achievement is not awarded twice', () => {
  const rows: Row[] = [
    { name: 'Bằng khen tỉnh already received for 2024–2025 → not (duplicate)', in: { ...ELIGIBLE[BK_TINH](), awards: [award(BK_TINH, 2024, 2025)] }, eligible: false, duplicate: true },
    { name: 'Bằng khen tỉnh for 2024–2025 pending → not (duplicate)', in: { ...ELIGIBLE[BK_TINH](), pending: [{ code: BK_TINH, periodFrom: 2024, periodTo: 2025 }] }, eligible: false, duplicate: true },
    { name: 'Bằng khen TTg for 2021–2025 pending → not (duplicate)', in: { ...ELIGIBLE[BK_TTG](), pending: [{ code: BK_TTG, periodFrom: 2021, periodTo: 2025 }] }, eligible: false, duplicate: true },
    { name: 'LĐTT 2025 already conferred (in titles) → not (duplicate)', in: ind(LDTT, [yr(2025, 'good', { titles: [LDTT] })]), eligible: false, duplicate: true },
    { name: 'CSTĐCS 2025 pending → not (duplicate)', in: { ...ELIGIBLE[CSTDCS](), pending: [{ code: CSTDCS, periodFrom: 2025, periodTo: 2025 }] }, eligible: false, duplicate: true },
    { name: 'a higher form (Bằng khen TTg) already given for 2024–2025 → Bằng khen tỉnh for the same achievement is not (duplicate)', in: { ...ELIGIBLE[BK_TINH](), awards: [award(BK_TTG, 2024, 2025)] }, eligible: false, duplicate: true },
    { name: 'control: a Giấy khen for 2019 (another period) does not block → eligible', in: { ...ELIGIBLE[BK_TINH](), awards: [award('certificate_of_commendation', 2019, 2019)] }, eligible: true },
  ];
  it.each(rows)('$name', run);
});

// ————— Rule sets by date ————————————————————————————————————————————————————————————————————
describe('rule-set selection by the date the dossier is received (asOf)', () => {
  const cs = (asOf: string, years = [yr(2025, 'excellent')], extra: Partial<EligibilityInputRaw> = {}) => input(CSTDCS, asOf, person(), years, extra);
  it.each([
    ['2025-03-01', 'law-06-2022/decree-98-2023'],
    ['2025-06-30', 'law-06-2022/decree-98-2023'],
    ['2025-07-01', 'law-06-2022/decree-152-2025'],
    ['2025-12-15', 'law-06-2022/decree-152-2025'],
    ['2026-09-30', 'law-06-2022/decree-152-2025'],
    ['2026-10-01', 'law-06-2026/decree-152-2025'],
    ['2026-11-01', 'law-06-2026/decree-152-2025'],
  ])('asOf %s → %s', (asOf, id) => {
    const years = asOf < '2025-07-01' ? [yr(2024, 'excellent')] : [yr(2025, 'excellent')];
    expect(checkEligibility(cs(asOf, years)).ruleSet).toBe(id);
  });

  const y2026 = (extra: Partial<ReturnType<typeof yr>> = {}) => [yr(2026, 'excellent', extra)];
  const rows: Row[] = [
    { name: '2026 law: excellent, no initiative → not CSTĐCS (setting default true)', in: cs('2026-11-01', y2026()), eligible: false, year: 2026 },
    { name: '2026 law: excellent, no initiative, law2026_cstdcs_requires_initiative=false → CSTĐCS', in: cs('2026-11-01', y2026()), settings: { law2026_cstdcs_requires_initiative: false }, eligible: true },
    { name: '2026 law: excellent + grassroots initiative → CSTĐCS', in: cs('2026-11-01', y2026({ initiatives: [gInit()] })), eligible: true },
    { name: '2026 law: good + grassroots initiative (not excellent) → not CSTĐCS', in: cs('2026-11-01', [yr(2026, 'good', { initiatives: [gInit()] })]), eligible: false },
    { name: '2022 law (asOf 15/09/2026): excellent, no initiative → CSTĐCS', in: cs('2026-09-15', y2026()), eligible: true },
  ];
  it.each(rows)('$name', run);

  it.each([
    ['2025-12-15', false],
    ['2026-11-01', true],
  ])('asOf %s: ruleSetUncertain = %s (the 2026 amending law is marked uncertain in the catalogue)', (asOf, uncertain) => {
    expect(checkEligibility(cs(asOf as string)).ruleSetUncertain).toBe(uncertain);
  });

  it('under the decree-98 set (asOf 01/03/2025) no criterion cites NĐ 152/2025, not yet in force', () => {
    const r = checkEligibility(input(LDTT, '2025-03-01', person({ underReview: true }), [yr(2024, 'good')]));
    expect(r.ruleSet).toBe('law-06-2022/decree-98-2023');
    const cited = allCriteria(r).map((c) => c.basis).filter((b) => /152\/2025/.test(b));
    expect(cited).toEqual([]);
  });

  it('transition: received 15/09/2026, decided 15/11/2026 → judged under the 2022 law (excellent alone suffices)', () => {
    const r = checkEligibility(cs('2026-09-15', y2026(), { decidedOn: '2026-11-15' }));
    expect(r.ruleSet).toBe('law-06-2022/decree-152-2025');
    assertResult(r, { eligible: true });
    // Both sets were compared and the answer says which one applied and why (Law 06/2026 Art 4).
    expect(r.transition).toMatchObject({ applied: 'law-06-2022/decree-152-2025', compared: 'law-06-2026/decree-152-2025' });
    expect(r.transition?.noteVi).toMatch(/01\/10\/2026.*Luật năm 2022/);
  });

  it('transition: a dossier received after 01/10/2026 is judged only under the new law, with no transition note', () => {
    const r = checkEligibility(cs('2026-10-05', y2026(), { decidedOn: '2026-11-15' }));
    expect(r.ruleSet).toBe('law-06-2026/decree-152-2025');
    expect(r.transition).toBeUndefined();
    assertResult(r, { eligible: false });
  });
});

import { DEMO_CASES, DEMO_TRANSFER, DEMO_UNITS, type DemoCase } from './demo-cases.ts';
import { type DisciplineLevel, type HistoryContext, type Rating, type ReviewKind, type Scope, TITLE, overlapsYear } from './history-types.ts';
import { randomName } from './names.ts';
import type { GenPerson } from './people-gen.ts';
import { type Rng, randomDate } from './random.ts';

/**
 * The people of the named demo cases (demo-cases.ts) and their exact histories: the cases themselves and the
 * other members of their two teams, so that each team has exactly 13 members at the end of 2025.
 */

/** A person's history as fixed facts instead of random draws. */
export interface FixedHistory {
  caseKey: DemoCase['key'] | null;
  /** Rating by year; titles follow the rating (good or better → Lao động tiên tiến) unless the year is in `noTitleYears`. */
  ratings: Record<number, Rating>;
  fighterYears: number[];
  noTitleYears: number[];
  initiatives: { year: number; scope: Scope; usedFor: string | null; name: string }[];
  discipline: { level: DisciplineLevel; from: string; to: string; decisionNo: string; reason: string }[];
  leave: { from: string; to: string }[];
  reviewCases: { kind: ReviewKind; openedOn: string; note: string }[];
  awards: { formCode: string; decisionNo: string; decisionDate: string; periodFrom: number; periodTo: number; issuerCode: string }[];
}

type Team = keyof typeof DEMO_UNITS;

interface Spec extends Partial<Omit<FixedHistory, 'caseKey' | 'ratings'>> {
  key?: DemoCase['key'];
  gender?: 'female' | 'male';
  birthDate?: string;
  team: Team;
  position: string;
  isLeader?: boolean;
  from?: string;
  /** An earlier job in another unit, ended by a transfer into the team on `from`. */
  transferredFrom?: { unitCode: string; position: string; from: string };
  /** Ratings 2016–2020 and 2021–2025, one letter a year: E excellent, G good, C completed. */
  early?: string;
  recent: string;
}

const FIGHTER = TITLE.grassrootsFighter;
const SPECS: readonly Spec[] = [
  {
    key: 'a', gender: 'female', birthDate: '1986-05-14', team: 'oneStop', position: 'Công chức Một cửa', from: '2014-09-01', recent: 'GGEEE', fighterYears: [2024, 2025],
    initiatives: [
      { year: 2024, scope: 'grassroots', usedFor: FIGHTER, name: 'Sổ tay điện tử hướng dẫn thủ tục hộ tịch cho người dân' },
      { year: 2025, scope: 'ministerial_provincial', usedFor: null, name: 'Quy trình liên thông đăng ký khai sinh, thường trú và cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi' },
    ],
  },
  {
    key: 'b', gender: 'male', birthDate: '1980-11-02', team: 'oneStop', position: 'Tổ trưởng Tổ Một cửa', isLeader: true, from: '2012-03-01', recent: 'GGEEE', fighterYears: [2023, 2024, 2025],
    initiatives: [
      { year: 2023, scope: 'grassroots', usedFor: FIGHTER, name: 'Bảng theo dõi hồ sơ trễ hạn trên phần mềm một cửa điện tử' },
      { year: 2025, scope: 'ministerial_provincial', usedFor: null, name: 'Mô hình “Một cửa không giấy” tiếp nhận hồ sơ hoàn toàn trực tuyến tại phường' },
    ],
  },
  {
    key: 'c', gender: 'male', birthDate: '1984-02-20', team: 'oneStop', position: 'Công chức Tư pháp - Hộ tịch', from: '2013-07-01', recent: 'EEEEE', fighterYears: [2024], noTitleYears: [2025],
    discipline: [{ level: 'reprimand', from: '2025-02-01', to: '2026-02-01', decisionNo: '45/QĐ-UBND', reason: 'Vi phạm quy định về thời hạn giải quyết hồ sơ thủ tục hành chính' }],
    initiatives: [{ year: 2025, scope: 'grassroots', usedFor: null, name: 'Số hóa sổ hộ tịch lưu trữ giai đoạn 1990–2010' }],
  },
  { key: 'd', gender: 'female', birthDate: '1991-08-09', team: 'oneStop', position: 'Công chức Một cửa', from: '2015-10-01', recent: 'GGGGE', noTitleYears: [2025], leave: [{ from: '2025-03-01', to: '2025-09-01' }] },
  {
    key: 'f', gender: 'male', birthDate: '1988-12-03', team: 'oneStop', position: 'Chuyên viên', from: '2014-04-01', recent: 'GGGGE', noTitleYears: [2025],
    reviewCases: [{ kind: 'complaint', openedOn: '2025-11-01', note: 'Đơn khiếu nại về việc tiếp nhận hồ sơ đất đai, đang xác minh' }],
    initiatives: [{ year: 2025, scope: 'grassroots', usedFor: null, name: 'Tin nhắn tự động báo kết quả hồ sơ cho người dân' }],
  },
  {
    key: 'g', gender: 'female', birthDate: '1979-06-25', team: 'oneStop', position: 'Chuyên viên chính', from: '2010-02-01', early: 'GGGEE', recent: 'EGEGE', fighterYears: [2019, 2020, 2021, 2023, 2025],
    awards: [{ formCode: TITLE.cityMerit, decisionNo: '1520/QĐ-UBND', decisionDate: '2021-04-10', periodFrom: 2019, periodTo: 2020, issuerCode: 'HN' }],
    initiatives: [
      { year: 2019, scope: 'grassroots', usedFor: TITLE.cityMerit, name: 'Phần mềm quản lý lịch tiếp công dân' },
      { year: 2020, scope: 'grassroots', usedFor: TITLE.cityMerit, name: 'Quy trình xử lý phản ánh của người dân qua ứng dụng trực tuyến' },
    ],
  },
  { team: 'oneStop', position: 'Công chức Một cửa', recent: 'GGGGG' },
  { team: 'oneStop', position: 'Công chức Một cửa', recent: 'GEGGG' },
  { team: 'oneStop', position: 'Công chức Một cửa', recent: 'GGGEG' },
  { team: 'oneStop', position: 'Chuyên viên', recent: 'EGGGG' },
  { team: 'oneStop', position: 'Chuyên viên', recent: 'GGEGG' },
  { team: 'oneStop', position: 'Công chức Địa chính - Xây dựng', recent: 'GGGGG' },
  {
    key: 'i', gender: 'female', birthDate: '1989-02-11', team: 'oneStop', position: 'Công chức Tư pháp - Hộ tịch', from: DEMO_TRANSFER.transferredOn, recent: 'GGGGG', noTitleYears: [2025],
    transferredFrom: { unitCode: DEMO_TRANSFER.fromUnitCode, position: 'Chuyên viên', from: DEMO_TRANSFER.recruitedOn },
  },
  {
    key: 'h', gender: 'male', birthDate: '1990-04-17', team: 'urbanOrder', position: 'Đội viên', from: '2015-03-01', recent: 'GGGGE',
    initiatives: [{ year: 2025, scope: 'grassroots', usedFor: null, name: 'Bản đồ số các điểm lấn chiếm vỉa hè trên địa bàn phường' }],
  },
  { team: 'urbanOrder', position: 'Đội trưởng', isLeader: true, recent: 'GEGGG' },
  { team: 'urbanOrder', position: 'Đội phó', isLeader: true, recent: 'GGGGG' },
  ...['GGGGG', 'GGEGG', 'GGGGG', 'EGGGG', 'GGGEG', 'GGGGG', 'GGGGG', 'GGGGC', 'GGGCC', 'GCGGC'].map((recent) => ({ team: 'urbanOrder' as const, position: 'Đội viên', recent })),
];

export const DEMO_PEOPLE_COUNT = SPECS.length;
const CATEGORY: Record<Team, GenPerson['employments'][number]['category']> = { oneStop: 'civil_servant', urbanOrder: 'public_employee' };
const LETTER: Record<string, Rating> = { E: 'excellent', G: 'good', C: 'completed' };

function ratings(spec: Spec): Record<number, Rating> {
  const out: Record<number, Rating> = {};
  [...(spec.early ?? 'GGGGG')].forEach((l, i) => { out[2016 + i] = LETTER[l]; });
  [...spec.recent].forEach((l, i) => { out[2021 + i] = LETTER[l]; });
  return out;
}

/**
 * The demo-case people, with CCCDs from `nationalId` (which keeps them unique among all generated people).
 * The other team members get random names, genders and birth dates from `rng`.
 */
export function generateDemoPeople(rng: Rng, nationalId: (gender: 'female' | 'male', birthYear: number) => string): GenPerson[] {
  return SPECS.map((spec) => {
    const gender = spec.gender ?? (rng.chance(0.5) ? 'female' : 'male');
    const birthYear = spec.birthDate ? Number(spec.birthDate.slice(0, 4)) : rng.int(1975, 1992);
    const birthDate = spec.birthDate ?? randomDate(rng, `${birthYear}-01-01`, `${birthYear}-12-28`);
    const fullName = spec.key ? (DEMO_CASES.find((c) => c.key === spec.key) as DemoCase).name : randomName(rng, gender);
    const from = spec.from ?? randomDate(rng, '2010-01-01', '2015-12-31');
    const unitCode = DEMO_UNITS[spec.team].code;
    return {
      nationalId: nationalId(gender, birthYear), fullName, gender, birthDate, strength: 1,
      employments: [
        ...(spec.transferredFrom ? [{ ...spec.transferredFrom, category: 'civil_servant' as const, isLeader: false, to: from, endReason: 'transfer' }] : []),
        { unitCode, position: spec.position, category: CATEGORY[spec.team], isLeader: spec.isLeader ?? false, from, to: null, endReason: null },
      ],
      fixed: {
        caseKey: spec.key ?? null, ratings: ratings(spec), fighterYears: spec.fighterYears ?? [], noTitleYears: spec.noTitleYears ?? [],
        initiatives: spec.initiatives ?? [], discipline: spec.discipline ?? [], leave: spec.leave ?? [], reviewCases: spec.reviewCases ?? [], awards: spec.awards ?? [],
      },
    };
  });
}

/** Writes a demo-case person's fixed history (within the generated years) into the context's output. */
export function addFixedHistory(ctx: HistoryContext, p: GenPerson, person: number, f: FixedHistory): void {
  const { out } = ctx;
  // The unit a year's rating and titles belong to: the job held on 31 December (a transferred person's new unit).
  const unitOn = (day: string) => (p.employments.find((e) => e.from <= day && (e.to === null || e.to > day)) ?? p.employments[p.employments.length - 1]).unitCode;
  for (const year of ctx.years) {
    const rating = f.ratings[year];
    if (!rating) continue;
    const unitCode = unitOn(`${year}-12-31`);
    const stats = ctx.stats(unitCode, year);
    stats.members++;
    if (rating === 'not_completed') stats.notCompleted++;
    if (f.discipline.some((d) => d.level !== 'reprimand' && overlapsYear(d, year))) stats.warned++;
    out.ratings.push({ person, year, rating, unitCode });
    if (f.noTitleYears.includes(year) || (rating !== 'excellent' && rating !== 'good')) continue;
    const signer = ctx.signer(unitCode, `${year}-12-31`);
    const lao = ctx.decision(signer, year, TITLE.advancedWorker, `${year}-12-15`, `${year + 1}-01-31`);
    out.titles.push({ person, year, titleCode: TITLE.advancedWorker, unitCode, decisionNo: lao.no, decisionDate: lao.date });
    stats.advanced++;
    if (!f.fighterYears.includes(year)) continue;
    const cs = ctx.decision(signer, year, FIGHTER, `${year + 1}-01-05`, `${year + 1}-02-28`);
    out.titles.push({ person, year, titleCode: FIGHTER, unitCode, decisionNo: cs.no, decisionDate: cs.date });
    stats.fighters++;
  }
  for (const i of f.initiatives) {
    if (ctx.years.includes(i.year)) out.initiatives.push({ person, year: i.year, name: i.name, scope: i.scope, recognisedOn: `${i.year}-11-20`, usedFor: i.usedFor });
  }
  for (const d of f.discipline) out.disciplines.push({ person, ...d });
  for (const l of f.leave) out.leaves.push({ person, kind: 'maternity', ...l });
  for (const r of f.reviewCases) out.reviewCases.push({ person, ...r, closedOn: null });
  for (const a of f.awards) out.awards.push({ person, unitCode: null, ...a });
}

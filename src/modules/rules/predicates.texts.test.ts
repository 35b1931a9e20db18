/**
 * Every text of a predicate is built from its parameters and the facts, in Vietnamese and English: each row runs
 * one predicate with parameters other than rule-sets.yaml's and holds its reason (and what is missing) to them.
 * The first rows fail on the old texts: `category_is` always said "armed forces", `rating_count` and
 * `member_title_count` said "none" when some existed, `no_discipline_ever` always said "reprimand", a long course
 * was always "a year", `new_recruit` always named Lao động tiên tiến and the capital was always Hà Nội.
 */
import { describe, expect, it } from 'vitest';
import { type Catalogue, catalogue, ruleSetOn } from '../catalogue/catalogue.ts';
import { defaultSettings } from '../catalogue/settings.ts';
import type { EligibilityInputRaw } from './contract.ts';
import { deriveFacts } from './facts.ts';
import { PREDICATES } from './predicates.ts';
import { inputFor } from './screen-batch.ts';
import { CSTDCS, LDTT, award as priorAwardOf, collective, person, yr } from './test-builders.ts';
import type { AwardEvaluator } from './vocabulary.ts';

const ASOF = '2025-12-15';
type Texts = { status: string; vi: string; en: string; missingVi?: string; missingEn?: string };

/** Runs one predicate, its params parsed by its own schema, on a history judged for `awardCode` in 2025. */
function run(check: string, params: Record<string, unknown>, raw: Omit<EligibilityInputRaw, 'award' | 'asOf'>, awardCode = LDTT, cat: Catalogue = catalogue(), evaluate?: AwardEvaluator): Texts {
  const def = PREDICATES[check];
  const p = def.params.parse(params);
  const rs = ruleSetOn(ASOF, cat);
  const a = cat.byCode.get(awardCode);
  if (!rs || !a) throw new Error('no rule set or award');
  const priorCode = check === 'prior_award' ? String(params.award) : null;
  const f = deriveFacts(inputFor({ ...raw, award: awardCode, asOf: ASOF }, awardCode, ASOF, 2025), a, rs, cat, defaultSettings(), priorCode);
  const o = def.run(f, p, evaluate ?? (() => ({ status: 'met', gap: 0, text: () => ['đạt', 'met'] })));
  const [vi, en, missingVi, missingEn] = o.text();
  return { status: o.status, vi, en, missingVi, missingEn };
}

const individual = (years: EligibilityInputRaw['years'], over: Parameters<typeof person>[0] = {}, awards: EligibilityInputRaw['awards'] = []) => ({ subject: person(over), years, awards });
const team = (figures: NonNullable<NonNullable<EligibilityInputRaw['years']>[number]['collective']>) => ({ subject: collective(), years: [yr(2025, 'good', { collective: figures })] });

interface Row {
  name: string;
  texts: () => Texts;
  status: string;
  vi: string[];
  en: string[];
  /** Words the texts must not say (the old, fixed texts). */
  notVi?: string[];
  notEn?: string[];
}

const rows: Row[] = [
  {
    name: 'category_is civil_servant, met', texts: () => run('category_is', { category: 'civil_servant' }, individual([yr(2025, 'good')])),
    status: 'met', vi: ['Thuộc cán bộ, công chức'], en: ['Member of the civil service'], notVi: ['vũ trang'], notEn: ['armed'],
  },
  {
    name: 'category_is public_employee, unmet for a civil servant', texts: () => run('category_is', { category: 'public_employee' }, individual([yr(2025, 'good')])),
    status: 'unmet', vi: ['Không thuộc viên chức'], en: ['Not in the public employees'], notVi: ['vũ trang'], notEn: ['armed'],
  },
  {
    name: 'category_is farmer, category unknown', texts: () => run('category_is', { category: 'farmer' }, individual([yr(2025, 'good')], { category: undefined })),
    status: 'review', vi: ['nông dân hay không'], en: ['the farmers or not'], notVi: ['vũ trang'],
  },
  {
    name: 'category_is armed_forces still names the armed forces', texts: () => run('category_is', { category: 'armed_forces' }, individual([yr(2025, 'good')], { category: 'armed_forces' })),
    status: 'met', vi: ['Thuộc lực lượng vũ trang'], en: ['Member of the armed forces'],
  },
  {
    name: 'still_serving armed_forces, no longer serving', texts: () => run('still_serving', { category: 'armed_forces' }, individual([yr(2025, 'good')], { category: 'armed_forces', inService: false }), 'medals'),
    status: 'unmet', vi: ['Đã thôi phục vụ trong lực lượng vũ trang: chỉ xét tặng người đang công tác'], en: ['No longer serving in the armed forces: only people still serving'],
  },
  {
    name: 'still_serving civil_servant names that category', texts: () => run('still_serving', { category: 'civil_servant' }, individual([yr(2025, 'good')], { inService: true }), 'medals'),
    status: 'met', vi: ['Đang phục vụ trong cán bộ, công chức'], en: ['Serving in the civil service'], notVi: ['vũ trang'], notEn: ['armed'],
  },
  {
    name: 'rating_count min 3 with 2 excellent years says 2 of 3, not none', texts: () => run('rating_count', { rating: 'excellent', min: 3 }, individual([yr(2023, 'excellent'), yr(2024, 'good'), yr(2025, 'excellent')])),
    status: 'unmet', vi: ['2/3 năm xếp loại "Hoàn thành xuất sắc nhiệm vụ"', '2023, 2025'], en: ["2 of 3 years rated 'excellent'"], notVi: ['Chưa có năm nào'], notEn: ['No year'],
  },
  {
    name: 'rating_count with none says none, and what is missing names the gap', texts: () => run('rating_count', { rating: 'excellent', min: 2 }, individual([yr(2024, 'good'), yr(2025, 'good')])),
    status: 'unmet', vi: ['Chưa có năm nào xếp loại "Hoàn thành xuất sắc nhiệm vụ"', '2 năm xếp loại'], en: ["No year rated 'excellent'", "2 year(s) rated 'excellent'"],
  },
  {
    name: 'member_title_count min 3 with 1 says 1, not none', texts: () => run('member_title_count', { title: CSTDCS, min: 3 }, team({ members: 20, memberTitles: { [CSTDCS]: 1 } }), 'excellent_labor_collective'),
    status: 'unmet', vi: ['1 thành viên đạt Chiến sĩ thi đua cơ sở, cần 3', '2 thành viên đạt'], en: ['1 member(s) are Grassroots emulation fighter, 3 needed', '2 member(s) with'], notVi: ['không có thành viên'], notEn: ['no member'],
  },
  {
    name: 'member_title_count with none says none', texts: () => run('member_title_count', { title: CSTDCS, min: 1 }, team({ members: 20, memberTitles: { [CSTDCS]: 0 } }), 'excellent_labor_collective'),
    status: 'unmet', vi: ['không có thành viên đạt Chiến sĩ thi đua cơ sở'], en: ['no member is Grassroots emulation fighter'],
  },
  {
    name: 'no_discipline_ever at warning names the warning', texts: () => run('no_discipline_ever', { level: 'warning' }, individual([yr(2025, 'good')])),
    status: 'met', vi: ['Chưa bị kỷ luật từ cảnh cáo trở lên'], en: ['Never disciplined at warning or above'], notVi: ['khiển trách'], notEn: ['reprimand'],
  },
  {
    name: 'long_training of two years with a result of very good', texts: () => run('long_training', { minMonths: 24, result: 'very_good' }, individual([yr(2025, 'good', { monthsWorked: 0, leave: [{ kind: 'training', months: 12, courseMonths: 24, result: 'fair' }] })])),
    status: 'unmet', vi: ['từ 02 năm trở lên', 'kết quả loại khá, dưới loại giỏi'], en: ['a course of 2 years or more', 'below very good'], notVi: ['01 năm'], notEn: ['a year or more'],
  },
  {
    name: 'long_training of 18 months, no such course', texts: () => run('long_training', { minMonths: 18 }, individual([yr(2025, 'good', { leave: [{ kind: 'training', months: 12 }] })])),
    status: 'unmet', vi: ['không có khóa đào tạo, bồi dưỡng từ 18 tháng trở lên'], en: ['no course of 18 months or more'],
  },
  {
    name: 'new_recruit for Chiến sĩ tiên tiến names that title and its months', texts: () => run('new_recruit', { months: 9 }, individual([yr(2025, 'good')], { category: 'armed_forces', recruitedOn: '2025-05-01' }), 'advanced_soldier'),
    status: 'unmet', vi: ['không xét Chiến sĩ tiên tiến đối với người mới tuyển dụng dưới 9 tháng'], en: ['no Advanced soldier for a new recruit under 9 months'], notVi: ['Lao động tiên tiến'], notEn: ['Advanced worker'],
  },
  {
    name: 'resident_of_capital names the catalogue\'s city', texts: () => run('resident_of_capital', {}, individual([yr(2025, 'good')], { residentOfCapital: false }), 'outstanding_capital_citizen', { ...catalogue(), city: { nameVi: 'Huế', nameEn: 'Hue', basis: 'test' } }),
    status: 'unmet', vi: ['Không cư trú tại Huế'], en: ['Does not reside in Hue'], notVi: ['Hà Nội'], notEn: ['Hà Nội'],
  },
  {
    name: 'rating_at_least excellent', texts: () => run('rating_at_least', { rating: 'excellent' }, individual([yr(2025, 'good')])),
    status: 'unmet', vi: ['thấp hơn "Hoàn thành xuất sắc nhiệm vụ"'], en: ["below 'excellent'"],
  },
  {
    name: 'rating_chain of 4 good years', texts: () => run('rating_chain', { rating: 'good', years: 4 }, individual([yr(2023, 'good'), yr(2024, 'good'), yr(2025, 'good')])),
    status: 'unmet', vi: ['cần 4 năm', 'Thêm 1 năm'], en: ['4 needed', '1 more consecutive'],
  },
  {
    name: 'title_chain of 4 titles every 2 years', texts: () => run('title_chain', { title: CSTDCS, times: 4, spanYears: 2 }, individual([yr(2023, 'excellent', { titles: [CSTDCS] }), yr(2025, 'excellent', { titles: [CSTDCS] })])),
    status: 'unmet', vi: ['2 lần liên tục (2023, 2025), cần 4 lần liên tục'], en: ['4 consecutive needed'],
  },
  {
    name: 'title_count of 2 titles', texts: () => run('title_count', { title: LDTT, times: 2 }, individual([yr(2025, 'good', { titles: [LDTT] })])),
    status: 'unmet', vi: ['1/2 lần'], en: ['1 of 2'],
  },
  {
    name: 'initiative: two national ones in a 3-year chain', texts: () => run('initiative', { scope: 'national', count: 2, window: 'chain', chainYears: 3 }, individual([yr(2024, 'good', { initiatives: [{ scope: 'national' }] }), yr(2025, 'good')])),
    status: 'unmet', vi: ['2023–2025: có 1/2 sáng kiến toàn quốc'], en: ['1 of 2 national initiative(s)'],
  },
  {
    name: 'science_project: one city-level accepted work', texts: () => run('science_project', { scope: 'ministerial_provincial' }, individual([yr(2025, 'good', { scienceProjects: [{ scope: 'ministerial_provincial', accepted: true }] })])),
    status: 'met', vi: ['đề tài khoa học cấp thành phố (Bộ, ngành, tỉnh) đã nghiệm thu'], en: ['accepted city/provincial science work(s)'],
  },
  {
    name: 'member_share of 80 %', texts: () => run('member_share', { title: LDTT, pct: 80 }, team({ members: 10, memberTitles: { [LDTT]: 7 } }), 'advanced_labor_collective'),
    status: 'unmet', vi: ['dưới 80%', 'cần 8/10'], en: ['under 80%', '8 of 10 needed'],
  },
  {
    name: 'no_member_disciplined at demotion', texts: () => run('no_member_disciplined', { level: 'demotion' }, team({ membersDisciplined: { warning: 2 } }), 'advanced_labor_collective'),
    status: 'met', vi: ['từ giáng chức trở lên'], en: ['at demotion or above'],
  },
  {
    name: 'collective_fact exceededTargets', texts: () => run('collective_fact', { fact: 'exceededTargets' }, team({ exceededTargets: false }), 'ministerial_provincial_emulation_flag'),
    status: 'unmet', vi: ['không hoàn thành vượt mức'], en: ['did not exceed its targets'],
  },
  {
    name: 'prior_award names the award it asks for', texts: () => run('prior_award', { award: 'ministerial_provincial_certificate_of_merit' }, individual([yr(2025, 'good')]), 'prime_minister_certificate_of_merit'),
    status: 'unmet', vi: ['Chưa được tặng Bằng khen của Bộ, ban, ngành, tỉnh'], en: ["Has not received City chairman's certificate of merit"],
  },
  {
    name: 'prior_award met names the decision', texts: () => run('prior_award', { award: 'ministerial_provincial_certificate_of_merit' }, individual([yr(2025, 'good')], {}, [priorAwardOf('ministerial_provincial_certificate_of_merit', 2019, 2020, { decisionNo: '12/QĐ' })]), 'prime_minister_certificate_of_merit'),
    status: 'met', vi: ['số 12/QĐ', 'thành tích đến năm 2020'], en: ['achievement period to 2020'],
  },
  {
    name: 'not_received_before names the award', texts: () => run('not_received_before', { award: 'for_building_the_capital_badge' }, individual([yr(2025, 'good')]), 'for_building_the_capital_badge'),
    status: 'met', vi: ['Chưa được tặng Huy hiệu'], en: ['Has not received'],
  },
  {
    name: 'meets_award names the standard', texts: () => run('meets_award', { award: 'excellent_labor_collective' }, team({}), 'ministerial_provincial_emulation_flag', catalogue(), () => ({ status: 'unmet', gap: 1, text: () => ['thiếu', 'short'] })),
    status: 'unmet', vi: ['chưa đạt tiêu chuẩn Tập thể lao động xuất sắc (thiếu)'], en: ['does not meet the Excellent labour collective standard (short)'],
  },
  {
    name: 'judgement says the words it is given', texts: () => run('judgement', { vi: 'Việc thử', en: 'A test deed' }, individual([yr(2025, 'good')])),
    status: 'review', vi: ['Việc thử: cần Hội đồng xem xét'], en: ["A test deed: needs the council's judgement"],
  },
  {
    name: 'confirmed_at_review says the words it is given', texts: () => run('confirmed_at_review', { vi: 'Đoàn kết', en: 'Solidarity' }, individual([yr(2025, 'good')])),
    status: 'met', vi: ['Đoàn kết: Hội đồng xác nhận'], en: ['Solidarity: confirmed by the council'],
  },
];

describe('every text is built from its parameters (vi and en)', () => {
  it.each(rows)('$name', (row) => {
    const t = row.texts();
    const vi = [t.vi, t.missingVi ?? ''].join(' | ');
    const en = [t.en, t.missingEn ?? ''].join(' | ');
    expect(t.status).toBe(row.status);
    for (const s of row.vi) expect(vi).toContain(s);
    for (const s of row.en) expect(en).toContain(s);
    for (const s of row.notVi ?? []) expect(vi).not.toContain(s);
    for (const s of row.notEn ?? []) expect(en).not.toContain(s);
  });
});

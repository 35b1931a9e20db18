/**
 * Reward money (law.md §E; NĐ 152/2025 Arts 49–54): coefficient × base salary in force on the decision date,
 * rounded up to 10,000 VND; households get 1.5× the individual amount; concurrent awards per Art 49.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/catalogue.ts';
import { plantLaw } from '../catalogue/test-law-files.ts';
import { concurrentRewards, rewardAmount as rewardOrNull } from './money.ts';

type Kind = 'individual' | 'collective' | 'household';
const AFTER_RAISE = '2026-07-15'; // base 2,530,000 (NĐ 161/2026, from 01/07/2026)
/** The amount, which must exist for every award in these tables. */
function rewardAmount(...args: Parameters<typeof rewardOrNull>) {
  const r = rewardOrNull(...args);
  expect(r, `no amount for ${args[0].award} (${args[0].subjectKind})`).not.toBeNull();
  return r!;
}
const ceil10k = (x: number) => Math.ceil(Math.round(x) / 10_000) * 10_000;

describe('NĐ 152 Arts 50–54 — worked amounts at 2,530,000 (law.md §E.3)', () => {
  const rows: [string, string, Kind, number, number][] = [
    ['LĐTT', 'advanced_worker', 'individual', 0.3, 760_000],
    ['CSTĐ cơ sở', 'grassroots_emulation_fighter', 'individual', 1.0, 2_530_000],
    ['CSTĐ tỉnh', 'ministerial_provincial_emulation_fighter', 'individual', 3.0, 7_590_000],
    ['CSTĐ toàn quốc', 'national_emulation_fighter', 'individual', 4.5, 11_390_000],
    ['Tập thể LĐTT', 'advanced_labor_collective', 'collective', 0.8, 2_030_000],
    ['Tập thể LĐXS', 'excellent_labor_collective', 'collective', 1.5, 3_800_000],
    ['Giấy khen (individual)', 'certificate_of_commendation', 'individual', 0.3, 760_000],
    ['Giấy khen (collective)', 'certificate_of_commendation', 'collective', 0.6, 1_520_000],
    ['Bằng khen tỉnh', 'ministerial_provincial_certificate_of_merit', 'individual', 1.5, 3_800_000],
    ['Bằng khen Thủ tướng (individual)', 'prime_minister_certificate_of_merit', 'individual', 3.5, 8_860_000],
    ['Bằng khen Thủ tướng (collective)', 'prime_minister_certificate_of_merit', 'collective', 7.0, 17_710_000],
    ['Huân chương Lao động hạng Ba', 'labor_order_3rd_class', 'individual', 4.5, 11_390_000],
    ['Cờ thi đua tỉnh', 'ministerial_provincial_emulation_flag', 'collective', 8.0, 20_240_000],
    ['Cờ thi đua Chính phủ', 'government_emulation_flag', 'collective', 12.0, 30_360_000],
  ];
  it.each(rows)('%s (%s, %s) = %d× → %d', (_n, awardCode, subjectKind, coefficient, amount) => {
    const r = rewardAmount({ award: awardCode, subjectKind, decisionDate: AFTER_RAISE });
    expect(r.coefficient).toBeCloseTo(coefficient, 10);
    expect(r.baseSalary).toBe(2_530_000);
    expect(r.raw).toBeCloseTo(coefficient * 2_530_000, 3);
    expect(r.amount).toBe(amount);
    expect(r.basis).toMatch(/152\/2025/);
  });

  // The coefficient sits in one article: titles Art 50, orders Art 51, forms Art 54 (law.md §E.3).
  it.each([
    ['advanced_worker', 'individual', 50],
    ['advanced_labor_collective', 'collective', 50],
    ['labor_order_3rd_class', 'individual', 51],
    ['prime_minister_certificate_of_merit', 'individual', 54],
  ] as [string, Kind, number][])('%s (%s): basis cites the article holding the coefficient, Điều %d', (awardCode, subjectKind, article) => {
    const r = rewardAmount({ award: awardCode, subjectKind, decisionDate: AFTER_RAISE });
    expect(r.basis).toMatch(new RegExp(`Điều ${article}(?![\\d–-])`));
  });
});

describe('NĐ 152 Art 49 — base salary on the decision date and rounding', () => {
  it('LĐTT at 2,530,000: 0.3 × 2,530,000 = 759,000 → 760,000 rounded up (default ceil_to_10000)', () => {
    const r = rewardAmount({ award: 'advanced_worker', subjectKind: 'individual', decisionDate: AFTER_RAISE });
    expect([r.raw, r.amount]).toEqual([759_000, 760_000]);
  });
  it("LĐTT at 2,530,000 with money_rounding 'none' → 759,000", () => {
    const r = rewardAmount({ award: 'advanced_worker', subjectKind: 'individual', decisionDate: AFTER_RAISE }, { settings: { money_rounding: 'none' } });
    expect(r.amount).toBe(759_000);
  });
  it('explicit ceil_to_10000 gives the default', () => {
    const r = rewardAmount({ award: 'advanced_worker', subjectKind: 'individual', decisionDate: AFTER_RAISE }, { settings: { money_rounding: 'ceil_to_10000' } });
    expect(r.amount).toBe(760_000);
  });
  it.each([
    ['2024-07-01', 2_340_000],
    ['2025-12-15', 2_340_000],
    ['2026-06-30', 2_340_000],
    ['2026-07-01', 2_530_000],
    ['2027-01-10', 2_530_000],
  ])('a decision dated %s uses base salary %d', (decisionDate, base) => {
    expect(rewardAmount({ award: 'grassroots_emulation_fighter', subjectKind: 'individual', decisionDate }).baseSalary).toBe(base);
  });
  it('decision 30/06/2026: LĐTT 0.3 × 2,340,000 = 702,000 → 710,000 rounded; 702,000 unrounded', () => {
    const r = rewardAmount({ award: 'advanced_worker', subjectKind: 'individual', decisionDate: '2026-06-30' });
    expect([r.baseSalary, r.raw, r.amount]).toEqual([2_340_000, 702_000, 710_000]);
    expect(rewardAmount({ award: 'advanced_worker', subjectKind: 'individual', decisionDate: '2026-06-30' }, { settings: { money_rounding: 'none' } }).amount).toBe(702_000);
  });
  it('decision 30/06/2026: CSTĐCS = 2,340,000; decision 01/07/2026: 2,530,000', () => {
    expect(rewardAmount({ award: 'grassroots_emulation_fighter', subjectKind: 'individual', decisionDate: '2026-06-30' }).amount).toBe(2_340_000);
    expect(rewardAmount({ award: 'grassroots_emulation_fighter', subjectKind: 'individual', decisionDate: '2026-07-01' }).amount).toBe(2_530_000);
  });
});

describe('NĐ 152 — a household receives 1.5× the individual amount of the form', () => {
  it.each([
    ['ministerial_provincial_certificate_of_merit', AFTER_RAISE, 5_700_000],
    ['ministerial_provincial_certificate_of_merit', '2026-06-30', 5_270_000],
    ['certificate_of_commendation', AFTER_RAISE, 1_140_000],
    ['prime_minister_certificate_of_merit', AFTER_RAISE, 13_290_000],
  ])('%s decided %s → %d', (awardCode, decisionDate, amount) => {
    const ind = rewardAmount({ award: awardCode, subjectKind: 'individual', decisionDate });
    const hh = rewardAmount({ award: awardCode, subjectKind: 'household', decisionDate });
    expect(hh.coefficient).toBeCloseTo(1.5 * ind.coefficient, 10);
    expect(hh.raw).toBeCloseTo(1.5 * ind.raw, 3);
    expect(hh.amount).toBe(ceil10k(1.5 * ind.raw));
    expect(hh.amount).toBe(amount);
  });
});

describe('NĐ 152 Art 49 — several titles/forms at once', () => {
  type Item = Parameters<typeof concurrentRewards>[0][number];
  const it_ = (awardCode: string, subjectKind: Kind, periodFrom: number, periodTo = periodFrom, decisionDate = AFTER_RAISE): Item => ({ award: awardCode, subjectKind, decisionDate, periodFrom, periodTo });
  const paidOf = (items: Item[]) => {
    const out = concurrentRewards(items);
    expect(out).toHaveLength(items.length);
    return Object.fromEntries(out.map((o) => [o.award, o]));
  };

  it('LĐTT 2025 and LĐTT 2026 (different periods) → both paid', () => {
    const out = concurrentRewards([it_('advanced_worker', 'individual', 2025), it_('advanced_worker', 'individual', 2026)]);
    expect(out.map((o) => [o.paid, o.amount])).toEqual([[true, 760_000], [true, 760_000]]);
  });
  it('CSTĐCS 2024 and LĐTT 2025 (different periods) → both paid', () => {
    const o = paidOf([it_('grassroots_emulation_fighter', 'individual', 2024), it_('advanced_worker', 'individual', 2025)]);
    expect([o.grassroots_emulation_fighter.paid, o.advanced_worker.paid]).toEqual([true, true]);
  });
  it('LĐTT and CSTĐCS for the same year 2025 → only CSTĐCS (the higher title) is paid', () => {
    const o = paidOf([it_('advanced_worker', 'individual', 2025), it_('grassroots_emulation_fighter', 'individual', 2025)]);
    expect(o.grassroots_emulation_fighter.paid).toBe(true);
    expect(o.grassroots_emulation_fighter.amount).toBe(2_530_000);
    expect(o.advanced_worker.paid).toBe(false);
    expect(o.advanced_worker.reasonVi.length).toBeGreaterThan(0);
  });
  it('LĐTT, CSTĐCS and CSTĐ tỉnh all for 2025 → only CSTĐ tỉnh is paid', () => {
    const o = paidOf([
      it_('grassroots_emulation_fighter', 'individual', 2025),
      it_('ministerial_provincial_emulation_fighter', 'individual', 2025),
      it_('advanced_worker', 'individual', 2025),
    ]);
    expect([o.advanced_worker.paid, o.grassroots_emulation_fighter.paid, o.ministerial_provincial_emulation_fighter.paid]).toEqual([false, false, true]);
    expect(o.ministerial_provincial_emulation_fighter.amount).toBe(7_590_000);
  });
  it('CSTĐCS (a title) and a Giấy khen (a form) for 2025 at the same time → both paid', () => {
    const o = paidOf([it_('grassroots_emulation_fighter', 'individual', 2025), it_('certificate_of_commendation', 'individual', 2025)]);
    expect([o.grassroots_emulation_fighter.paid, o.certificate_of_commendation.paid]).toEqual([true, true]);
    expect(o.certificate_of_commendation.amount).toBe(760_000);
  });
  it('LĐTT + CSTĐCS for 2025 and a Bằng khen tỉnh for 2024–2025 → CSTĐCS and the Bằng khen paid, LĐTT not', () => {
    const o = paidOf([
      it_('advanced_worker', 'individual', 2025),
      it_('grassroots_emulation_fighter', 'individual', 2025),
      it_('ministerial_provincial_certificate_of_merit', 'individual', 2024, 2025),
    ]);
    expect([o.advanced_worker.paid, o.grassroots_emulation_fighter.paid, o.ministerial_provincial_certificate_of_merit.paid]).toEqual([false, true, true]);
    expect(o.ministerial_provincial_certificate_of_merit.amount).toBe(3_800_000);
  });
  it('Tập thể LĐTT and Tập thể LĐXS for the same year → only TTLĐXS is paid', () => {
    const o = paidOf([it_('advanced_labor_collective', 'collective', 2025), it_('excellent_labor_collective', 'collective', 2025)]);
    expect([o.advanced_labor_collective.paid, o.excellent_labor_collective.paid]).toEqual([false, true]);
    expect(o.excellent_labor_collective.amount).toBe(3_800_000);
  });
  it('each item is valued at its own decision date', () => {
    const o = paidOf([it_('advanced_worker', 'individual', 2025, 2025, '2026-03-01'), it_('certificate_of_commendation', 'individual', 2026, 2026, '2026-12-01')]);
    expect([o.advanced_worker.amount, o.certificate_of_commendation.amount]).toEqual([710_000, 760_000]);
  });
});

describe('the money rule is data (catalogue.yaml meta): a change there changes the amount on its date', () => {
  const raise2026 = '- {from: 2026-07-01, amount: 2530000, basis: "NĐ 161/2026/NĐ-CP (signed 15/05/2026)", setting: base_salary_from_2026_07_01}';

  it('a new base salary period applies from its first day, citing its decree', () => {
    const cat = loadCatalogue(plantLaw([{
      file: 'catalogue.yaml', from: raise2026,
      to: `${raise2026.replace('from: 2026-07-01,', 'from: 2026-07-01, to: 2027-06-30,')}\n    - {from: 2027-07-01, amount: 2800000, basis: "NĐ 999/2027/NĐ-CP (test)"}`,
    }]).dir);
    const before = rewardAmount({ award: 'advanced_worker', subjectKind: 'individual', decisionDate: '2027-06-30' }, { catalogue: cat });
    const after = rewardAmount({ award: 'advanced_worker', subjectKind: 'individual', decisionDate: '2027-07-01' }, { catalogue: cat });
    expect([before.baseSalary, before.amount]).toEqual([2_530_000, 760_000]);
    expect([after.baseSalary, after.amount]).toEqual([2_800_000, 840_000]);
    expect(after.basis).toContain('lương cơ sở theo NĐ 999/2027/NĐ-CP (test)');
  });

  it('the period whose decree is unconfirmed reads its amount from the setting it names, from its first day only', () => {
    const settings = { base_salary_from_2026_07_01: 2_600_000 };
    expect(rewardAmount({ award: 'advanced_worker', subjectKind: 'individual', decisionDate: '2026-06-30' }, { settings }).baseSalary).toBe(2_340_000);
    expect(rewardAmount({ award: 'advanced_worker', subjectKind: 'individual', decisionDate: '2026-07-01' }, { settings }).amount).toBe(780_000);
    const named = loadCatalogue(plantLaw([{ file: 'catalogue.yaml', from: raise2026, to: raise2026.replace(', setting: base_salary_from_2026_07_01', '') }]).dir);
    expect(rewardAmount({ award: 'advanced_worker', subjectKind: 'individual', decisionDate: '2026-07-01' }, { catalogue: named, settings }).baseSalary).toBe(2_530_000);
  });

  it('the article cited for a coefficient comes from the data, by code before kind', () => {
    const cat = loadCatalogue(plantLaw([{ file: 'catalogue.yaml', from: 'by_kind: {title: 50, city_title: 50, form: 54}', to: 'by_kind: {title: 50, city_title: 50, form: 53}' }]).dir);
    expect(rewardAmount({ award: 'certificate_of_commendation', subjectKind: 'individual', decisionDate: AFTER_RAISE }, { catalogue: cat }).basis).toMatch(/Điều 53(?!\d)/);
    expect(rewardAmount({ award: 'labor_order_3rd_class', subjectKind: 'individual', decisionDate: AFTER_RAISE }, { catalogue: cat }).basis).toMatch(/Điều 51(?!\d)/);
  });

  it("a household's amount cites the multiple in force", () => {
    const r = rewardAmount({ award: 'certificate_of_commendation', subjectKind: 'household', decisionDate: AFTER_RAISE }, { settings: { household_multiplier: 2 } });
    expect(r.amount).toBe(1_520_000);
    expect(r.basis).toContain('hộ gia đình bằng 2 lần mức cá nhân');
  });
});

/**
 * Properties any correct reading of the law keeps, over random individual histories 2016–2025:
 * order does not matter, discipline never helps, a better rating never hurts, same input → same output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EligibilityInputRaw } from './contract.ts';
import { ZEligibilityInput } from './contract.ts';
import { checkEligibility, screenAwards, screenParsed } from './engine.ts';
import { ELIGIBLE_RANK, person, summary } from './test-builders.ts';

type YearRaw = NonNullable<EligibilityInputRaw['years']>[number];
type AwardRaw = NonNullable<EligibilityInputRaw['awards']>[number];

const AWARDS = [
  'advanced_worker', 'grassroots_emulation_fighter', 'ministerial_provincial_emulation_fighter', 'national_emulation_fighter',
  'certificate_of_commendation', 'ministerial_provincial_certificate_of_merit', 'prime_minister_certificate_of_merit', 'labor_order_3rd_class',
] as const;
const TITLES = ['advanced_worker', 'grassroots_emulation_fighter', 'ministerial_provincial_emulation_fighter'];
const NUM_RUNS = 200;

const ratingArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('excellent' as const, 'good' as const) },
  { weight: 2, arbitrary: fc.constantFrom('completed' as const, 'not_completed' as const) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const scopeArb = fc.constantFrom('grassroots' as const, 'ministerial_provincial' as const, 'national' as const);
const initiativeArb = fc.record({ scope: scopeArb, usedFor: fc.constantFrom(null, null, 'grassroots_emulation_fighter', 'ministerial_provincial_certificate_of_merit') });
const scienceArb = fc.record({ scope: scopeArb, accepted: fc.boolean() });
/** Leave of every kind, with courses under and over a year, with and without a result (TT 01/2024 Art 1(5)). */
const leaveArb = fc.record(
  {
    kind: fc.constantFrom('maternity' as const, 'sick' as const, 'unpaid' as const, 'training' as const, 'injury' as const),
    months: fc.constantFrom(2, 4, 6, 12),
    courseMonths: fc.constantFrom(6, 14),
    result: fc.constantFrom('fair' as const, 'average' as const),
  },
  { requiredKeys: ['kind', 'months'] },
);
/** Recruited long ago, this year, or known only by the start in the unit (a transfer's start, or a recruit's). */
const subjectArb = fc.record({
  recruitedOn: fc.constantFrom(undefined, '2012-03-01', '2025-05-01', '2025-08-01'),
  startedOn: fc.constantFrom(undefined, '2010-01-01', '2025-09-01'),
}).map(({ recruitedOn, startedOn }) => {
  const s = person();
  delete s.startedOn;
  return { ...s, ...(recruitedOn ? { recruitedOn } : {}), ...(startedOn ? { startedOn } : {}) };
});

const yearArb = (year: number): fc.Arbitrary<YearRaw> =>
  fc.record({
    rating: ratingArb,
    monthsWorked: fc.constantFrom(12, 12, 12, 11, 9),
    titles: fc.subarray(TITLES),
    initiatives: fc.array(initiativeArb, { maxLength: 2 }),
    scienceProjects: fc.array(scienceArb, { maxLength: 1 }),
    leave: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.array(leaveArb, { minLength: 1, maxLength: 2 }) }),
  }).map(({ leave, ...y }) => ({ year, ...y, ...(leave ? { leave } : {}) }));

const priorAwardArb: fc.Arbitrary<AwardRaw> = fc
  .record({
    code: fc.constantFrom('certificate_of_commendation', 'ministerial_provincial_certificate_of_merit', 'prime_minister_certificate_of_merit'),
    from: fc.integer({ min: 2014, max: 2024 }),
    len: fc.integer({ min: 0, max: 4 }),
    type: fc.constantFrom('merit' as const, 'merit' as const, 'sudden' as const, 'movement' as const),
  })
  .map(({ code, from, len, type }) => {
    const to = Math.min(from + len, 2024);
    return { code, decisionDate: `${to + 1}-04-15`, periodFrom: from, periodTo: to, type };
  });

/** Years 2016–2025, a few dropped, with random prior awards; the proposal dated 15/12/2025 or 01/03/2026. */
const randomHistoryArb = fc
  .record({
    years: fc.tuple(...Array.from({ length: 10 }, (_, i) => yearArb(2016 + i))),
    keep: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }),
    awards: fc.array(priorAwardArb, { maxLength: 3 }),
    asOf: fc.constantFrom('2025-12-15', '2026-03-01'),
    subject: subjectArb,
  })
  .map(({ years, keep, awards, asOf, subject }) => ({
    years: years.filter((y, i) => y.year === 2025 || keep[i] !== 0),
    awards,
    asOf,
    subject,
  }));

/** Strong records (mostly good/excellent, title chains, a prior merit Bằng khen) so that higher awards are reached too. */
const strongTitles: fc.Arbitrary<string[]> = fc.constantFrom<string[]>(['advanced_worker'], ['advanced_worker', 'grassroots_emulation_fighter'], ['advanced_worker', 'grassroots_emulation_fighter'], ['advanced_worker', 'grassroots_emulation_fighter', 'ministerial_provincial_emulation_fighter']);
const strongYearArb = (year: number): fc.Arbitrary<YearRaw> =>
  fc.record({
    rating: fc.constantFrom('excellent' as const, 'excellent' as const, 'good' as const, 'good' as const, 'good' as const, 'completed' as const),
    monthsWorked: fc.constant(12),
    // the review year usually has no title yet (else the proposal would be a duplicate)
    titles: year === 2025 ? fc.oneof({ weight: 3, arbitrary: fc.constant([] as string[]) }, { weight: 1, arbitrary: strongTitles }) : strongTitles,
    initiatives: fc.array(initiativeArb, { maxLength: 2 }),
    scienceProjects: fc.array(scienceArb, { maxLength: 1 }),
  }).map((y) => ({ year, ...y }));
const strongPriorArb: fc.Arbitrary<AwardRaw> = fc
  .record({
    code: fc.constantFrom('ministerial_provincial_certificate_of_merit', 'prime_minister_certificate_of_merit'),
    to: fc.integer({ min: 2018, max: 2021 }),
    type: fc.constantFrom('merit' as const, 'merit' as const, 'merit' as const, 'sudden' as const),
  })
  .map(({ code, to, type }) => ({ code, decisionDate: `${to + 1}-04-15`, periodFrom: to - 1, periodTo: to, type }));
const strongHistoryArb = fc.record({
  years: fc.tuple(...Array.from({ length: 10 }, (_, i) => strongYearArb(2016 + i))),
  awards: fc.array(strongPriorArb, { minLength: 1, maxLength: 2 }),
  asOf: fc.constantFrom('2025-12-15', '2026-03-01'),
});

const historyArb = fc.oneof(randomHistoryArb, strongHistoryArb);

const build = (award: string, h: { years: YearRaw[]; awards: AwardRaw[]; asOf: string; subject?: EligibilityInputRaw['subject'] }): EligibilityInputRaw =>
  ({ award, asOf: h.asOf, subject: h.subject ?? person(), years: h.years, awards: h.awards });

const check = (i: EligibilityInputRaw) => checkEligibility(structuredClone(i));
const better = { not_completed: 'completed', completed: 'good', good: 'excellent', excellent: 'excellent' } as const;

describe.each(AWARDS)('properties of %s', (award) => {
  it('(a) shuffling years and awards never changes the result', () => {
    fc.assert(
      fc.property(historyArb, fc.integer(), (h, seed) => {
        const shuffled = { ...h, years: shuffle(h.years, seed), awards: shuffle(h.awards, seed + 1) };
        expect(summary(check(build(award, shuffled)))).toEqual(summary(check(build(award, h))));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(b) adding a reprimand within a year of the history never raises the result', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), fc.constantFrom(['03-01', '09-01'], ['01-15', '12-20'], ['06-01', '06-30']), (h, pick, [from, to]) => {
        const i = pick % h.years.length;
        const y = h.years[i];
        const disciplined = { ...h, years: h.years.map((x, k) => (k === i ? { ...x, discipline: [{ level: 'reprimand' as const, from: `${y.year}-${from}`, to: `${y.year}-${to}` }] } : x)) };
        const before = check(build(award, h)).eligible;
        const after = check(build(award, disciplined)).eligible;
        expect(ELIGIBLE_RANK(after), `${y.year}: ${String(before)} → ${String(after)}`).toBeLessThanOrEqual(ELIGIBLE_RANK(before));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(c) a better rating in one year never turns eligible into not eligible', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), (h, pick) => {
        const i = pick % h.years.length;
        const y = h.years[i];
        if (y.rating === null || y.rating === undefined || y.rating === 'excellent') return;
        const improved = { ...h, years: h.years.map((x, k) => (k === i ? { ...x, rating: better[y.rating as keyof typeof better] } : x)) };
        const before = check(build(award, h)).eligible;
        if (before !== true) return;
        const after = check(build(award, improved)).eligible;
        expect(after, `${y.year}: ${y.rating} → ${better[y.rating as keyof typeof better]}`).not.toBe(false);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(generator) the histories reach both eligible and not eligible, so the properties are not vacuous', () => {
    const seen = new Set(fc.sample(historyArb, { numRuns: 400, seed: 7 }).map((h) => check(build(award, h)).eligible));
    if (award === 'certificate_of_commendation') expect(seen.has('needs_review')).toBe(true); // standards set by each ministry/province: judgement
    else expect([seen.has(true), seen.has(false)]).toEqual([true, true]);
  });

  it('(e) under review (NĐ 152 Art 4(4)) the answer is always false, whatever the history', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const i = build(award, h);
        expect(check({ ...i, subject: { ...i.subject, underReview: true } }).eligible).toBe(false);
      }),
      { numRuns: NUM_RUNS / 2 },
    );
  });

  it('(f) screening that stops early (discovery, maxSteps 1) agrees with the full check on everything a list shows', () => {
    fc.assert(
      fc.property(historyArb, fc.boolean(), (h, pending) => {
        const raw = build(award, h);
        const input = ZEligibilityInput.parse(pending ? { ...raw, pending: [{ code: award, periodFrom: 2025, periodTo: 2025 }] } : raw);
        const full = checkEligibility(structuredClone(input));
        const quick = screenParsed(structuredClone(input), { maxSteps: 1 });
        const near = (e: unknown, steps: number | null) => (e === false ? (steps === 1 ? 'one step' : 'further') : String(e));
        expect(near(quick.eligible, quick.stepsAway)).toBe(near(full.eligible, full.stepsAway));
        expect(quick.duplicate).toBe(full.duplicate);
        if (quick.eligible === false && quick.stepsAway !== null) expect(quick.stepsAway).toBeLessThanOrEqual(full.stepsAway ?? Number.POSITIVE_INFINITY);
        // the texts of a check cut short are those of the full check
        expect(quick.explain()).toEqual(full);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(g) the list summary says exactly what the full explanation says', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const input = ZEligibilityInput.parse(build(award, h));
        const screened = screenParsed(input);
        const full = screened.explain();
        const s = screened.summary();
        expect({ reasonVi: s.reasonVi, reasonEn: s.reasonEn, missing: s.missing, missingEn: s.missingEn }).toEqual({ reasonVi: full.reasonVi, reasonEn: full.reasonEn, missing: full.missing, missingEn: full.missingEn });
        const dup = full.criteria.find((c) => c.duplicate);
        expect(s.duplicateText).toEqual(full.duplicate && dup ? { vi: dup.reason, en: dup.reasonEn } : null);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(d) the same input twice gives deep-equal output', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const i = build(award, h);
        expect(check(i)).toEqual(check(i));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('screening several awards at once (discovery)', () => {
  it('(h) gives, award by award, what screening each check on its own gives, and the same explanations', () => {
    const reprimandArb = fc.option(fc.record({ year: fc.integer({ min: 2016, max: 2025 }), served: fc.boolean() }));
    fc.assert(
      fc.property(historyArb, reprimandArb, fc.constantFrom(undefined, 2024, 2025), (h, reprimand, year) => {
        const years = reprimand ? h.years.map((y) => (y.year === reprimand.year ? { ...y, discipline: [{ level: 'reprimand' as const, from: `${y.year}-03-01`, to: reprimand.served ? `${y.year}-09-01` : null }] } : y)) : h.years;
        const raw = build('', { ...h, years });
        const seen: string[] = [];
        screenAwards(raw, AWARDS, h.asOf, year, { maxSteps: 1 }, (award, quick) => {
          seen.push(award);
          const alone = screenParsed(ZEligibilityInput.parse({ ...raw, award, year }), { maxSteps: 1 });
          expect([quick.eligible, quick.stepsAway, quick.duplicate, quick.year], award).toEqual([alone.eligible, alone.stepsAway, alone.duplicate, alone.year]);
          expect(quick.explain(), award).toEqual(alone.explain());
        });
        expect(seen).toEqual([...AWARDS]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

/** Deterministic Fisher–Yates driven by a seed (fast-check shrinks the seed). */
function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

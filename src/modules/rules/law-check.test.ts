/**
 * Decision 0005: the law is checked whole when the server starts, and a mistake in it stops the start naming the
 * file and line. Each planted mistake below was silently accepted before (a misspelt parameter took its default, a
 * wrong type or an unknown award surfaced at the first request, if at all).
 */
import { describe, expect, it } from 'vitest';
import { LawError, loadCatalogue } from '../catalogue/catalogue.ts';
import { plantLaw } from '../catalogue/test-law-files.ts';
import { checkLaw } from './law-check.ts';
import { PREDICATES } from './predicates.ts';

/** The LawError checking a planted law throws (from loading or from compiling). */
function lawErrorOf(edits: Parameters<typeof plantLaw>[0]): { error: LawError; lineOf: ReturnType<typeof plantLaw>['lineOf'] } {
  const planted = plantLaw(edits);
  try {
    checkLaw(loadCatalogue(planted.dir));
  } catch (error) {
    if (error instanceof LawError) return { error, lineOf: planted.lineOf };
    throw error;
  }
  throw new Error('the planted law was accepted');
}

describe('the law of this build', () => {
  it('compiles every criterion of every rule set', () => {
    const summary = checkLaw();
    expect(summary.ruleSets).toBe(3);
    expect(summary.criteria).toBeGreaterThan(100);
  });
});

describe('a mistake in rule-sets.yaml is refused at start-up with its file and line', () => {
  const rated = '{id: rated_good, check: rating_at_least, params: {rating: good}}';

  it('a misspelt parameter name (it used to take its default silently)', () => {
    const { error, lineOf } = lawErrorOf([{ file: 'rule-sets.yaml', from: rated, to: rated.replace('{rating: good}', '{ratng: good}') }]);
    expect(error.message).toContain(`rule-sets.yaml:${lineOf('rule-sets.yaml', 'ratng')}: `);
    expect(error.message).toMatch(/criterion rated_good \(rating_at_least\): parameter ratng: .*parameters of rating_at_least: rating/);
  });

  it('a parameter of the wrong type', () => {
    const from = '{id: grassroots_initiative, check: initiative, params: {scope: grassroots, count: 1, window: review_year}}';
    const { error, lineOf } = lawErrorOf([{ file: 'rule-sets.yaml', from, to: from.replace('count: 1', 'count: "one"') }]);
    expect(error.message).toContain(`rule-sets.yaml:${lineOf('rule-sets.yaml', 'count: "one"')}: `);
    expect(error.message).toContain('criterion grassroots_initiative (initiative): parameter count');
  });

  it('a value outside the vocabulary (a rating that does not exist)', () => {
    const { error, lineOf } = lawErrorOf([{ file: 'rule-sets.yaml', from: rated, to: rated.replace('{rating: good}', '{rating: very_good}') }]);
    expect(error.message).toContain(`rule-sets.yaml:${lineOf('rule-sets.yaml', 'rating: very_good')}: `);
    expect(error.message).toContain('parameter rating');
  });

  it('a setting of the wrong type read through $key', () => {
    const from = '{id: new_recruit, check: new_recruit, params: {months: $new_recruit_min_months}';
    const { error, lineOf } = lawErrorOf([{ file: 'rule-sets.yaml', from, to: from.replace('$new_recruit_min_months', '$law2026_cstdcs_requires_initiative') }]);
    expect(error.message).toContain(`rule-sets.yaml:${lineOf('rule-sets.yaml', '$law2026_cstdcs_requires_initiative}')}: `);
    expect(error.message).toContain('parameter months (read from setting law2026_cstdcs_requires_initiative)');
  });

  it('a misspelt check', () => {
    const { error, lineOf } = lawErrorOf([{ file: 'rule-sets.yaml', from: rated, to: rated.replace('rating_at_least', 'rating_at_leest') }]);
    expect(error.message).toContain(`rule-sets.yaml:${lineOf('rule-sets.yaml', 'rating_at_leest')}: `);
    expect(error.message).toContain('unknown check "rating_at_leest" in criterion rated_good');
  });

  it('an award a parameter names that the catalogue does not have', () => {
    const from = '{id: advanced_worker_standard, check: meets_award, params: {award: advanced_worker}';
    const { error, lineOf } = lawErrorOf([{ file: 'rule-sets.yaml', from, to: from.replace('{award: advanced_worker}', '{award: advanced_wroker}') }]);
    expect(error.message).toContain(`rule-sets.yaml:${lineOf('rule-sets.yaml', 'advanced_wroker')}: `);
    expect(error.message).toContain('criterion advanced_worker_standard (meets_award) names unknown award advanced_wroker');
  });

  it('a criterion of the wrong shape, found by Zod, names its line too', () => {
    const { error, lineOf } = lawErrorOf([{ file: 'rule-sets.yaml', from: rated, to: rated.replace('check:', 'chek:') }]);
    expect(error.message).toContain(`rule-sets.yaml:${lineOf('rule-sets.yaml', 'chek:')}: `);
  });

  it('a YAML syntax error names its line', () => {
    const { error, lineOf } = lawErrorOf([{ file: 'rule-sets.yaml', from: rated, to: rated.replace('{rating: good}}', '{rating: good}') }]);
    expect(error.message).toMatch(/rule-sets\.yaml:\d+: /);
    expect(Number(/rule-sets\.yaml:(\d+)/.exec(error.message)?.[1])).toBeGreaterThanOrEqual(lineOf('rule-sets.yaml', '{id: rated_good'));
  });
});

describe('a mistake in catalogue.yaml is refused with its file and line', () => {
  it('a cap that reads a setting that does not exist', () => {
    const { error, lineOf } = lawErrorOf([{ file: 'catalogue.yaml', from: 'setting: capital_citizen_quota_per_year', to: 'setting: capital_citizen_quota' }]);
    expect(error.message).toContain(`catalogue.yaml:${lineOf('catalogue.yaml', 'setting: capital_citizen_quota,')}: `);
  });

  it('a coefficient article for an award that does not exist', () => {
    const { error, lineOf } = lawErrorOf([{ file: 'catalogue.yaml', from: 'hero: 52', to: 'heroes: 52' }]);
    expect(error.message).toContain(`catalogue.yaml:${lineOf('catalogue.yaml', 'heroes: 52')}: unknown award heroes`);
  });
});

describe('every predicate declares its parameters', () => {
  it.each(Object.keys(PREDICATES))('%s refuses a parameter it does not know', (check) => {
    const r = PREDICATES[check].params.safeParse({ no_such_parameter: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { type RuleSet, checkReferences, loadCatalogue, settingKeyIn } from './catalogue.ts';
import { SETTING_DEFS } from './settings.ts';

describe('rule sets read settings and bases that exist', () => {
  const cat = loadCatalogue();
  const byId = (id: string) => cat.ruleSets.find((r) => r.id === id) as RuleSet;

  it('each rule set reads the new-recruit months of the circular it applies', () => {
    expect(settingKeyIn(byId('law-06-2022/decree-98-2023'), 'new_recruit_min_months')).toBe('new_recruit_min_months_tt01_2024');
    expect(settingKeyIn(byId('law-06-2022/decree-152-2025'), 'new_recruit_min_months')).toBe('new_recruit_min_months_tt15_2025');
    expect(settingKeyIn(byId('law-06-2026/decree-152-2025'), 'new_recruit_min_months')).toBe('new_recruit_min_months_tt15_2025');
    // The general months minimum (a misreading of the repealed NĐ 91/2017) is gone.
    expect(SETTING_DEFS.map((d) => d.key)).not.toContain('new_recruit_min_months');
    expect(SETTING_DEFS.find((d) => d.key === 'new_recruit_min_months_tt01_2024')).toMatchObject({ defaultValue: 6, uncertain: false });
  });

  it('cites the next-proposal rule where each decree holds it', () => {
    expect(byId('law-06-2022/decree-98-2023').refs?.next_proposal).toBe('NĐ 98/2023/NĐ-CP, Điều 30 khoản 9');
    expect(byId('law-06-2022/decree-152-2025').refs?.next_proposal).toBe('NĐ 152/2025/NĐ-CP, Điều 33 khoản 7');
  });

  it('refuses, naming the criterion, a setting or a {name} that does not exist', () => {
    const rs = byId('law-06-2022/decree-152-2025');
    const withCriterion = (c: RuleSet['common'][number]): RuleSet => ({ ...rs, awards: { advanced_worker: { subjects: ['individual'], criteria: [c] } } });
    expect(() => checkReferences(withCriterion({ id: 'x', check: 'new_recruit', params: { months: '$no_such_setting' } }))).toThrow(/advanced_worker, criterion x reads unknown setting \$no_such_setting/);
    expect(() => checkReferences(withCriterion({ id: 'y', check: 'judgement', basis: '{no_such_ref}, Điều 1' }))).toThrow(/criterion y cites unknown \{no_such_ref\}/);
    expect(() => checkReferences(withCriterion({ id: 'z', check: 'judgement', when_setting: 'nope' }))).toThrow(/criterion z names unknown setting nope/);
    expect(() => checkReferences(withCriterion({ id: 'ok', check: 'new_recruit', params: { months: '$new_recruit_min_months' }, basis: '{new_recruit}' }))).not.toThrow();
  });
});

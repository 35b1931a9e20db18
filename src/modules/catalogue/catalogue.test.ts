import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type RuleSet, checkReferences, loadCatalogue, settingKeyIn } from './catalogue.ts';
import { SETTING_DEFS } from './settings.ts';
import { plantLaw } from './test-law-files.ts';

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

describe('every criterion knows the file and line it is written on', () => {
  const cat = loadCatalogue();
  const file = 'src/modules/catalogue/data/rule-sets.yaml';
  const lineOf = (text: string) => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

  it('a criterion shared by two rule sets through a YAML anchor names the line of the anchor', () => {
    const newRecruit = '{id: new_recruit, check: new_recruit, params: {months: $new_recruit_min_months}, basis: "{new_recruit}; {work_time}';
    for (const id of ['law-06-2022/decree-98-2023', 'law-06-2022/decree-152-2025']) {
      const rs = cat.ruleSets.find((r) => r.id === id) as RuleSet;
      const c = rs.awards.advanced_worker.criteria.find((x) => x.id === 'new_recruit');
      expect(c && cat.where(c)).toBe(`${file}:${lineOf(newRecruit)}`);
    }
    const own = (cat.ruleSets.find((r) => r.id === 'law-06-2026/decree-152-2025') as RuleSet).awards.grassroots_emulation_fighter.criteria.find((x) => x.id === 'initiative_required');
    expect(own && cat.where(own)).toBe(`${file}:${lineOf('- id: initiative_required')}`);
  });

  it('a setting that does not exist stops the load at the line of its criterion', () => {
    const from = '{id: new_recruit, check: new_recruit, params: {months: $new_recruit_min_months_armed_forces}';
    const planted = plantLaw([{ file: 'rule-sets.yaml', from, to: from.replace('_armed_forces}', '_army}') }]);
    expect(() => loadCatalogue(planted.dir)).toThrow(`rule-sets.yaml:${planted.lineOf('rule-sets.yaml', '$new_recruit_min_months_army')}: law-06-2022/decree-98-2023, advanced_soldier, criterion new_recruit reads unknown setting $new_recruit_min_months_army`);
  });

  it('the city the catalogue\'s own titles are for is data', () => {
    expect(cat.city).toEqual({ nameVi: 'Hà Nội', nameEn: 'Hà Nội', basis: 'Luật Thủ đô 2024; QĐ 71/2025/QĐ-UBND (Hà Nội)' });
  });
});

/**
 * The caps the catalogue sets are data (catalogue.yaml `quota`), not a built-in of the quotas code: Hà Nội's ten
 * Công dân Thủ đô ưu tú a year (QĐ 71/2025), at the value of the setting that may replace it.
 */
import { describe, expect, it } from 'vitest';
import { catalogue, loadCatalogue } from '../catalogue/catalogue.ts';
import { defaultSettings } from '../catalogue/settings.ts';
import { plantLaw } from '../catalogue/test-law-files.ts';
import { catalogueCaps, checkQuotas } from './quotas.ts';

describe('caps the catalogue sets', () => {
  it('Công dân Thủ đô ưu tú: at most 10 a year city-wide, under QĐ 71/2025, at the setting in force', () => {
    expect(catalogueCaps(catalogue(), defaultSettings())).toEqual([
      { id: null, award: 'outstanding_capital_citizen', awardName: 'Công dân Thủ đô ưu tú', unitId: null, unitName: null, year: null, max: 10, basis: 'QĐ 71/2025/QĐ-UBND (Hà Nội)' },
    ]);
    expect(catalogueCaps(catalogue(), { ...defaultSettings(), capital_citizen_quota_per_year: 12 })[0].max).toBe(12);
  });

  it('a yearly cap written for another city title is enforced without code', () => {
    const cat = loadCatalogue(plantLaw([{
      file: 'catalogue.yaml', from: '    legal_basis: "Nghị quyết HĐND TP Hà Nội"\n    uncertain: true',
      to: '    legal_basis: "Nghị quyết HĐND TP Hà Nội"\n    uncertain: true\n    quota: {per_year: 100, basis: "Nghị quyết thử"}',
    }]).dir);
    const caps = catalogueCaps(cat, defaultSettings());
    expect(caps.map((c) => [c.award, c.max, c.basis])).toEqual([['outstanding_capital_citizen', 10, 'QĐ 71/2025/QĐ-UBND (Hà Nội)'], ['for_building_the_capital_badge', 100, 'Nghị quyết thử']]);
    const over = checkQuotas(Array.from({ length: 101 }, () => ({ award: 'for_building_the_capital_badge', year: 2025, unitChain: [] })), caps, () => 0);
    expect(over.map((v) => [v.award, v.count, v.max])).toEqual([['for_building_the_capital_badge', 101, 100]]);
  });

  it('a cap without its basis is refused when the catalogue loads', () => {
    expect(() => loadCatalogue(plantLaw([{ file: 'catalogue.yaml', from: ', setting: capital_citizen_quota_per_year, basis: "QĐ 71/2025/QĐ-UBND (Hà Nội)"}', to: '}' }]).dir)).toThrow(/catalogue\.yaml:\d+: city_titles\.0\.quota/);
  });
});

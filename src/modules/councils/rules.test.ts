import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { councilRulesOn, loadCouncilRules, thresholdOf, votesNeeded } from './rules.ts';

describe('council rules', () => {
  it('needs whole votes: ≥ 80 % of 10 is 8, ≥ 90 % of 11 is 10, more than half of 10 is 6', () => {
    expect(votesNeeded({ pct: 80, strict: false }, 10)).toBe(8);
    expect(votesNeeded({ pct: 90, strict: false }, 11)).toBe(10);
    expect(votesNeeded({ pct: 50, strict: true }, 10)).toBe(6);
    expect(votesNeeded({ pct: 50, strict: true }, 9)).toBe(5);
  });

  it('takes the award’s threshold from the catalogue, else the default of the rules in force', () => {
    const rules = councilRulesOn('2025-12-20');
    expect(thresholdOf('grassroots_emulation_fighter', rules)).toMatchObject({ pct: 80, strict: false, basis: 'NĐ 98 Art 30(7)' });
    expect(thresholdOf('advanced_worker', rules)).toMatchObject({ pct: 50, strict: true, uncertain: true });
  });

  it('names the file and line of a mistake', () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-rules-'));
    const file = join(dir, 'council-rules.yaml');
    writeFileSync(file, [
      'rules:',
      '  - from: 2024-01-01',
      '    quorum: {present_pct_of_all_members: 180, basis: "x"}',
      '    default_threshold: {pct_of_all_members: 50, strict: true, basis: "y"}',
      '    written_votes_of_absent_members: {count: true, basis: "z"}',
    ].join('\n'));
    expect(() => loadCouncilRules(pathToFileURL(file))).toThrow(/council-rules\.yaml:3: .*present_pct_of_all_members/);
  });
});

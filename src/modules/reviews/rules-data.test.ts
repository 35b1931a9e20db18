import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { conferral, loadReviewRules, reviewRulesFor } from './rules-data.ts';

const write = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'review-rules-')), 'review-rules.yaml');
  writeFileSync(file, text);
  return pathToFileURL(file);
};

describe('review rules as data', () => {
  it('loads the module file: registration and conferral per unit kind, with their bases', () => {
    const rs = reviewRulesFor(2025);
    expect(rs.registration.required_for).toContain('grassroots_emulation_fighter');
    expect(conferral(rs, 'ward', 'advanced_worker')?.basis).toMatch(/Điều 80/);
    expect(conferral(rs, 'ward', 'ministerial_provincial_certificate_of_merit')).toBeNull();
  });

  it('names the file and line of an unknown award code', () => {
    const url = write([
      'rule_sets:',
      '  - id: x',
      '    effective_from: 2024-01-01',
      '    effective_to: null',
      '    registration: { required_for: [no_such_award], statuses_that_count: [approved], basis: b, uncertain: false }',
      '    confers: []',
    ].join('\n'));
    expect(() => loadReviewRules(url)).toThrow(/review-rules\.yaml:5.*unknown award no_such_award/);
  });
});

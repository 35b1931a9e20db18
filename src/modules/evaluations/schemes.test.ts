import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SETTING_DEFS } from '../catalogue/settings.ts';
import { bandOf, loadSchemes, schemeFor, schemes, scoreSheet } from './schemes.ts';

const FILE = new URL('./data/schemes.yaml', import.meta.url);
const TEXT = readFileSync(FILE, 'utf8');
const SETTING_KEYS = new Set(SETTING_DEFS.map((d) => d.key));

/** A copy of schemes.yaml with one planted edit; returns its URL and the line the planted text is on. */
function planted(from: string, to: string): { url: URL; line: number } {
  const at = TEXT.indexOf(from);
  if (at < 0) throw new Error(`"${from}" is not in schemes.yaml`);
  const text = TEXT.slice(0, at) + to + TEXT.slice(at + from.length);
  const dir = mkdtempSync(join(tmpdir(), 'vinhdanh-schemes-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'schemes.yaml'), text);
  return { url: pathToFileURL(join(dir, 'schemes.yaml')), line: text.slice(0, at).split('\n').length };
}

describe('rating schemes as data', () => {
  it('loads the schemes with their settings, and picks the one in force for the subject and year', () => {
    expect(loadSchemes(undefined, SETTING_KEYS).map((s) => s.id)).toEqual(['nd335-2025', 'nd90-2020', 'qd366-2025']);
    expect(schemeFor(2026, { kind: 'individual', category: 'civil_servant' })?.id).toBe('nd335-2025');
    expect(schemeFor(2026, { kind: 'individual', category: 'public_employee' })?.id).toBe('qd366-2025');
    expect(schemeFor(2026, { kind: 'collective', unitKind: 'party_body' })?.id).toBe('qd366-2025');
    expect(schemeFor(2026, { kind: 'collective', unitKind: 'ward' })?.id).toBe('nd335-2025');
    expect(schemeFor(2025, { kind: 'individual', category: 'civil_servant' })?.id).toBe('nd90-2020');
    expect(schemeFor(2019, { kind: 'individual', category: 'civil_servant' })).toBeUndefined();
  });

  it('bands a score: ≥ 90 excellent, 70–< 90 good, 50–< 70 completed, below not completed', () => {
    const s = schemes()[0];
    expect([95, 90, 89.99, 70, 69.5, 50, 49.9, 0].map((n) => bandOf(s, n))).toEqual(['excellent', 'excellent', 'good', 'good', 'completed', 'completed', 'not_completed', 'not_completed']);
  });

  it('scores a sheet, and a disqualifying breach makes it not completed whatever the score', () => {
    const s = schemes()[0];
    const scores = { 'I.1': 10, 'I.2': 9, 'I.3': 9, 'II.1': 27, 'II.2': 20, 'II.3': 20 };
    expect(scoreSheet(s, 'individual', { scores, vetoes: [] })).toEqual({ total: 95, rating: 'excellent', issues: [] });
    expect(scoreSheet(s, 'individual', { scores, vetoes: ['discipline_reprimand_plus'] }).rating).toBe('not_completed');
    const bad = scoreSheet(s, 'collective', { scores: { ...scores, 'I.1': 11, 'X.9': 1 }, vetoes: ['low_confidence_votes_over_50pct'] });
    expect(bad.issues.map((i) => `${i.field} ${i.rule}`)).toEqual(['sheet.scores.I.1 score_range', 'sheet.scores.X.9 unknown_criterion', 'sheet.vetoes unknown_veto']);
  });

  it('stops at the line of a mistake: an unknown rating', () => {
    const p = planted('{rating: good, min_score: 70}', '{rating: fine, min_score: 70}');
    expect(() => loadSchemes(p.url, null)).toThrow(new RegExp(`schemes\\.yaml:${p.line}: schemes\\.0\\.bands\\.1\\.rating`));
  });

  it('stops at the line of a mistake: a sheet that does not add up', () => {
    const p = planted('name_en: "Quantity of work done against assigned", max: 28}', 'name_en: "Quantity of work done against assigned", max: 27}');
    const groupLine = TEXT.slice(0, TEXT.indexOf('name_vi: Nhóm tiêu chí kết quả')).split('\n').length + 2;
    expect(() => loadSchemes(p.url)).toThrow(`schemes.yaml:${groupLine}: nd335-2025: criteria of group II add up to 69, not 70`);
  });

  it('stops at the line of a mistake: a cap setting that does not exist', () => {
    const p = planted('base_setting: evaluation_cap_base', 'base_setting: evaluation_cap_bass');
    expect(() => loadSchemes(p.url, SETTING_KEYS)).toThrow(`schemes.yaml:${p.line}: nd335-2025: unknown setting evaluation_cap_bass`);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The contract test runs the real executable the way users do: `vinhdanh check FILE.json` and `vinhdanh check -`.
const bin = fileURLToPath(new URL('../../bin/vinhdanh.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vinhdanh-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXAMPLE = {
  award: 'grassroots_emulation_fighter',
  asOf: '2025-12-15',
  subject: { kind: 'individual', gender: 'female', category: 'public_employee', isLeader: false, startedOn: '2019-09-01', underReview: false },
  years: [
    { year: 2025, rating: 'excellent', monthsWorked: 12, leave: [{ kind: 'maternity', months: 6 }], titles: ['advanced_worker'], initiatives: [{ scope: 'grassroots', usedFor: null }], scienceProjects: [{ scope: 'grassroots', accepted: true }], discipline: [{ level: 'reprimand', from: '2023-03-01', to: '2023-09-01' }] },
  ],
  awards: [{ code: 'ministerial_provincial_certificate_of_merit', decisionDate: '2020-05-10', periodFrom: 2018, periodTo: 2019, type: 'merit' }],
};

const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, 'check', ...args], { encoding: 'utf8', input, env: { ...process.env, DATABASE_URL: '', DATA_DIR: join(dir, 'never-opened') } });

describe('vinhdanh check', () => {
  it('reads a file and prints the result JSON of the contract, exit 0', () => {
    const file = join(dir, 'input.json');
    writeFileSync(file, JSON.stringify(EXAMPLE));
    const r = run([file]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ award: 'grassroots_emulation_fighter', ruleSet: 'law-06-2022/decree-152-2025', eligible: true, missing: [] });
    for (const c of out.criteria) expect(c).toEqual(expect.objectContaining({ id: expect.any(String), met: expect.any(Boolean), reason: expect.any(String), basis: expect.stringMatching(/Điều \d+/) }));
    expect(typeof out.reasonVi).toBe('string');
    expect(typeof out.reasonEn).toBe('string');
  });

  it('reads standard input with -, and says what is missing when not eligible', () => {
    const input = { ...EXAMPLE, award: 'ministerial_provincial_emulation_fighter', years: [{ year: 2024, rating: 'excellent', titles: ['grassroots_emulation_fighter'] }, { year: 2025, rating: 'excellent', monthsWorked: 12, titles: ['grassroots_emulation_fighter'], initiatives: [{ scope: 'ministerial_provincial' }] }] };
    const r = run(['-'], JSON.stringify(input));
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.eligible).toBe(false);
    expect(out.missing).toEqual(['Thêm 1 lần liên tục Chiến sĩ thi đua cơ sở']);
    expect(out.missingEn).toEqual(['1 more consecutive Grassroots emulation fighter']);
  });

  it('exits 2 naming the field on invalid input, on broken JSON and on an unknown award', () => {
    const bad = run(['-'], JSON.stringify({ ...EXAMPLE, years: [{ year: 2025, rating: 'brilliant' }] }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('years.0.rating');
    expect(bad.stdout).toBe('');
    const broken = run(['-'], '{"award": ');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/not valid JSON/);
    const unknown = run(['-'], JSON.stringify({ ...EXAMPLE, award: 'nobel_prize' }));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('nobel_prize');
    const missingFile = run([join(dir, 'nope.json')]);
    expect(missingFile.status).toBe(2);
  });

  it('accepts the minimum input and answers needs_review naming the unknown facts', () => {
    const r = run(['-'], JSON.stringify({ award: 'advanced_worker', asOf: '2025-12-15', subject: { kind: 'individual' }, years: [{ year: 2025, rating: 'good' }] }));
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.eligible).toBe('needs_review');
    const review = out.criteria.filter((c: { status: string }) => c.status === 'review').map((c: { id: string }) => c.id);
    expect(review).toEqual(['not_under_review', 'new_recruit']);
  });
});

import { describe, expect, it } from 'vitest';
import { checkCccd } from '../shared/cccd.ts';
import { issuerSymbol } from './history-gen.ts';
import { buildOrgPlan } from './org-plan.ts';
import { allocate, generatePeople } from './people-gen.ts';
import { createRng } from './random.ts';
import { demoPeopleCount } from './seed-if-empty.ts';

describe('demo city helpers', () => {
  it('reads DEMO_PEOPLE, defaulting to 20,000', () => {
    expect(demoPeopleCount({})).toBe(20_000);
    expect(demoPeopleCount({ DEMO_PEOPLE: '800' })).toBe(800);
    expect(demoPeopleCount({ DEMO_PEOPLE: 'abc' })).toBe(20_000);
  });

  it('allocates exactly the requested number of people', () => {
    const plan = buildOrgPlan();
    const staffed = plan.units.filter((u) => u.staff);
    for (const n of [1, 7, 500, 20_000]) expect(allocate(createRng(1), staffed, n).reduce((a, b) => a + b, 0)).toBe(n);
  });

  it('builds decision symbols from unit names', () => {
    const plan = buildOrgPlan();
    const byCode = new Map(plan.units.map((u) => [u.code, u]));
    expect(issuerSymbol(byCode.get('S14') as never)).toBe('SYT');
    expect(issuerSymbol(byCode.get('00004') as never)).toBe('UBND');
    expect(issuerSymbol(byCode.get('TH00004') as never)).toBe('TTHBĐ');
  });

  it('gives merged units a history in their predecessors and valid, gender-consistent CCCDs', () => {
    const people = generatePeople(createRng(3), buildOrgPlan(), 3000);
    const merged = people.filter((p) => p.employments.some((e) => e.endReason === 'merge'));
    expect(merged.length).toBeGreaterThan(100);
    for (const p of people) {
      expect(checkCccd(p.nationalId, { gender: p.gender, birthYear: Number(p.birthDate.slice(0, 4)) })).toBeNull();
      for (let i = 1; i < p.employments.length; i++) expect(p.employments[i - 1].to).toBe(p.employments[i].from);
      expect(p.employments.at(-1)?.to).toBeNull();
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { DiscoveryHit } from './discovery.ts';
import { packHits, transferablesOf, unpackHits } from './discovery-hits.ts';

const AWARDS = ['advanced_worker', 'grassroots_emulation_fighter', 'labor_order_3rd_class'];
const UNITS = new Map([[7, 'Phường Ba Đình'], [9, 'Sở Y tế']]);

function hit(personId: number, award: string, over: Partial<DiscoveryHit> = {}): DiscoveryHit {
  const unitId = over.unitId === undefined ? 7 : over.unitId;
  const isLeader = over.isLeader ?? false;
  return {
    key: `individual:${personId}:${award}`, subjectKind: 'individual', personId, unitId, name: `Nguyễn Thị Hương ${personId}`,
    unitName: unitId === null ? null : (UNITS.get(unitId) ?? null), isLeader, gender: 'female', members: null, award, status: 'eligible',
    duplicate: null, highlight: !isLeader, ...over,
  };
}

describe('hits as columns (a worker\'s reply)', () => {
  it('come back exactly as found: statuses, duplicates, leaders, genders, a person without a unit, several awards of one person', () => {
    const hits = [
      hit(1, 'advanced_worker'),
      hit(1, 'labor_order_3rd_class', { status: 'near' }),
      hit(2, 'grassroots_emulation_fighter', { isLeader: true, highlight: false, gender: 'male', unitId: 9, unitName: 'Sở Y tế', duplicate: 'awarded' }),
      hit(3, 'advanced_worker', { unitId: null, unitName: null, gender: null, status: 'needs_review', duplicate: 'pending' }),
      hit(2_000_000_123, 'grassroots_emulation_fighter', { unitId: 42, unitName: null }),
    ];
    const packed = packHits(hits, AWARDS);
    expect(packed.people.names).toEqual(['Nguyễn Thị Hương 1', 'Nguyễn Thị Hương 2', 'Nguyễn Thị Hương 3', 'Nguyễn Thị Hương 2000000123']);
    // through a real structured clone with the typed arrays moved, as postMessage does
    const moved = structuredClone(packed, { transfer: transferablesOf(packed) });
    expect(packed.person.length).toBe(0); // detached: moved, not copied
    expect(unpackHits(moved, AWARDS, UNITS)).toEqual(hits);
  });

  it('pack an empty batch', () => {
    expect(unpackHits(packHits([], AWARDS), AWARDS, UNITS)).toEqual([]);
  });
});

import { cccdPrefix } from '../shared/cccd.ts';
import { DEMO_PEOPLE_COUNT, type FixedHistory, generateDemoPeople } from './demo-people.ts';
import { randomName } from './names.ts';
import { EXPANSION, type OrgPlan, type PlanUnit } from './org-plan.ts';
import { POSITIONS, type PositionSet } from './positions.ts';
import { type Rng, maxDate, randomDate } from './random.ts';

export interface GenEmployment {
  unitCode: string;
  position: string;
  category: PositionSet['category'];
  isLeader: boolean;
  from: string;
  to: string | null;
  endReason: string | null;
}

export interface GenPerson {
  nationalId: string;
  fullName: string;
  gender: 'female' | 'male';
  birthDate: string;
  /** Oldest first; the last one is open. */
  employments: GenEmployment[];
  /** 0 strong, 1 average, 2 weak: drives the yearly ratings. */
  strength: 0 | 1 | 2;
  /** The named demo cases and their teams: an exact history instead of random draws. */
  fixed?: FixedHistory;
}

// Most demo people were registered in Hà Nội; the rest in nearby and a few distant provinces.
const OTHER_PROVINCES = ['034', '036', '035', '037', '033', '030', '038', '040', '022', '019', '026', '027', '024', '025', '031', '079', '042', '008'];
export const LAST_HIRE = '2026-06-30';
/** Public staff mostly have long tenures: 85 % of those old enough started by then, so most people have ten years of history. */
const LONG_TENURE = '2015-12-31';
const LEADER_SHARE = 0.12;

/**
 * Splits `count` people over the staffed units: every unit first gets its minimum when there are enough
 * people for that, the rest goes in proportion to a random size within each unit's range.
 */
export function allocate(rng: Rng, units: PlanUnit[], count: number): number[] {
  const caps = units.map((u) => (u.staff ? rng.int(u.staff.min, u.staff.max) : 0));
  const mins = units.map((u) => u.staff?.min ?? 0);
  const fillMins = count >= mins.reduce((a, b) => a + b, 0);
  const base = fillMins ? mins : mins.map(() => 0);
  const weights = fillMins ? caps.map((c, i) => c - mins[i]) : caps;
  const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;
  const rest = count - base.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w * rest) / totalWeight);
  const out = exact.map((e, i) => base[i] + Math.floor(e));
  let missing = count - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; missing > 0; k = (k + 1) % order.length, missing--) out[order[k][1]]++;
  return out;
}

/**
 * Generates the people of the demo city with their employment histories: people of merged units worked
 * in a predecessor until the merger, some transferred from another unit earlier. The last ones are the
 * named demo cases and their teams (demo-people.ts); `count` includes them.
 */
export function generatePeople(rng: Rng, plan: OrgPlan, count: number): GenPerson[] {
  const byCode = new Map(plan.units.map((u) => [u.code, u]));
  const staffed = plan.units.filter((u) => u.staff);
  const sizes = allocate(rng, staffed, Math.max(0, count - DEMO_PEOPLE_COUNT));
  const pools = new Map<string, PlanUnit[]>();
  for (const u of staffed) {
    if (u.established > EXPANSION || !u.staff) continue;
    const category = POSITIONS[u.staff.kind].category;
    pools.set(category, [...(pools.get(category) ?? []), u]);
  }
  const usedIds = new Set<string>();
  const newNationalId = (gender: 'female' | 'male', birthYear: number, province = '001') => {
    const prefix = cccdPrefix(province, gender, birthYear);
    let id = '';
    do id = `${prefix}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
    while (usedIds.has(id));
    usedIds.add(id);
    return id;
  };
  const people: GenPerson[] = [];
  staffed.forEach((unit, ui) => {
    const n = sizes[ui];
    const set = POSITIONS[unit.staff?.kind ?? 'department'];
    // About 12 % leaders at any scale: the head first, then up to three deputies, then other managers.
    const expected = n * LEADER_SHARE;
    const leaders = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const role: 'head' | 'deputy' | 'manager' | 'worker' =
        i >= leaders ? 'worker' : i === 0 ? 'head' : i <= 3 || set.managers.length === 0 ? 'deputy' : 'manager';
      const isLeader = role !== 'worker';
      const position = role === 'head' ? set.head : role === 'deputy' ? set.deputy : role === 'manager' ? rng.pick(set.managers) : rng.weighted(set.workers);
      const gender = rng.chance(set.female) ? 'female' : 'male';
      const birthYear = isLeader ? rng.int(1965, 1985) : rng.int(1965, 2000);
      const birthDate = randomDate(rng, `${birthYear}-01-01`, `${birthYear}-12-28`);
      const province = rng.chance(0.85) ? '001' : rng.pick(OTHER_PROVINCES);
      const nationalId = newNationalId(gender, birthYear, province);
      const earliest = `${birthYear + 22}-09-01`;
      const start = randomDate(rng, earliest, earliest < LONG_TENURE && rng.chance(0.85) ? LONG_TENURE : LAST_HIRE);
      const employments = history(rng, byCode, pools, unit, { position, isLeader, category: set.category }, start, birthYear);
      const strength = rng.weighted([[0, 20], [1, 70], [2, 10]] as const);
      people.push({ nationalId, fullName: randomName(rng, gender), gender, birthDate, employments, strength });
    }
  });
  for (const p of generateDemoPeople(rng, newNationalId)) people.push(p);
  return people;
}

function history(
  rng: Rng, byCode: Map<string, PlanUnit>, pools: Map<string, PlanUnit[]>, unit: PlanUnit,
  job: { position: string; isLeader: boolean; category: PositionSet['category'] }, start: string, birthYear: number,
): GenEmployment[] {
  const out: GenEmployment[] = [];
  const pre = unit.predecessors;
  if (pre && start < pre.on) {
    let former = byCode.get(rng.chance(0.6) ? pre.codes[0] : rng.pick(pre.codes)) as PlanUnit;
    let position = job.position;
    // A share of the new communes' staff came from the abolished district's offices.
    if (unit.staff?.kind === 'commune' && rng.chance(0.15)) {
      former = byCode.get(former.versions[0].parentCode as string) as PlanUnit;
      position = job.isLeader ? 'Trưởng phòng' : 'Chuyên viên';
    }
    out.push({ unitCode: former.code, position, category: job.category, isLeader: job.isLeader, from: maxDate(start, former.established), to: pre.on, endReason: 'merge' });
  }
  const from = out.length ? (pre?.on as string) : maxDate(start, unit.established);
  out.push({ unitCode: unit.code, ...job, from, to: null, endReason: null });
  const first = out[0];
  if (first.from >= '2012-01-01' && rng.chance(0.07)) {
    const pool = (pools.get(job.category) ?? []).filter((u) => u.code !== unit.code);
    if (pool.length) {
      const other = rng.pick(pool);
      const latest = `${Number(first.from.slice(0, 4)) - 1}${first.from.slice(4)}`;
      const tFrom = randomDate(rng, maxDate(`${birthYear + 22}-09-01`, other.established), latest);
      if (tFrom < latest) {
        const set = POSITIONS[other.staff?.kind ?? 'department'];
        out.unshift({ unitCode: other.code, position: rng.weighted(set.workers), category: set.category, isLeader: false, from: tFrom, to: first.from, endReason: 'transfer' });
      }
    }
  }
  return out;
}

/**
 * A batch of people's hits as columns, for the way back from a discovery worker. A city-wide run finds hundreds of
 * thousands of hits; as objects, each would be serialised by the worker and rebuilt by the reader's thread, which
 * is also the thread that reads the database. As columns, the numbers move without copying (typed arrays are
 * transferred), a person's name travels once however many awards they hit, and unit names are looked up where
 * they already are.
 */
import type { DiscoveryHit } from './discovery.ts';

export interface PackedHits {
  /** People with at least one hit, in order of their first hit. */
  people: { ids: Float64Array; units: Float64Array; flags: Uint8Array; names: string[] };
  /** Per hit: the person's index in `people`, the award's index in the job's list, status and duplicate codes. */
  person: Uint32Array;
  award: Uint8Array;
  status: Uint8Array;
  duplicate: Uint8Array;
}

const STATUS: DiscoveryHit['status'][] = ['eligible', 'near', 'needs_review'];
const DUPLICATE: DiscoveryHit['duplicate'][] = [null, 'awarded', 'pending'];
const GENDER: DiscoveryHit['gender'][] = [null, 'female', 'male'];
const LEADER = 1;
const LEADER_KNOWN = 2;

/** The columns of individual hits (`awards`: the job's list, which both sides hold). */
export function packHits(hits: DiscoveryHit[], awards: readonly string[]): PackedHits {
  const index = new Map<number, number>();
  const ids: number[] = [];
  const units: number[] = [];
  const flags: number[] = [];
  const names: string[] = [];
  const out: PackedHits = { people: { ids: new Float64Array(0), units: new Float64Array(0), flags: new Uint8Array(0), names }, person: new Uint32Array(hits.length), award: new Uint8Array(hits.length), status: new Uint8Array(hits.length), duplicate: new Uint8Array(hits.length) };
  hits.forEach((h, i) => {
    const id = h.personId as number;
    let k = index.get(id);
    if (k === undefined) {
      index.set(id, (k = ids.length));
      ids.push(id);
      units.push(h.unitId ?? Number.NaN);
      flags.push((h.isLeader ? LEADER : 0) | (h.isLeader === null ? 0 : LEADER_KNOWN) | (GENDER.indexOf(h.gender) << 2));
      names.push(h.name);
    }
    out.person[i] = k;
    out.award[i] = awards.indexOf(h.award);
    out.status[i] = STATUS.indexOf(h.status);
    out.duplicate[i] = DUPLICATE.indexOf(h.duplicate);
  });
  out.people = { ids: Float64Array.from(ids), units: Float64Array.from(units), flags: Uint8Array.from(flags), names };
  return out;
}

/** What a transfer moves instead of copying. */
export function transferablesOf(p: PackedHits): ArrayBuffer[] {
  return [p.people.ids, p.people.units, p.people.flags, p.person, p.award, p.status, p.duplicate].map((a) => a.buffer as ArrayBuffer);
}

/** The hits again, exactly as the worker found them (`unitNames`: the names the batch was judged with). */
export function unpackHits(p: PackedHits, awards: readonly string[], unitNames: Map<number, string>): DiscoveryHit[] {
  const out: DiscoveryHit[] = new Array(p.person.length);
  for (let i = 0; i < out.length; i++) {
    const k = p.person[i];
    const personId = p.people.ids[k];
    const unit = p.people.units[k];
    const unitId = Number.isNaN(unit) ? null : unit;
    const f = p.people.flags[k];
    const isLeader = f & LEADER_KNOWN ? (f & LEADER) === LEADER : null;
    const award = awards[p.award[i]];
    out[i] = {
      subjectKind: 'individual', personId, unitId, name: p.people.names[k], unitName: unitId === null ? null : (unitNames.get(unitId) ?? null),
      isLeader, gender: GENDER[f >> 2], members: null, highlight: !isLeader,
      key: `individual:${personId}:${award}`, award, status: STATUS[p.status[i]], duplicate: DUPLICATE[p.duplicate[i]],
    };
  }
  return out;
}

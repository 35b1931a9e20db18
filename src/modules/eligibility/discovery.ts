/**
 * Candidate discovery (phát hiện nhân tố): for an org subtree and a year, every person and collective that is
 * eligible, one step away, or in need of the council's review for each award with formal criteria — from the
 * stored history, without anyone having proposed them. Direct workers and small collectives are highlighted
 * (the law gives them priority, Law Art 5(2)(d)). Histories stream in batches; the engine runs in process.
 */
import { type Catalogue, type CriterionDef, catalogue as defaultCatalogue, ruleSetOn } from '../catalogue/catalogue.ts';
import type { Settings } from '../catalogue/settings.ts';
import type { EligibilityInput, EligibilityInputRaw, SubjectKind } from '../rules/contract.ts';
import { type Screened, screenParsed } from '../rules/engine.ts';
import type { Queryable } from '../../server/db.ts';
import { streamPersonInputs, streamUnitInputs } from './history.ts';

export type DiscoveryStatus = 'eligible' | 'near' | 'needs_review';

/** Discovery reads the whole history, as the panel does, so both always give the same answer ("since the previous
 * award" windows have no fixed length). */
const FROM_YEAR = 1945;

export interface DiscoveryFilter {
  /** Units to look in (a subtree already intersected with the caller's scope), or 'all'. */
  unitIds: number[] | 'all';
  year: number;
  asOf: string;
  award?: string;
  status?: DiscoveryStatus | 'all';
  subject?: 'individual' | 'collective';
  leader?: boolean;
  gender?: 'female' | 'male';
}

export interface DiscoveryRow {
  key: string;
  subjectKind: SubjectKind;
  personId: number | null;
  unitId: number | null;
  name: string;
  unitName: string | null;
  isLeader: boolean | null;
  gender: 'female' | 'male' | null;
  members: number | null;
  award: string;
  awardName: string;
  awardNameEn: string;
  status: DiscoveryStatus;
  missing: string[];
  missingEn: string[];
  reasonVi: string;
  reasonEn: string;
  duplicate: null | { kind: 'awarded' | 'pending'; textVi: string; textEn: string };
  highlight: boolean;
}

/** An award is discoverable for a subject kind when none of its criteria needs the council's judgement of an achievement. */
function needsJudgement(defs: CriterionDef[], kind: SubjectKind): boolean {
  return defs.some((d) => (!d.subjects || d.subjects.includes(kind)) && (d.check === 'judgement' || needsJudgement([...(d.any_of ?? []), ...(d.all_of ?? [])], kind)));
}

/** Award codes discovery evaluates for a subject kind on a date (optionally one award). */
export function discoverableAwards(kind: SubjectKind, asOf: string, only?: string, cat: Catalogue = defaultCatalogue()): string[] {
  const rs = ruleSetOn(asOf, cat);
  if (!rs) return [];
  return cat.awards
    .filter((a) => (!only || a.code === only) && rs.awards[a.code]?.subjects.includes(kind) && !needsJudgement(rs.awards[a.code].criteria, kind))
    .filter((a) => a.code !== 'advanced_soldier' && a.code !== 'advanced_unit')
    .map((a) => a.code);
}

function statusOf(r: Screened): DiscoveryStatus | null {
  if (r.eligible === true) return 'eligible';
  if (r.eligible === 'needs_review') return 'needs_review';
  return r.stepsAway === 1 ? 'near' : null;
}

/** A cheap normalisation of the loader's input (it is built by our own code, so Zod is not needed per check). */
function normalise(raw: EligibilityInputRaw, award: string, asOf: string, year: number): EligibilityInput {
  return { ...raw, award, asOf, year, years: raw.years ?? [], awards: raw.awards ?? [], pending: raw.pending ?? [] } as EligibilityInput;
}

const isRated = (raw: EligibilityInputRaw, year: number) => (raw.years ?? []).some((y) => y.year === year && y.rating);

export interface DiscoveryOptions {
  settings: Settings;
  /** Called with each row in discovery order (people by id, then collectives). */
  onRow: (row: DiscoveryRow) => void;
  catalogue?: Catalogue;
}

/**
 * Runs discovery; returns how many subjects were examined.
 * @example await discover(db, { unitIds: 'all', year: 2025, asOf: '2026-01-10' }, { settings, onRow: (r) => rows.push(r) });
 */
export async function discover(q: Queryable, f: DiscoveryFilter, opts: DiscoveryOptions): Promise<number> {
  const cat = opts.catalogue ?? defaultCatalogue();
  const wanted = (s: DiscoveryStatus) => !f.status || f.status === 'all' || f.status === s;
  const smallMax = Number(opts.settings.small_collective_max_members);
  let examined = 0;
  type Base = Omit<DiscoveryRow, 'key' | 'award' | 'awardName' | 'awardNameEn' | 'status' | 'missing' | 'missingEn' | 'reasonVi' | 'reasonEn' | 'duplicate'> & { rated: boolean };
  const emit = (r: Screened, { rated, ...base }: Base) => {
    if (r.duplicate === 'same') return; // already holds it: not a candidate
    // Blocked only by a higher award for the same achievement, or a pending proposal: shown, flagged.
    const status: DiscoveryStatus | null = r.duplicate ? 'eligible' : statusOf(r);
    if (!status || !wanted(status)) return;
    // A year nobody has rated yet has nothing to discover (every award would just "need review").
    if (status === 'needs_review' && !rated) return;
    const x = r.explain();
    let duplicate: DiscoveryRow['duplicate'] = null;
    if (r.duplicate) {
      const c = x.criteria.find((k) => k.duplicate) as { reason: string; reasonEn: string };
      duplicate = { kind: r.duplicate === 'pending' ? 'pending' : 'awarded', textVi: c.reason, textEn: c.reasonEn };
    }
    const id = base.personId ?? base.unitId;
    opts.onRow({ ...base, key: `${base.subjectKind}:${id}:${x.award}`, award: x.award, awardName: x.awardName, awardNameEn: x.awardNameEn, status, missing: x.missing, missingEn: x.missingEn, reasonVi: x.reasonVi, reasonEn: x.reasonEn, duplicate });
  };
  const stream = { unitIds: f.unitIds, asOf: f.asOf, fromYear: FROM_YEAR };
  if (f.subject !== 'collective') {
    const awards = discoverableAwards('individual', f.asOf, f.award, cat);
    if (awards.length > 0) {
      examined += await streamPersonInputs(q, stream, (batch) => {
        for (const p of batch) {
          if (f.leader !== undefined && p.isLeader !== f.leader) continue;
          if (f.gender && p.gender !== f.gender) continue;
          const base = { rated: isRated(p.input, f.year), subjectKind: 'individual' as const, personId: p.personId, unitId: p.unitId, name: p.name, unitName: p.unitName, isLeader: p.isLeader, gender: p.gender, members: null, highlight: !p.isLeader };
          for (const award of awards) emit(screenParsed(normalise(p.input, award, f.asOf, f.year), { settings: opts.settings, catalogue: cat }), base);
        }
      });
    }
  }
  if (f.subject !== 'individual' && f.leader === undefined && !f.gender) {
    const awards = discoverableAwards('collective', f.asOf, f.award, cat);
    if (awards.length > 0) {
      examined += await streamUnitInputs(q, stream, (batch) => {
        for (const u of batch) {
          const base = { rated: isRated(u.input, f.year), subjectKind: 'collective' as const, personId: null, unitId: u.unitId, name: u.name, unitName: u.parentName, isLeader: null, gender: null, members: u.members, highlight: u.members > 0 && u.members <= smallMax };
          for (const award of awards) emit(screenParsed(normalise(u.input, award, f.asOf, f.year), { settings: opts.settings, catalogue: cat }), base);
        }
      });
    }
  }
  return examined;
}

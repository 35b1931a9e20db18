/**
 * Candidate discovery (phát hiện nhân tố): for an org subtree and a year, every person and collective that is
 * eligible, one step away, or in need of the council's review for each award with formal criteria — from the
 * stored history, without anyone having proposed them. Direct workers and small collectives are highlighted
 * (the law gives them priority, Law Art 5(2)(d)). Histories stream in pages judged by worker threads; discovery
 * yields hits without texts, and `explainHits` gives the texts of the hits someone reads (decision 0007).
 */
import { type Catalogue, type CriterionDef, catalogue as defaultCatalogue, ruleSetOn } from '../catalogue/catalogue.ts';
import type { Settings } from '../catalogue/settings.ts';
import type { EligibilityInputRaw, SubjectKind } from '../rules/contract.ts';
import { type ScreenSummary, type Screened, inputFor, screenAwards, screenParsed } from '../rules/engine.ts';
import type { Queryable } from '../../server/db.ts';
import { unitNamesAsOf } from '../org/names.ts';
import { allUnitIds } from '../org/readers.ts';
import { type PersonHistory, type UnitHistory, buildPersonHistories, buildUnitHistories, streamPersonPages, streamUnitInputs } from './history.ts';
import { fetchDigestDoc, forEachDigestHistory, refreshStaleHistories } from './history-digest.ts';
import { type BatchKind, discoveryWorker } from './discovery-pool.ts';

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

/**
 * What discovery finds: a subject, an award and how near the subject is, without texts. Reasons are built only
 * for the rows someone looks at (`explainHits`): a city-wide run finds hundreds of thousands of hits, and their
 * texts would cost more to build, carry and keep than finding them.
 */
export interface DiscoveryHit {
  /** `individual:<personId>:<award>` or `collective:<unitId>:<award>`. */
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
  status: DiscoveryStatus;
  /** Blocked only by a higher award already given for the same achievement, or by a pending proposal. */
  duplicate: 'awarded' | 'pending' | null;
  /** Direct workers and small collectives (the law gives them priority, Law Art 5(2)(d)). */
  highlight: boolean;
}

/** A hit with its texts, as lists and exports show it. */
export interface DiscoveryRow extends Omit<DiscoveryHit, 'duplicate'> {
  awardName: string;
  awardNameEn: string;
  missing: string[];
  missingEn: string[];
  reasonVi: string;
  reasonEn: string;
  duplicate: null | { kind: 'awarded' | 'pending'; textVi: string; textEn: string };
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
    // Awards for a particular audience (the armed forces, foreigners) are left to the panel of such a subject.
    .filter((a) => (!only || a.code === only) && rs.awards[a.code]?.subjects.includes(kind) && !rs.awards[a.code].audience && !needsJudgement(rs.awards[a.code].criteria, kind))
    .map((a) => a.code);
}

function statusOf(r: Screened): DiscoveryStatus | null {
  if (r.eligible === true) return 'eligible';
  if (r.eligible === 'needs_review') return 'needs_review';
  return r.stepsAway === 1 ? 'near' : null;
}

const isRated = (raw: EligibilityInputRaw, year: number) => (raw.years ?? []).some((y) => y.year === year && y.rating);

/** What evaluating one batch needs besides the batch: plain data, so that a worker thread can receive it. */
export interface BatchJob {
  filter: DiscoveryFilter;
  settings: Settings;
  awards: { individual: string[]; collective: string[] };
}

type Base = Omit<DiscoveryHit, 'key' | 'award' | 'status' | 'duplicate'>;

/** The hit of one check, or null when it is no candidate; `rated` = the year under review has a rating. */
function hitOf(r: Screened, award: string, base: Base, rated: boolean, f: DiscoveryFilter): DiscoveryHit | null {
  if (r.duplicate === 'same') return null; // already holds it: not a candidate
  // Blocked only by a higher award for the same achievement, or a pending proposal: shown, flagged.
  const status: DiscoveryStatus | null = r.duplicate ? 'eligible' : statusOf(r);
  if (!status || (f.status && f.status !== 'all' && f.status !== status)) return null;
  // A year nobody has rated yet has nothing to discover (every award would just "need review").
  if (status === 'needs_review' && !rated) return null;
  const duplicate = r.duplicate ? (r.duplicate === 'pending' ? 'pending' : 'awarded') : null;
  return { ...base, key: `${base.subjectKind}:${base.personId ?? base.unitId}:${award}`, award, status, duplicate };
}

/** The hits of one person (pure: runs in process or in the discovery worker). */
function evaluatePerson(p: PersonHistory, job: BatchJob, out: DiscoveryHit[]): void {
  const f = job.filter;
  if (f.leader !== undefined && p.isLeader !== f.leader) return;
  if (f.gender && p.gender !== f.gender) return;
  const rated = isRated(p.input, f.year);
  const base = { subjectKind: 'individual' as const, personId: p.personId, unitId: p.unitId, name: p.name, unitName: p.unitName, isLeader: p.isLeader, gender: p.gender, members: null, highlight: !p.isLeader };
  screenAwards(p.input, job.awards.individual, f.asOf, f.year, { settings: job.settings, maxSteps: 1 }, (award, r) => {
    const hit = hitOf(r, award, base, rated, f);
    if (hit) out.push(hit);
  });
}

/** The hits one batch of collectives gives. */
export function evaluateUnits(batch: UnitHistory[], job: BatchJob): DiscoveryHit[] {
  const f = job.filter;
  const smallMax = Number(job.settings.small_collective_max_members);
  const out: DiscoveryHit[] = [];
  for (const u of batch) {
    const rated = isRated(u.input, f.year);
    const base = { subjectKind: 'collective' as const, personId: null, unitId: u.unitId, name: u.name, unitName: u.parentName, isLeader: null, gender: null, members: u.members, highlight: u.members > 0 && u.members <= smallMax };
    screenAwards(u.input, job.awards.collective, f.asOf, f.year, { settings: job.settings, maxSteps: 1 }, (award, r) => {
      const hit = hitOf(r, award, base, rated, f);
      if (hit) out.push(hit);
    });
  }
  return out;
}

/** A page of people as read from the database: their history digests, one JSON document per line, as UTF-8 bytes
 *  not yet parsed (see `forEachDigestHistory`). */
export interface DigestBatch {
  count: number;
  doc: Uint8Array;
  names: Map<number, string>;
}

/** The hits a page of digests gives: parsed, assembled and evaluated a person at a time (in a worker thread). */
export function evaluateDigests(b: DigestBatch, job: BatchJob): DiscoveryHit[] {
  const out: DiscoveryHit[] = [];
  forEachDigestHistory(b.doc, { asOf: job.filter.asOf, fromYear: FROM_YEAR }, b.names, (p) => evaluatePerson(p, job, out));
  return out;
}

export interface DiscoveryOptions {
  settings: Settings;
  /** Called with each hit in discovery order (people by id, then collectives). */
  onHit: (hit: DiscoveryHit) => void;
  /** Evaluate batches in worker threads while the next ones are read (default: when a worker can start). */
  worker?: boolean;
}

/**
 * Runs discovery; returns how many subjects were examined. Batches stream from the database; each is evaluated
 * in a discovery worker thread (so reading the next batches and evaluating this one overlap), or in process.
 * @example await discover(db, { unitIds: 'all', year: 2025, asOf: '2026-01-10' }, { settings, onHit: (h) => hits.push(h) });
 */
export async function discover(q: Queryable, f: DiscoveryFilter, opts: DiscoveryOptions): Promise<number> {
  const job: BatchJob = {
    filter: f,
    settings: opts.settings,
    awards: {
      individual: f.subject === 'collective' ? [] : discoverableAwards('individual', f.asOf, f.award),
      collective: f.subject === 'individual' || f.leader !== undefined || f.gender ? [] : discoverableAwards('collective', f.asOf, f.award),
    },
  };
  const pool = opts.worker === false ? null : discoveryWorker();
  // Results come back in order: each batch's hits are emitted after the previous batch's. Up to one batch per
  // worker and one more wait in flight, so every worker stays busy while the reader goes on; the reader waits for
  // the oldest batch beyond that (memory stays bounded).
  let previous: Promise<void> = Promise.resolve();
  const inFlight: Promise<void>[] = [];
  const limit = pool ? pool.size + 1 : 1;
  const run = async (kind: BatchKind, batch: DigestBatch | UnitHistory[]) => {
    const here = () => (kind === 'digests' ? evaluateDigests(batch as DigestBatch, job) : evaluateUnits(batch as UnitHistory[], job));
    // A worker that fails mid-way costs speed, never the answer: that batch is evaluated here instead.
    const hits = pool ? pool.evaluate(kind, batch, job).catch(here) : Promise.resolve(here());
    const done = previous.then(() => hits).then((list) => list.forEach(opts.onHit));
    previous = done;
    inFlight.push(done);
    while (inFlight.length >= limit) await inFlight.shift();
  };
  let examined = 0;
  const stream = { unitIds: f.unitIds, asOf: f.asOf, fromYear: FROM_YEAR };
  if (job.awards.individual.length > 0) {
    // Digests are brought up to date with every committed write, then read a page at a time by the main thread
    // (one statement per page, the document handed over unparsed); parsing, assembling and judging happen in the
    // workers meanwhile.
    await refreshStaleHistories(q);
    const names = await unitNamesAsOf(q, await allUnitIds(q), f.asOf);
    const read = async (ids: number[]): Promise<DigestBatch[]> => [{ count: ids.length, doc: Buffer.from(await fetchDigestDoc(q, ids), 'utf8'), names }];
    await streamPersonPages(q, stream, read, ([b]) => {
      if (!b) return undefined;
      examined += b.count;
      return run('digests', b);
    });
  }
  if (job.awards.collective.length > 0) examined += await streamUnitInputs(q, { ...stream, memberStatsFrom: f.year }, (batch) => run('units', batch));
  await previous;
  return examined;
}

/**
 * The texts of some hits (a page of a list, or an export): their subjects' histories are loaded again and each hit
 * is checked in full, so the reasons are those of the engine's full explanation. A subject gone since discovery
 * ran (deleted) is left out.
 */
export async function explainHits(q: Queryable, hits: DiscoveryHit[], f: Pick<DiscoveryFilter, 'asOf' | 'year'>, settings: Settings): Promise<DiscoveryRow[]> {
  const opts = { asOf: f.asOf, fromYear: FROM_YEAR, memberStatsFrom: f.year };
  const rows: DiscoveryRow[] = [];
  // A chunk at a time, so that an export of a city-wide list never holds every history at once.
  for (let i = 0; i < hits.length; i += EXPLAIN_BATCH) {
    const chunk = hits.slice(i, i + EXPLAIN_BATCH);
    const people = [...new Set(chunk.flatMap((h) => (h.subjectKind === 'individual' && h.personId !== null ? [h.personId] : [])))];
    const units = [...new Set(chunk.flatMap((h) => (h.subjectKind !== 'individual' && h.unitId !== null ? [h.unitId] : [])))];
    const inputs = new Map<string, EligibilityInputRaw>();
    for (const p of await buildPersonHistories(q, people, opts)) inputs.set(`individual:${p.personId}`, p.input);
    for (const u of await buildUnitHistories(q, units, opts)) inputs.set(`collective:${u.unitId}`, u.input);
    for (const h of chunk) {
      const input = inputs.get(`${h.subjectKind}:${h.personId ?? h.unitId}`);
      if (input) rows.push(rowOf(h, screenParsed(inputFor(input, h.award, f.asOf, f.year), { settings }).summary()));
    }
  }
  return rows;
}

/** Subjects whose histories `explainHits` loads per round of statements. */
const EXPLAIN_BATCH = 5_000;

/** A hit with the texts of its check. */
function rowOf(h: DiscoveryHit, x: ScreenSummary): DiscoveryRow {
  const duplicate: DiscoveryRow['duplicate'] = h.duplicate && x.duplicateText ? { kind: h.duplicate, textVi: x.duplicateText.vi, textEn: x.duplicateText.en } : null;
  return { ...h, awardName: x.awardName, awardNameEn: x.awardNameEn, missing: x.missing, missingEn: x.missingEn, reasonVi: x.reasonVi, reasonEn: x.reasonEn, duplicate };
}

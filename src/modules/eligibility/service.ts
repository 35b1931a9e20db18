/**
 * Use cases of the eligibility module: a subject's panel (every award), batch checks with quotas and duplicates
 * inside the batch, and discovery with its filters — all scoped to the caller's org units.
 */
import type { Scope } from '../auth/scope.ts';
import { assertInScope, inScope } from '../auth/scope.ts';
import { audienceIncludes, catalogue, ruleSetOn } from '../catalogue/catalogue.ts';
import type { Settings } from '../catalogue/settings.ts';
import type { EligibilityInputRaw, EligibilityResult, SubjectKind } from '../rules/contract.ts';
import { awardsFor, checkParsed, inputFor } from '../rules/engine.ts';
import { type QuotaItem, type QuotaViolation, checkQuotas } from '../rules/quotas.ts';
import { subtreeIds } from '../org/readers.ts';
import { ancestorChains } from '../org/tree-walks.ts';
import { findPerson } from '../people/repo.ts';
import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { personSortKey, vietnameseKey } from '../../shared/vietnamese.ts';
import { type DiscoveryFilter, type DiscoveryHit, discover, discoverableAwards } from './discovery.ts';
import { buildPersonHistories, buildUnitHistories } from './history.ts';
import { listCaps, usedUnderCaps } from './quotas-repo.ts';

/** Awards shown on a subject's panel: those the rule set holds for its kind and audience (rule-sets.yaml `audience`). */
function panelAwards(kind: SubjectKind, asOf: string, category: string | undefined): string[] {
  const rs = ruleSetOn(asOf);
  return awardsFor(kind, asOf).filter((code) => audienceIncludes(rs?.awards[code]?.audience, category));
}

/** The catalogue's awards with whether the rule set in force on `asOf` judges them and discovery looks for them. */
export function awardsOn(asOf: string) {
  const rs = ruleSetOn(asOf);
  const discoverable = new Set([...discoverableAwards('individual', asOf), ...discoverableAwards('collective', asOf)]);
  return {
    ruleSet: rs?.id ?? null,
    awards: catalogue().awards.map((a) => ({
      code: a.code, nameVi: a.nameVi, nameEn: a.nameEn, kind: a.kind, subjects: a.subjects, legalBasis: a.legalBasis, grantingAuthority: a.grantingAuthority,
      uncertain: a.uncertain, evaluated: Boolean(rs?.awards[a.code]), discoverable: discoverable.has(a.code),
    })),
  };
}

export interface Panel {
  subject: { kind: SubjectKind; id: number; name: string };
  asOf: string;
  year: number;
  ruleSet: string;
  results: EligibilityResult[];
}

function panelOf(kind: SubjectKind, id: number, name: string, raw: EligibilityInputRaw, asOf: string, year: number | undefined, settings: Settings): Panel {
  const results = panelAwards(kind, asOf, raw.subject.category).map((award) => checkParsed(inputFor(raw, award, asOf, year), { settings }));
  return { subject: { kind, id, name }, asOf, year: results[0]?.year ?? year ?? Number(asOf.slice(0, 4)) - 1, ruleSet: results[0]?.ruleSet ?? '', results };
}

/** @throws AppError NOT_FOUND when the person is unknown or outside the scope. */
export async function personPanel(q: Queryable, scope: Scope, personId: number, asOf: string, year: number | undefined, settings: Settings): Promise<Panel> {
  const [h] = await buildPersonHistories(q, [personId], { asOf });
  if (!h) throw new AppError('NOT_FOUND');
  const person = await findPerson(q, personId);
  if (!inScope(scope, person?.current_unit_id) && !inScope(scope, h.unitId)) throw new AppError('NOT_FOUND');
  return panelOf('individual', personId, h.name, h.input, asOf, year, settings);
}

/** @throws AppError NOT_FOUND when the unit is unknown or outside the scope. */
export async function unitPanel(q: Queryable, scope: Scope, unitId: number, asOf: string, year: number | undefined, settings: Settings): Promise<Panel> {
  assertInScope(scope, unitId);
  const [h] = await buildUnitHistories(q, [unitId], { asOf });
  if (!h) throw new AppError('NOT_FOUND');
  return panelOf('collective', unitId, h.name, h.input, asOf, year, settings);
}

export interface BatchItem {
  personId?: number;
  unitId?: number;
  award: string;
}

export interface BatchAnswer {
  items: { personId: number | null; unitId: number | null; award: string; name: string; result: EligibilityResult }[];
  quotaViolations: QuotaViolation[];
}

/**
 * Checks a list of proposals together: each against its history, against the earlier items of the same subject
 * (one achievement, one form: they count as pending), and every cap the list would exceed.
 * @throws AppError VALIDATION_FAILED (an item names neither or both subjects) | NOT_FOUND (out of scope) | UNKNOWN_AWARD
 */
export async function batchCheck(q: Queryable, scope: Scope, asOf: string, year: number | undefined, items: BatchItem[], settings: Settings): Promise<BatchAnswer> {
  items.forEach((it, i) => {
    if ((it.personId === undefined) === (it.unitId === undefined)) throw new AppError('VALIDATION_FAILED', { issues: [{ field: `items.${i}`, rule: 'person_or_unit' }] });
    if (!catalogue().byCode.has(it.award)) throw new AppError('UNKNOWN_AWARD', { award: it.award, item: i });
  });
  const personIds = [...new Set(items.flatMap((i) => (i.personId !== undefined ? [i.personId] : [])))];
  const unitIds = [...new Set(items.flatMap((i) => (i.unitId !== undefined ? [i.unitId] : [])))];
  const people = new Map((await buildPersonHistories(q, personIds, { asOf })).map((h) => [h.personId, h]));
  const units = new Map((await buildUnitHistories(q, unitIds, { asOf })).map((h) => [h.unitId, h]));
  for (const id of personIds) if (!people.has(id) || !inScope(scope, people.get(id)?.unitId)) throw new AppError('NOT_FOUND', { personId: id });
  for (const id of unitIds) if (!units.has(id) || !inScope(scope, id)) throw new AppError('NOT_FOUND', { unitId: id });

  const seen = new Map<string, { code: string; periodFrom: number; periodTo: number; reference: string }[]>();
  const out: BatchAnswer['items'] = [];
  const quotaItems: QuotaItem[] = [];
  const chains = await ancestorChains(q, [...[...people.values()].flatMap((p) => (p.unitId ? [p.unitId] : [])), ...unitIds]);
  items.forEach((it, i) => {
    const h = it.personId !== undefined ? people.get(it.personId) : units.get(it.unitId as number);
    if (!h) return;
    const key = it.personId !== undefined ? `p${it.personId}` : `u${it.unitId}`;
    const earlier = seen.get(key) ?? [];
    const raw = { ...h.input, pending: [...(h.input.pending ?? []), ...earlier] };
    const result = checkParsed(inputFor(raw, it.award, asOf, year), { settings });
    seen.set(key, [...earlier, { code: it.award, periodFrom: result.year, periodTo: result.year, reference: `dòng ${i + 1} của danh sách` }]);
    const unitId = h.unitId;
    out.push({ personId: it.personId ?? null, unitId: it.unitId ?? null, award: it.award, name: h.name, result });
    quotaItems.push({ award: it.award, year: result.year, unitChain: unitId ? (chains.get(unitId) ?? [unitId]) : [] });
  });
  const caps = await listCaps(q, settings);
  // What is used under every cap the batch touches, for each year it proposes: counted together.
  const used = await usedUnderCaps(q, caps.flatMap((cap) => [...new Set(quotaItems.filter((x) => x.award === cap.award).map((x) => x.year))].map((year) => ({ cap, year }))));
  const quotaViolations = checkQuotas(quotaItems, caps, used);
  return { items: out, quotaViolations };
}

/** The units of a subtree (by latest parent) that the scope covers. */
export async function subtreeInScope(q: Queryable, scope: Scope, unitId: number | undefined): Promise<number[] | 'all'> {
  if (unitId === undefined) return scope.all ? 'all' : scope.unitIds;
  assertInScope(scope, unitId);
  return (await subtreeIds(q, unitId)).filter((id) => inScope(scope, id));
}

const STATUS_ORDER: Record<DiscoveryHit['status'], number> = { eligible: 0, near: 1, needs_review: 2 };
/**
 * Eligible first, then one step away, then to review; priority subjects first; awards in catalogue order; then
 * names in the people list's Vietnamese order (given name first; decision 0003); then the key. Each hit gets one
 * string that sorts the same by plain comparison, computed once (a name's key once per name): a city-wide
 * discovery sorts 200,000 hits.
 */
export function sortHits<T extends DiscoveryHit>(hits: T[]): T[] {
  const order = new Map(catalogue().awards.map((a, i) => [a.code, i]));
  const nameKeys = new Map<string, string>();
  const nameKey = (h: T) => {
    const id = `${h.subjectKind === 'individual' ? 'p' : 'u'}${h.name}`;
    let k = nameKeys.get(id);
    if (k === undefined) nameKeys.set(id, (k = h.subjectKind === 'individual' ? personSortKey(h.name) : vietnameseKey(h.name)));
    return k;
  };
  // Fixed-width prefixes, then the name key and the hit's key after a separator that sorts below any character.
  const keyed = hits.map((h) => ({ h, k: `${STATUS_ORDER[h.status]}${h.highlight ? 0 : 1}${String(order.get(h.award) ?? 0).padStart(3, '0')}${nameKey(h)}\u0000${h.key}` }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  for (let i = 0; i < hits.length; i++) hits[i] = keyed[i].h;
  return hits;
}

/** At most this many hits are kept in memory for one discovery answer (filter to narrow it). */
export const MAX_DISCOVERY_HITS = 500_000;

/** Every hit of a discovery, sorted for lists (texts are built for the rows shown: `explainHits`). */
export async function discoverHits(q: Queryable, filter: DiscoveryFilter, settings: Settings): Promise<{ hits: DiscoveryHit[]; examined: number; truncated: boolean }> {
  const hits: DiscoveryHit[] = [];
  let truncated = false;
  const examined = await discover(q, filter, {
    settings,
    onHit: (h) => {
      if (hits.length < MAX_DISCOVERY_HITS) hits.push(h);
      else truncated = true;
    },
  });
  return { hits: sortHits(hits), examined, truncated };
}

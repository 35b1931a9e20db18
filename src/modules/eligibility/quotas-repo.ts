/**
 * Caps (hạn mức): the stored ones (award_quota, eligibility's table, migration 0020) and those the catalogue sets,
 * with what is already used under each. Counts and subtrees come from people and org, a constant number of
 * statements whatever the number of caps.
 */
import type { Actor } from '../audit/audit.ts';
import { audit } from '../audit/audit.ts';
import type { Scope } from '../auth/scope.ts';
import { assertInScope, inScope } from '../auth/scope.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import type { Settings } from '../catalogue/settings.ts';
import { latestUnitNames } from '../org/names.ts';
import { findUnit } from '../org/repo.ts';
import { ancestorChains, subtreesOf } from '../org/tree-walks.ts';
import { type AwardYear, awardCountsByUnit } from '../people/award-counts.ts';
import { type QuotaCap, catalogueCaps } from '../rules/quotas.ts';
import type { Db, Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';

interface QuotaRow { id: number; award_code: string; unit_id: number | null; year: number | null; max_count: number; basis: string }

const nameOf = (code: string) => catalogue().byCode.get(code)?.nameVi ?? code;

/** The caps in force: those the catalogue sets (e.g. Công dân Thủ đô ưu tú a year, at its setting) and every stored one. */
export async function listCaps(q: Queryable, settings: Settings): Promise<QuotaCap[]> {
  const rows = await q.query<QuotaRow>(
    'select id, award_code, unit_id, year, max_count, basis from award_quota where revoked_on is null order by award_code, year nulls first, id',
  );
  const names = await latestUnitNames(q, rows.map((r) => r.unit_id));
  const stored = rows.map((r): QuotaCap => ({
    id: r.id, award: r.award_code, awardName: nameOf(r.award_code), unitId: r.unit_id, unitName: r.unit_id === null ? null : (names.get(r.unit_id) ?? null), year: r.year, max: r.max_count, basis: r.basis,
  }));
  return [...catalogueCaps(catalogue(), settings), ...stored];
}

/** How many of a cap's award were already given in a year. */
export type UsedCounter = (cap: QuotaCap, year: number) => number;

/**
 * What is already used under each cap for each year asked: titles by their year, forms by their decision's year,
 * under the cap's unit (its subtree by latest parent, by the unit recorded on the title or the person's unit at
 * the time; everything for a city-wide cap). Two statements for all the caps: the counts per unit, the subtrees.
 */
export async function usedUnderCaps(q: Queryable, asked: { cap: QuotaCap; year: number }[]): Promise<UsedCounter> {
  const isForm = (award: string) => catalogue().byCode.get(award)?.kind === 'form';
  const keys = (forms: boolean): AwardYear[] => {
    const seen = new Map<string, AwardYear>();
    for (const { cap, year } of asked) if (isForm(cap.award) === forms) seen.set(`${cap.award}|${year}`, { code: cap.award, year });
    return [...seen.values()];
  };
  const counts = await awardCountsByUnit(q, { titles: keys(false), forms: keys(true) });
  const subtrees = await subtreesOf(q, asked.flatMap(({ cap }) => (cap.unitId === null ? [] : [cap.unitId])));
  const subtreeSets = new Map([...subtrees].map(([root, ids]) => [root, new Set(ids)]));
  return (cap, year) => {
    const kind = isForm(cap.award) ? 'form' : 'title';
    const under = cap.unitId === null ? null : (subtreeSets.get(cap.unitId) ?? new Set([cap.unitId]));
    let n = 0;
    for (const c of counts) {
      if (c.kind === kind && c.code === cap.award && c.year === year && (under === null || (c.unitId !== null && under.has(c.unitId)))) n += c.n;
    }
    return n;
  };
}

export type QuotaView = QuotaCap & { used: number | null; usedYear: number };

/**
 * The caps a caller may see, with what is used: caps on units in their scope with the count; caps that bind them
 * from above (city-wide, or on an ancestor of a unit they hold a role on) without it, since that count covers
 * units outside their scope; no others.
 */
export async function quotasVisibleTo(q: Queryable, scope: Scope, roots: number[], settings: Settings, year: number): Promise<QuotaView[]> {
  const caps = await listCaps(q, settings);
  const above = scope.all ? new Set<number>() : new Set([...(await ancestorChains(q, roots)).values()].flat());
  const counted = (cap: QuotaCap) => scope.all || (cap.unitId !== null && inScope(scope, cap.unitId));
  const visible = caps.filter((cap) => counted(cap) || cap.unitId === null || above.has(cap.unitId));
  const used = await usedUnderCaps(q, visible.filter(counted).map((cap) => ({ cap, year: cap.year ?? year })));
  return visible.map((cap) => {
    const usedYear = cap.year ?? year;
    return { ...cap, used: counted(cap) ? used(cap, usedYear) : null, usedYear };
  });
}

export interface NewQuota {
  award: string;
  unitId?: number | null;
  year?: number | null;
  max: number;
  basis: string;
}

/** Adds a cap (audited). @throws AppError UNKNOWN_AWARD | NOT_FOUND (unit outside the caller's scope) */
export async function createQuota(db: Db, actor: Actor, scope: Scope, input: NewQuota): Promise<number> {
  if (!catalogue().byCode.has(input.award)) throw new AppError('UNKNOWN_AWARD', { award: input.award });
  if (input.unitId != null) assertInScope(scope, input.unitId);
  else if (!scope.all) throw new AppError('FORBIDDEN', { reason: 'city_wide_quota' });
  return db.tx(async (t) => {
    // A scope over everything says nothing about whether the unit exists.
    if (input.unitId != null && !(await findUnit(t, input.unitId))) throw new AppError('NOT_FOUND', { field: 'unitId' });
    const [row] = await t.query<{ id: number }>(
      'insert into award_quota (award_code, unit_id, year, max_count, basis, created_by) values ($1,$2,$3,$4,$5,$6) returning id',
      [input.award, input.unitId ?? null, input.year ?? null, input.max, input.basis, actor.id],
    );
    await audit(t, actor, [{ action: 'quota.create', entity: 'award_quota', entityId: row.id, orgUnitId: input.unitId ?? null, before: null, after: input }]);
    return row.id;
  });
}

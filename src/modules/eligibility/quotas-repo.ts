/** Stored caps (award_quota) plus the ones the settings define, and the counts already used under each. */
import type { Actor } from '../audit/audit.ts';
import { audit } from '../audit/audit.ts';
import type { Scope } from '../auth/scope.ts';
import { assertInScope, inScope } from '../auth/scope.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { findUnit } from '../org/repo.ts';
import type { Settings } from '../catalogue/settings.ts';
import type { QuotaCap } from '../rules/quotas.ts';
import type { Db, Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';

interface QuotaRow { id: number; award_code: string; unit_id: number | null; unit_name: string | null; year: number | null; max_count: number; basis: string }

const nameOf = (code: string) => catalogue().byCode.get(code)?.nameVi ?? code;

/** The caps in force: the city's yearly cap on Công dân Thủ đô ưu tú (a setting) and every stored one. */
export async function listCaps(q: Queryable, settings: Settings): Promise<QuotaCap[]> {
  const rows = await q.query<QuotaRow>(
    `select a.id, a.award_code, a.unit_id, a.year, a.max_count, a.basis,
            (select v.name from org_unit_version v where v.unit_id = a.unit_id order by v.valid_from desc limit 1) as unit_name
       from award_quota a where a.revoked_on is null order by a.award_code, a.year nulls first, a.id`,
  );
  const builtIn: QuotaCap = { id: null, award: 'outstanding_capital_citizen', awardName: nameOf('outstanding_capital_citizen'), unitId: null, unitName: null, year: null, max: Number(settings.capital_citizen_quota_per_year), basis: 'QĐ 71/2025/QĐ-UBND (Hà Nội)' };
  return [builtIn, ...rows.map((r) => ({ id: r.id, award: r.award_code, awardName: nameOf(r.award_code), unitId: r.unit_id, unitName: r.unit_name, year: r.year, max: r.max_count, basis: r.basis }))];
}

/**
 * How many of a cap's award were already given for a year: titles by their year, forms by their decision's year,
 * under the cap's unit (its subtree, by the unit recorded on the title or the person's unit at the time).
 */
export async function usedUnder(q: Queryable, cap: QuotaCap, year: number): Promise<number> {
  const kind = catalogue().byCode.get(cap.award)?.kind;
  const subtree = `with recursive sub(id) as (select $3::bigint union select u.id from org_unit u join sub on u.latest_parent_id = sub.id)`;
  const unitFilter = (col: string) => (cap.unitId === null ? 'true' : `${col} in (select id from sub)`);
  const params = [cap.award, year, cap.unitId];
  if (kind === 'form') {
    const [r] = await q.query<{ n: number }>(
      `${subtree} select count(*)::int as n from award_record a
        left join person p on p.id = a.person_id
        where a.form_code = $1 and a.revoked_on is null and extract(year from a.decision_date)::int = $2 and ${unitFilter('coalesce(a.unit_id, p.current_unit_id)')}`,
      params,
    );
    return r.n;
  }
  const [r] = await q.query<{ n: number }>(
    `${subtree} select ((select count(*) from person_title t join person p on p.id = t.person_id
                          where t.title_code = $1 and t.year = $2 and t.revoked_on is null and ${unitFilter('coalesce(t.unit_id, p.current_unit_id)')})
                      + (select count(*) from unit_title t where t.title_code = $1 and t.year = $2 and t.revoked_on is null and ${unitFilter('t.unit_id')}))::int as n`,
    params,
  );
  return r.n;
}

export type QuotaView = QuotaCap & { used: number | null; usedYear: number };

/**
 * The caps a caller may see, with what is used: caps on units in their scope with the count; caps that bind them
 * from above (city-wide, or on an ancestor of a unit they hold a role on) without it, since that count covers
 * units outside their scope; no others.
 */
export async function quotasVisibleTo(q: Queryable, scope: Scope, roots: number[], settings: Settings, year: number): Promise<QuotaView[]> {
  const caps = await listCaps(q, settings);
  const above = scope.all ? new Set<number>() : new Set([...(await unitChains(q, roots)).values()].flat());
  const out: QuotaView[] = [];
  for (const cap of caps) {
    const usedYear = cap.year ?? year;
    if (scope.all || (cap.unitId !== null && inScope(scope, cap.unitId))) out.push({ ...cap, used: await usedUnder(q, cap, usedYear), usedYear });
    else if (cap.unitId === null || above.has(cap.unitId)) out.push({ ...cap, used: null, usedYear });
  }
  return out;
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

/** The unit and its ancestors (by latest parent), for matching caps set on a parent unit. */
export async function unitChains(q: Queryable, unitIds: number[]): Promise<Map<number, number[]>> {
  if (unitIds.length === 0) return new Map();
  const rows = await q.query<{ start: number; id: number }>(
    `with recursive up(start, id) as (select u, u from unnest($1::bigint[]) as u
       union select up.start, o.latest_parent_id from up join org_unit o on o.id = up.id where o.latest_parent_id is not null)
     select start, id from up`,
    [unitIds],
  );
  const out = new Map<number, number[]>();
  for (const r of rows) out.set(r.start, [...(out.get(r.start) ?? []), r.id]);
  return out;
}

import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type AuthUser, type Permission, rootsFor } from './roles.ts';

/** The org units a user may act on for one permission: everything, or a list of unit ids. */
export type Scope = { all: true } | { all: false; unitIds: number[] };

/**
 * Expands the user's role nodes to their subtrees (latest parent of each unit, plus the
 * predecessors of merged/split units, whose records follow their successors).
 */
export async function resolveScope(q: Queryable, user: AuthUser, permission: Permission): Promise<Scope> {
  const roots = rootsFor(user, permission);
  if (roots.length === 0) return { all: false, unitIds: [] };
  const rows = await q.query<{ id: number; is_root: boolean }>(
    `with recursive sub(id) as (
       select unnest($1::bigint[])
       union
       select e.child_id from org_scope_edge e join sub on e.parent_id = sub.id
     )
     select sub.id, not exists (select 1 from org_scope_edge e where e.child_id = sub.id) as is_root
       from sub`,
    [roots],
  );
  // A role on a top unit (no parent) covers the whole tenant: no filter needed.
  const rootIds = new Set(roots);
  if (rows.some((r) => rootIds.has(r.id) && r.is_root)) {
    const total = await q.query<{ n: number }>('select count(*)::int as n from org_unit');
    if (rows.length >= total[0].n) return { all: true };
  }
  return { all: false, unitIds: rows.map((r) => r.id) };
}

/** True when the scope covers the unit. */
export function inScope(scope: Scope, unitId: number | null | undefined): boolean {
  if (scope.all) return true;
  return unitId != null && scope.unitIds.includes(unitId);
}

/**
 * Adds a scope condition on `column` to a parameter list and returns the SQL text.
 * @example const where = scopeCondition(scope, 'p.current_unit_id', params);
 */
export function scopeCondition(scope: Scope, column: string, params: unknown[]): string {
  if (scope.all) return 'true';
  params.push(scope.unitIds);
  return `${column} = any($${params.length}::bigint[])`;
}

/** Throws NOT_FOUND (not FORBIDDEN: a guessed id must not reveal that a record exists) when out of scope. */
export function assertInScope(scope: Scope, unitId: number | null | undefined): void {
  if (!inScope(scope, unitId)) throw new AppError('NOT_FOUND');
}

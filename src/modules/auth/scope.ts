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
  // Roles on every top unit (e.g. the city committee) cover everything: answer without walking the tree.
  const [tops] = await q.query<{ tops: number; covered: number }>(
    `select count(*)::int as tops, count(*) filter (where u.id = any($1::bigint[]))::int as covered
       from org_unit u
      where u.latest_parent_id is null and not exists (select 1 from org_lineage l where l.predecessor_id = u.id)`,
    [roots],
  );
  if (tops.tops > 0 && tops.covered === tops.tops) return { all: true };
  const rows = await q.query<{ id: number }>(
    `with recursive edge as materialized (select child_id, parent_id from org_scope_edge),
     sub(id) as (
       select unnest($1::bigint[])
       union
       select e.child_id from edge e join sub on e.parent_id = sub.id
     )
     select id from sub`,
    [roots],
  );
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

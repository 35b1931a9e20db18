import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { orgTree } from './org-tree.ts';
import { type AuthUser, type Permission, rootsFor } from './roles.ts';

/** The org units a user may act on for one permission: everything, or a list of unit ids. */
export type Scope = { all: true } | { all: false; unitIds: number[] };

/**
 * Expands the user's role nodes to their subtrees (latest parent of each unit, plus the predecessors of merged or
 * split units, whose records follow their successors). The tree is org's (`orgTree().cover`).
 */
export async function resolveScope(q: Queryable, user: AuthUser, permission: Permission): Promise<Scope> {
  const roots = rootsFor(user, permission);
  if (roots.length === 0) return { all: false, unitIds: [] };
  return orgTree().cover(q, roots);
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

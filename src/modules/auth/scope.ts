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

/** Resolves a user's scopes for one unit of work: permissions whose roles sit on the same nodes share one walk. */
export type ScopeOf = (permission: Permission) => Promise<Scope>;

/**
 * A memo of `resolveScope` for one request or transaction (a workflow step asks for the read scope and the acting
 * permission's; most users hold both on the same nodes). Not for longer: a write may change the tree.
 */
export function scopeMemo(q: Queryable, user: AuthUser): ScopeOf {
  const byRoots = new Map<string, Promise<Scope>>();
  return (permission) => {
    const roots = rootsFor(user, permission);
    if (roots.length === 0) return Promise.resolve({ all: false, unitIds: [] });
    const key = [...roots].sort((a, b) => a - b).join(',');
    let scope = byRoots.get(key);
    if (!scope) byRoots.set(key, (scope = orgTree().cover(q, roots)));
    return scope;
  };
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

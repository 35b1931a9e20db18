import type { Scope } from './scope.ts';

/**
 * The one rule for administering an account (list, read, update, reset, disable, unlock, MFA reset, export):
 * EVERY role of the account lies inside the administrator's scope. One role elsewhere — e.g. system_admin on the
 * city besides a role in the ward — puts the account out of reach of the ward's administrator, who would
 * otherwise take over the city account by resetting its password. A role on a node above the administrator's
 * own is never inside the scope (a scope is its nodes' subtrees). Roleless accounts belong to administrators
 * whose scope is everything. Out-of-reach accounts answer 404, like any record outside a scope.
 *
 * Returns a SQL condition on the `app_user` alias `u`, adding its parameter to `params`.
 * @example const where = administrableUserCondition(scope, 'u', params);
 */
export function administrableUserCondition(scope: Scope, alias: string, params: unknown[]): string {
  if (scope.all) return 'true';
  params.push(scope.unitIds);
  const units = `$${params.length}::bigint[]`;
  return `(exists (select 1 from user_role r where r.user_id = ${alias}.id)
           and not exists (select 1 from user_role r where r.user_id = ${alias}.id and not (r.org_unit_id = any(${units}))))`;
}

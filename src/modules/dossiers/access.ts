/** Who sees a dossier and at which level one may act on it. */
import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import type { AuthUser, Permission } from '../auth/roles.ts';
import { type Scope, type ScopeOf, inScope, resolveScope } from '../auth/scope.ts';
import * as repo from './repo.ts';
import type { DossierRow } from './repo.ts';

/** Seen by the units that sent it, and by the level it is addressed to once sent. */
export const visibleIn = (scope: Scope, d: Pick<DossierRow, 'senderUnitId' | 'receiverUnitId' | 'state'>): boolean =>
  inScope(scope, d.senderUnitId) || (d.state !== 'draft' && inScope(scope, d.receiverUnitId));

/**
 * Loads (and with `lock`, locks) a dossier the user may read. @throws AppError NOT_FOUND (also when out of scope: a
 * guessed id reveals nothing)
 */
export async function loadVisible(q: Queryable, user: AuthUser, id: number, lock = false, scopeOf?: ScopeOf): Promise<DossierRow> {
  const d = lock ? await repo.lockDossier(q, id) : await repo.findDossier(q, id);
  if (!d || !visibleIn(await (scopeOf ? scopeOf('dossier.read') : resolveScope(q, user, 'dossier.read')), d)) throw new AppError('NOT_FOUND');
  return d;
}

/** The unit of a level of the dossier: the sender's, or the receiving level's. */
export const unitAt = (d: DossierRow, level: 'sender' | 'receiver'): number => (level === 'sender' ? d.senderUnitId : d.receiverUnitId);

/** Whether the user holds `permission` over the dossier's unit at `level`. */
export async function mayAct(q: Queryable, user: AuthUser, d: DossierRow, permission: Permission, level: 'sender' | 'receiver', scopeOf?: ScopeOf): Promise<boolean> {
  return inScope(await (scopeOf ? scopeOf(permission) : resolveScope(q, user, permission)), unitAt(d, level));
}

/** @throws AppError DOSSIER_ACTION_FORBIDDEN naming the action, the level and the permission it needs */
export async function assertMayAct(q: Queryable, user: AuthUser, d: DossierRow, action: string, permission: Permission, level: 'sender' | 'receiver', scopeOf?: ScopeOf): Promise<void> {
  if (!(await mayAct(q, user, d, permission, level, scopeOf))) throw new AppError('DOSSIER_ACTION_FORBIDDEN', { action, permission, level, unitId: unitAt(d, level) });
}

/** @throws AppError DOSSIER_NOT_EDITABLE unless a draft or returned (the sender completes it) */
export function assertEditable(d: DossierRow): void {
  if (d.state !== 'draft' && d.state !== 'returned') throw new AppError('DOSSIER_NOT_EDITABLE', { state: d.state });
}

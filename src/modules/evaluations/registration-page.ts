import type { Queryable } from '../../server/db.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { latestUnitNames } from '../org/names.ts';
import { subtreeIds } from '../org/readers.ts';
import { findUnit } from '../org/repo.ts';
import * as repo from './registrations.ts';

/**
 * A unit's registration page: its own registration, the registrations of its subtree the reader may see (the roll-up
 * the level above reviews) and their totals by title (all, and approved).
 */
export async function registrationPage(q: Queryable, scopes: { read: Scope; write: Scope; approve: Scope }, unitId: number, year: number) {
  const units = (await subtreeIds(q, unitId)).filter((id) => inScope(scopes.read, id));
  const regs = await repo.registrationsOfUnits(q, units, year);
  const names = await latestUnitNames(q, regs.map((r) => r.unitId));
  const totals = new Map<string, { awardCode: string; awardName: string; subjectKind: 'individual' | 'collective'; count: number; approved: number }>();
  for (const r of regs) {
    for (const i of r.items) {
      const key = `${i.awardCode}|${i.subjectKind}`;
      const t = totals.get(key) ?? { awardCode: i.awardCode, awardName: catalogue().byCode.get(i.awardCode)?.nameVi ?? i.awardCode, subjectKind: i.subjectKind, count: 0, approved: 0 };
      t.count++;
      if (r.status === 'approved') t.approved++;
      totals.set(key, t);
    }
  }
  const parentId = (await findUnit(q, unitId))?.parentId ?? null;
  return {
    unitId, year, registration: regs.find((r) => r.unitId === unitId) ?? null,
    subtree: regs.map((r) => ({ unitId: r.unitId, unitName: names.get(r.unitId) ?? '', id: r.id, status: r.status, items: r.items.length, version: r.version })),
    totals: [...totals.values()].sort((a, b) => a.awardCode.localeCompare(b.awardCode)),
    actions: { canWrite: inScope(scopes.write, unitId), canApprove: parentId === null ? scopes.approve.all : inScope(scopes.approve, parentId) },
  };
}

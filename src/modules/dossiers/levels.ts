/** The levels a dossier may be addressed to: the sending unit itself (its own head decides) or a unit above it. */
import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { latestUnitNames } from '../org/names.ts';
import { ancestorChains } from '../org/tree-walks.ts';

/** The unit and its ancestors (by latest parent), nearest first, with their names. */
export async function levelsAbove(q: Queryable, unitId: number): Promise<{ id: number; name: string }[]> {
  const chain = (await ancestorChains(q, [unitId])).get(unitId) ?? [];
  const names = await latestUnitNames(q, chain);
  return chain.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id) as string }));
}

/**
 * @param strict true: only a unit above (a forward goes up); false: the unit itself too
 * @throws AppError VALIDATION_FAILED naming the field (rule not_a_higher_level)
 */
export async function assertHigherLevel(q: Queryable, from: number, to: number, field: string, strict: boolean): Promise<void> {
  const chain = (await ancestorChains(q, [from])).get(from) ?? [];
  const ok = chain.includes(to) && (!strict || to !== from);
  if (!ok) throw new AppError('VALIDATION_FAILED', { issues: [{ field, rule: 'not_a_higher_level', params: { from, to } }] });
}

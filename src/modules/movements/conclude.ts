import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { dossiersFromReview } from '../dossiers/commands.ts';
import { latestUnitNames } from '../org/names.ts';
import * as repo from './repo.ts';
import { weightedScore } from './rules.ts';
import type { ConcludeInput } from './schema.ts';

export interface UnitResult { unitId: number; unitName: string; score: number; candidate: boolean; reasons: string; dossierId: number | null }

const pct = (x: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/**
 * The final review (tổng kết), in the caller's transaction: each registered unit's result is its weighted attainment
 * (0..100) from its latest figure per criterion (a criterion never reported counts 0); units at or above the
 * movement's threshold are candidates for its award, sent in one step into one draft dossier of type "movement" from
 * `senderUnitId` to `receiverUnitId` (dossiers' `dossiersFromReview`). The movement is then concluded.
 * @throws AppError NOT_FOUND | FORBIDDEN | VERSION_CONFLICT | MOVEMENT_STATE | dossiers' refusals (e.g. DOSSIER_DUPLICATE_NOMINEE)
 */
export async function concludeMovement(q: Queryable, actor: Actor, scope: Scope, movementId: number, input: ConcludeInput): Promise<{ results: UnitResult[]; dossierIds: number[] }> {
  const m = await repo.findMovement(q, movementId, true);
  if (!m || !inScope(scope, m.authorityUnitId)) throw new AppError('NOT_FOUND');
  await assertVersion(q, 'movement', m.id, m.version, input.version);
  if (m.status !== 'launched') throw new AppError('MOVEMENT_STATE', { status: m.status, reason: 'phong trào đã tổng kết' });
  const criteria = await repo.criteriaOf(q, m.id);
  const periods = await repo.periodsOf(q, m.id);
  const units = await repo.registeredUnits(q, m.id);
  const latest = new Map<string, number>();
  for (const f of await repo.latestFigures(q, m.id, periods.at(-1)?.seq ?? 0)) latest.set(`${f.unitId}:${f.criterionId}`, f.attainment);
  const names = await latestUnitNames(q, units);
  const scored = units.map((u) => {
    const parts = criteria.map((c) => ({ c, attainment: latest.get(`${u}:${c.id}`) ?? null }));
    const score = weightedScore(parts.map((x) => ({ weight: x.c.weight, attainment: x.attainment })));
    const met = parts.filter((x) => (x.attainment ?? 0) >= 1).map((x) => x.c.name);
    const unmet = parts.filter((x) => (x.attainment ?? 0) < 1).map((x) => (x.attainment === null ? `${x.c.name} (không báo cáo)` : `${x.c.name} (${pct(x.attainment * 100)}%)`));
    const reasons = `Đạt ${pct(score)}/100 điểm có trọng số (ngưỡng đề nghị ${pct(m.candidateThreshold)}). Tiêu chí đạt: ${met.join('; ') || 'không có'}.${unmet.length ? ` Chưa đạt: ${unmet.join('; ')}.` : ''}`;
    return { unitId: u, unitName: names.get(u) ?? String(u), score, candidate: score >= m.candidateThreshold, reasons, dossierId: null as number | null };
  });
  scored.sort((a, b) => b.score - a.score || a.unitId - b.unitId);
  const candidates = scored.filter((r) => r.candidate);
  const sent = candidates.length === 0 ? [] : await dossiersFromReview(q, actor, scope, {
    reviewId: m.id, year: Number(m.endsOn.slice(0, 4)), senderUnitId: input.senderUnitId, receiverUnitId: input.receiverUnitId,
    groups: [{ awardCode: m.awardCode, nominees: candidates.map((c) => ({ unitId: c.unitId })) }],
    source: { awardType: 'movement', key: `movement-${m.id}`, title: (award) => `Đề nghị tặng ${award} - tổng kết phong trào "${m.title}"`, note: `Từ tổng kết phong trào thi đua số ${m.id} (${m.planDocNumber})` },
  });
  const dossierId = sent[0]?.dossierId ?? null;
  for (const c of candidates) c.dossierId = dossierId;
  await repo.insertResults(q, m.id, scored);
  await repo.bumpMovement(q, m.id, 'concluded');
  await audit(q, actor, [{ action: 'movement.conclude', entity: 'movement', entityId: m.id, orgUnitId: m.authorityUnitId, before: { status: m.status, version: m.version }, after: { status: 'concluded', version: m.version + 1, candidates: candidates.map((c) => c.unitId), dossierIds: sent.map((s) => s.dossierId) } }]);
  return { results: scored, dossierIds: sent.map((s) => s.dossierId) };
}

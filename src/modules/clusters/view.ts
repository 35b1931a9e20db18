/** Read models of the clusters module (names of units as they are now; a moved member keeps its row). */
import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { latestUnitNames } from '../org/names.ts';
import { rankCluster } from './ranking.ts';
import * as repo from './repo.ts';
import { type Sheet, boundsOf, sheetById } from './sheets.ts';

const name = (m: Map<number, string>, id: number | null) => (id === null ? null : (m.get(id) ?? String(id)));

export function clusterOut(c: repo.ClusterRow & { members?: number }, names: Map<number, string>) {
  return {
    id: c.id, kind: c.kind, name: c.name, authorityUnitId: c.authority_unit_id, authorityName: name(names, c.authority_unit_id) as string,
    sheetId: c.sheet_id, flagCount: c.flag_count, meritCount: c.merit_count, invented: c.invented, version: c.version, members: c.members ?? 0,
  };
}

/** Readers see a cluster whose authority or one of whose members of the year is in their scope. */
export async function visibleCluster(q: Queryable, scope: Scope, id: number, year: number): Promise<repo.ClusterRow> {
  const c = await repo.findCluster(q, id);
  if (!c) throw new AppError('NOT_FOUND');
  if (inScope(scope, c.authority_unit_id)) return c;
  const members = await repo.membersOf(q, id, year);
  if (members.some((m) => inScope(scope, m.unit_id))) return c;
  throw new AppError('NOT_FOUND');
}

export async function listView(q: Queryable, scope: Scope, year: number) {
  const rows = await repo.listClusters(q, scope.all ? null : scope.unitIds, year);
  const names = await latestUnitNames(q, rows.map((r) => r.authority_unit_id));
  return { items: rows.map((r) => clusterOut(r, names)) };
}

export async function yearView(q: Queryable, scope: Scope, id: number, year: number) {
  const c = await visibleCluster(q, scope, id, year);
  const members = await repo.membersOf(q, id, year);
  const roles = await repo.rolesOf(q, id);
  const cards = await repo.scorecardsOf(q, id, year);
  const names = await latestUnitNames(q, [c.authority_unit_id, ...members.flatMap((m) => [m.unit_id, m.moved_from_unit_id, m.moved_to_unit_id]), ...roles.flatMap((r) => [r.head_unit_id, r.deputy_unit_id])]);
  const roleOut = (r: repo.RoleRow) => ({ year: r.year, headUnitId: r.head_unit_id, headName: name(names, r.head_unit_id) as string, deputyUnitId: r.deputy_unit_id, deputyName: name(names, r.deputy_unit_id), setAt: r.set_at });
  const current = roles.find((r) => r.year === year);
  return {
    cluster: clusterOut({ ...c, members: members.filter((m) => m.active).length }, names),
    year,
    members: members.map((m) => ({ unitId: m.unit_id, name: name(names, m.unit_id) as string, active: m.active, movedFromUnitId: m.moved_from_unit_id, movedToUnitId: m.moved_to_unit_id, movedOn: m.moved_on })),
    role: current ? roleOut(current) : null,
    roleHistory: roles.map(roleOut),
    cards: cards.map((x) => ({ unitId: x.unit_id, state: x.state, total: x.total, version: x.version })),
    conflicts: (await repo.conflictsOf(q, id, year)).map((x) => ({ userId: x.user_id, unitId: x.unit_id, reason: x.reason })),
  };
}

export async function cardView(q: Queryable, scope: Scope, id: number, year: number, unitId: number) {
  const c = await visibleCluster(q, scope, id, year);
  const card = await repo.scorecard(q, id, year, unitId);
  if (!card) throw new AppError('NOT_FOUND');
  const sheet = sheetById(c.sheet_id) as Sheet;
  const scores = new Map((await repo.scoresOf(q, card.id)).map((s) => [s.criterion, s]));
  const names = await latestUnitNames(q, [unitId]);
  return {
    clusterId: id, year, unitId, unitName: name(names, unitId) as string, state: card.state, total: card.total, version: card.version,
    sheet: { id: sheet.id, name: sheet.name, maxTotal: sheet.maxTotal },
    scores: [...sheet.leaves.values()].map((l) => {
      const s = scores.get(l.code);
      return { criterion: l.code, name: l.name, group: l.group, kind: l.kind, ...boundsOf(l), selfPoints: s?.self_points ?? null, verifiedPoints: s?.verified_points ?? null, finalPoints: s?.final_points ?? null };
    }),
  };
}

export async function rankingView(q: Queryable, scope: Scope, id: number, year: number) {
  const c = await visibleCluster(q, scope, id, year);
  const sheet = sheetById(c.sheet_id) as Sheet;
  const { rows } = await rankCluster(q, c, year);
  const names = await latestUnitNames(q, rows.map((r) => r.unitId));
  const groupName = new Map(sheet.groups.map((g) => [g.code, g.name]));
  return {
    clusterId: id, year, tieBreak: sheet.tieBreak, published: rows.length > 0 && rows.every((r) => r.state === 'published'),
    rows: rows.map((r) => {
      const other = r.tie.kind === 'none' ? '' : (name(names, r.tie.otherUnitId) as string);
      const explanation = r.tie.kind === 'broken'
        ? `Bằng tổng điểm với ${other}; xếp trên nhờ điểm "${groupName.get(r.tie.by) ?? r.tie.by}" (${r.tie.mine} > ${r.tie.theirs}).`
        : r.tie.kind === 'shared' ? `Bằng điểm với ${other} ở tổng điểm và mọi tiêu chí phụ: đồng hạng.` : '';
      return { ...r, name: name(names, r.unitId) as string, explanation };
    }),
  };
}

export async function spreadView(q: Queryable, scope: Scope, id: number, year: number) {
  await visibleCluster(q, scope, id, year);
  return { items: (await repo.spreadOf(q, id, year)).map((r) => ({ reviewerId: r.reviewer_id, stage: r.stage, n: r.n, mean: r.mean, stddev: r.stddev, min: r.min, max: r.max, meanChange: r.mean_change })) };
}

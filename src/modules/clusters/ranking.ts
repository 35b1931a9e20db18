/**
 * Ranking of a cluster's members for a year: by total, then by the sheet's tie-break order (sums of the named
 * criteria groups); members equal on all of them share a rank. Each row says why it stands above the next one.
 */
import type { Queryable } from '../../server/db.ts';
import * as repo from './repo.ts';
import { type Sheet, sheetById } from './sheets.ts';

export interface RankRow {
  rank: number;
  unitId: number;
  state: string;
  total: number;
  groups: Record<string, number>;
  /** Why this member is placed against the one just below on the same total ("" when totals differ). */
  tie: { kind: 'none' } | { kind: 'broken'; by: string; mine: number; theirs: number; otherUnitId: number } | { kind: 'shared'; otherUnitId: number };
}

function order(sheet: Sheet, a: Omit<RankRow, 'rank' | 'tie'>, b: Omit<RankRow, 'rank' | 'tie'>): { cmp: number; by: string | null } {
  if (a.total !== b.total) return { cmp: b.total - a.total, by: null };
  for (const g of sheet.tieBreak) {
    const d = (b.groups[g] ?? 0) - (a.groups[g] ?? 0);
    if (d !== 0) return { cmp: d, by: g };
  }
  return { cmp: 0, by: null };
}

/** Ranks rows of one cluster (already grouped). */
export function rankRows(sheet: Sheet, input: repo.RankInput[]): RankRow[] {
  const byUnit = new Map<number, Omit<RankRow, 'rank' | 'tie'>>();
  for (const r of input) {
    const groups: Record<string, number> = {};
    for (const [g, v] of Object.entries(r.groups ?? {})) groups[g] = Math.round(Number(v) * 100) / 100;
    byUnit.set(r.unit_id, { unitId: r.unit_id, state: r.state, total: r.total, groups });
  }
  const rows = [...byUnit.values()].sort((a, b) => order(sheet, a, b).cmp || a.unitId - b.unitId);
  const out: RankRow[] = [];
  rows.forEach((r, i) => {
    const prev = out[i - 1];
    const samePrev = prev !== undefined && order(sheet, rows[i - 1], r).cmp === 0;
    const next = rows[i + 1];
    let tie: RankRow['tie'] = { kind: 'none' };
    if (next && next.total === r.total) {
      const o = order(sheet, r, next);
      tie = o.by ? { kind: 'broken', by: o.by, mine: r.groups[o.by] ?? 0, theirs: next.groups[o.by] ?? 0, otherUnitId: next.unitId } : { kind: 'shared', otherUnitId: next.unitId };
    }
    out.push({ ...r, rank: samePrev ? prev.rank : i + 1, tie });
  });
  return out;
}

export async function rankCluster(q: Queryable, c: repo.ClusterRow, year: number): Promise<{ clusterId: number; rows: RankRow[] }> {
  return { clusterId: c.id, rows: rankRows(sheetById(c.sheet_id) as Sheet, await repo.rankingInputs(q, year, [c.id])) };
}

/** Every cluster's ranking for a year in one set-based read (the bench's ranking_all). */
export async function rankAll(q: Queryable, year: number, clusters: repo.ClusterRow[], sheetOf: (id: string) => Sheet | undefined = sheetById): Promise<Map<number, RankRow[]>> {
  const input = await repo.rankingInputs(q, year, null);
  const byCluster = new Map<number, repo.RankInput[]>();
  for (const r of input) {
    const list = byCluster.get(r.cluster_id);
    if (list) list.push(r);
    else byCluster.set(r.cluster_id, [r]);
  }
  const out = new Map<number, RankRow[]>();
  for (const c of clusters) out.set(c.id, rankRows(sheetOf(c.sheet_id) as Sheet, byCluster.get(c.id) ?? []));
  return out;
}

/**
 * Discovery as the lists show it: one page of hits with their texts, the counts by status and the total; the same
 * hits as an .xlsx. The routes only authorize and answer (routes.ts).
 */
import type { Scope } from '../auth/scope.ts';
import { catalogue, ruleSetOn } from '../catalogue/catalogue.ts';
import { currentSettings } from '../catalogue/settings-repo.ts';
import type { Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { type DiscoveryHit, type DiscoveryRow, explainHits } from './discovery.ts';
import { discoveryWorkbook } from './export.ts';
import type { DiscoveryQuery } from './schema.ts';
import { discoverHits, subtreeInScope } from './service.ts';

export interface DiscoveryPage {
  year: number;
  asOf: string;
  ruleSet: string | null;
  examined: number;
  truncated: boolean;
  total: number;
  counts: { eligible: number; near: number; needsReview: number };
  rows: DiscoveryRow[];
}

/**
 * Every hit of a discovery within the caller's scope, sorted, with the day and year it was judged for.
 * @throws AppError UNKNOWN_AWARD | NO_RULE_SET | NOT_FOUND (a unit outside the scope)
 */
async function run(q: Queryable, scope: Scope, query: DiscoveryQuery) {
  const asOf = query.asOf ?? cityToday();
  if (query.award && !catalogue().byCode.has(query.award)) throw new AppError('UNKNOWN_AWARD', { award: query.award });
  if (!ruleSetOn(asOf)) throw new AppError('NO_RULE_SET', { asOf });
  const year = query.year ?? Number(asOf.slice(0, 4)) - 1;
  const unitIds = await subtreeInScope(q, scope, query.unitId);
  const settings = await currentSettings(q);
  const found = await discoverHits(q, { unitIds, year, asOf, award: query.award, status: query.status, subject: query.subject, leader: query.leader, gender: query.gender }, settings);
  return { ...found, year, asOf, settings };
}

/** How many hits of each status. */
export function countByStatus(hits: readonly DiscoveryHit[]): DiscoveryPage['counts'] {
  const counts = { eligible: 0, near: 0, needsReview: 0 };
  for (const h of hits) {
    if (h.status === 'eligible') counts.eligible++;
    else if (h.status === 'near') counts.near++;
    else counts.needsReview++;
  }
  return counts;
}

/** The page `query.page` of `query.pageSize` hits, explained (texts only for the page shown), with the counts of all. */
export async function discoveryPage(q: Queryable, scope: Scope, query: DiscoveryQuery): Promise<DiscoveryPage> {
  const { hits, examined, truncated, year, asOf, settings } = await run(q, scope, query);
  const start = (query.page - 1) * query.pageSize;
  const rows = await explainHits(q, hits.slice(start, start + query.pageSize), { asOf, year }, settings);
  return { year, asOf, ruleSet: ruleSetOn(asOf)?.id ?? null, examined, truncated, total: hits.length, counts: countByStatus(hits), rows };
}

/** Every hit, explained, as an .xlsx titled with the year and day judged. */
export async function discoveryExport(q: Queryable, scope: Scope, query: DiscoveryQuery): Promise<{ year: number; workbook: Buffer }> {
  const { hits, year, asOf, settings } = await run(q, scope, query);
  const rows = await explainHits(q, hits, { asOf, year }, settings);
  const workbook = await discoveryWorkbook(rows, `Danh sách phát hiện nhân tố khen thưởng — thành tích năm ${year} (xét ngày ${asOf.split('-').reverse().join('/')})`);
  return { year, workbook };
}

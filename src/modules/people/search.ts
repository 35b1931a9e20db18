import type { Queryable } from '../../server/db.ts';
import { foldVietnamese } from '../../shared/vietnamese.ts';
import { type Scope, scopeCondition } from '../auth/scope.ts';
import { latestUnitNames } from '../org/names.ts';
import { subtreeWithPredecessors } from '../org/readers.ts';
import { masked } from './personal-data.ts';
import type { PersonSummary } from './types.ts';

export interface SearchInput {
  q?: string;
  /** Only people whose current unit is this unit (or under it, with `subtree`). */
  unitId?: number;
  subtree?: boolean;
  /** With `unitId`: the people who worked in the unit on this date (history), instead of its current people. */
  asOf?: string;
  isLeader?: boolean;
  limit: number;
  offset: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * How a page of matches is found. PostgreSQL's own plan walks the sort_key index and filters: fast when
 * matches are many and spread out, but it scans most of the table when they cluster late in sort order
 * (a given name such as "tho" or "yen": the sort key starts with the given name). So when the planner
 * expects fewer than COLLECT_BELOW matches, a name search collects them through the trigram index and
 * sorts them instead, which is cheap precisely because they are few. Same rows, same order.
 */
const COLLECT_BELOW = 10_000;
type Strategy = 'plan' | 'collect';

/** The planner's estimate of how many people match (EXPLAIN only plans; it reads no rows). */
async function estimatedMatches(q: Queryable, where: string, params: unknown[]): Promise<number> {
  const [row] = await q.query<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] | string }>(`explain (format json) select 1 from person p where ${where}`, params);
  const plan = typeof row['QUERY PLAN'] === 'string' ? JSON.parse(row['QUERY PLAN']) : row['QUERY PLAN'];
  return Number(plan[0].Plan['Plan Rows']);
}

function pageSource(strategy: Strategy, where: string, limit: string, offset: string): string {
  if (strategy === 'collect') {
    return `with m as materialized (select p.id, p.sort_key from person p where ${where})
              select p.* from (select id from m order by sort_key, id limit ${limit} offset ${offset}) m join person p on p.id = m.id`;
  }
  return `select * from person p where ${where} order by p.sort_key, p.id limit ${limit} offset ${offset}`;
}

/** A CCCD token of the query: all 12 digits, or the first 3 or more. */
const isCccdToken = (token: string) => /^\d{3,12}$/.test(token);

export type SearchFilters = Omit<SearchInput, 'limit' | 'offset'>;

/**
 * The search's conditions on `person p`. A full CCCD matches for every reader; a CCCD prefix only among
 * the people whose full numbers the reader may see (`personalScope`): otherwise growing a prefix digit by
 * digit would spell out the number the answers mask.
 */
async function peopleFilter(q: Queryable, scope: Scope, personalScope: Scope, input: SearchFilters): Promise<{ where: string[]; params: unknown[]; nameSearch: boolean }> {
  const params: unknown[] = [];
  const where: string[] = [scopeCondition(scope, 'p.current_unit_id', params)];
  const tokens = foldVietnamese(input.q ?? '').split(' ').filter(Boolean).slice(0, 8);
  for (const token of tokens) {
    if (isCccdToken(token) && token.length === 12) {
      params.push(token);
      where.push(`p.national_id = $${params.length}`);
    } else if (isCccdToken(token)) {
      params.push(`${token}%`);
      where.push(`p.national_id like $${params.length}`, scopeCondition(personalScope, 'p.current_unit_id', params));
    } else {
      params.push(`% ${escapeLike(token)}%`);
      where.push(`p.search_text like $${params.length}`);
    }
  }
  if (input.unitId) {
    // A subtree is the unit, the units under it and their predecessors, as org walks it (one statement).
    params.push(input.subtree ? await subtreeWithPredecessors(q, input.unitId) : input.unitId);
    const units = input.subtree ? `= any($${params.length}::bigint[])` : `= $${params.length}::bigint`;
    if (input.asOf) {
      params.push(input.asOf);
      const d = `$${params.length}::date`;
      where.push(`exists (select 1 from employment e where e.person_id = p.id and e.unit_id ${units} and e.from_date <= ${d} and (e.to_date is null or e.to_date > ${d}))`);
    } else {
      where.push(`p.current_unit_id ${units}`);
    }
  }
  if (input.isLeader !== undefined) {
    params.push(input.isLeader);
    where.push(`exists (select 1 from employment e where e.person_id = p.id and e.to_date is null and e.is_leader = $${params.length})`);
  }
  return { where, params, nameSearch: tokens.some((t) => !isCccdToken(t)) };
}

/**
 * How many people the search finds, and how many of them work in `within` (e.g. an export's rows that
 * carry full personal data), to audit an export before it is written.
 */
export async function countPeople(q: Queryable, scope: Scope, personalScope: Scope, input: SearchFilters, within: Scope): Promise<{ total: number; within: number }> {
  const { where, params } = await peopleFilter(q, scope, personalScope, input);
  const inside = scopeCondition(within, 'p.current_unit_id', params);
  const [row] = await q.query<{ total: number; within: number }>(
    `select count(*)::int as total, count(*) filter (where ${inside})::int as within from person p where ${where.join(' and ')}`,
    params,
  );
  return row;
}

/**
 * Accent- and case-insensitive people search ("nguyen van an" finds "Nguyễn Văn An", "đ" = "d"),
 * by CCCD too (see peopleFilter), sorted in Vietnamese order (given name, then family and middle names).
 * The scope goes into the SQL, so nothing outside it can be listed. Answers show CCCD and birth date masked.
 */
export async function searchPeople(q: Queryable, scope: Scope, personalScope: Scope, input: SearchInput): Promise<{ items: PersonSummary[]; hasMore: boolean }> {
  const { where, params, nameSearch } = await peopleFilter(q, scope, personalScope, input);
  params.push(input.limit + 1, input.offset);
  const query = (strategy: Strategy) =>
    q.query<{
      id: number; national_id: string; full_name: string; gender: PersonSummary['gender']; birth_date: string | null;
      current_unit_id: number | null; position: string | null; is_leader: boolean | null;
    }>(
      `select p.id, p.national_id, p.full_name, p.gender, p.birth_date, p.current_unit_id, e.position, e.is_leader
         from (${pageSource(strategy, where.join(' and '), `$${params.length - 1}`, `$${params.length}`)}) p
         left join lateral (select position, is_leader from employment e where e.person_id = p.id order by e.from_date desc limit 1) e on true
        order by p.sort_key, p.id`,
      params,
    );
  // CCCD prefixes and listings without words are left to the planner (btree ranges, spread-out matches).
  const collect = nameSearch && (await estimatedMatches(q, where.join(' and '), params.slice(0, -2))) < COLLECT_BELOW;
  const rows = await query(collect ? 'collect' : 'plan');
  const unitNames = await latestUnitNames(q, rows.slice(0, input.limit).map((r) => r.current_unit_id));
  return {
    hasMore: rows.length > input.limit,
    items: rows.slice(0, input.limit).map((r) => masked({
      id: r.id, nationalId: r.national_id, fullName: r.full_name, gender: r.gender, birthDate: r.birth_date,
      currentUnitId: r.current_unit_id, currentUnitName: r.current_unit_id === null ? null : unitNames.get(r.current_unit_id) ?? null,
      position: r.position, isLeader: r.is_leader,
    })),
  };
}

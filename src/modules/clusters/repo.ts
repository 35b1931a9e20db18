/** SQL of the clusters module: the only place that names its tables. */
import type { Queryable } from '../../server/db.ts';

export interface ClusterRow {
  id: number; kind: 'cluster' | 'block'; name: string; authority_unit_id: number; sheet_id: string;
  flag_count: number; merit_count: number; invented: boolean; version: number;
}
export interface ScorecardRow { id: number; cluster_id: number; year: number; unit_id: number; state: string; total: number; version: number }
export interface ScoreRow { criterion: string; self_points: number | null; verified_points: number | null; verified_by: number | null; final_points: number | null; reviewed_by: number | null }

const CLUSTER_COLS = 'id, kind, name, authority_unit_id, sheet_id, flag_count, merit_count, invented, version';

export async function insertCluster(q: Queryable, c: Omit<ClusterRow, 'id' | 'version'>): Promise<number> {
  const [r] = await q.query<{ id: number }>(
    'insert into cluster (kind, name, authority_unit_id, sheet_id, flag_count, merit_count, invented) values ($1, $2, $3, $4, $5, $6, $7) returning id',
    [c.kind, c.name, c.authority_unit_id, c.sheet_id, c.flag_count, c.merit_count, c.invented],
  );
  return r.id;
}

export async function findCluster(q: Queryable, id: number, lock = false): Promise<ClusterRow | undefined> {
  const [r] = await q.query<ClusterRow>(`select ${CLUSTER_COLS} from cluster where id = $1${lock ? ' for update' : ''}`, [id]);
  return r;
}

/** Clusters whose authority is in the given units (null: all), or that have a member there in the year. */
export async function listClusters(q: Queryable, unitIds: number[] | null, year: number): Promise<(ClusterRow & { members: number })[]> {
  return q.query(
    `select ${CLUSTER_COLS.split(', ').map((c) => `c.${c}`).join(', ')},
            (select count(*)::int from cluster_member m where m.cluster_id = c.id and m.year = $2 and m.active) as members
       from cluster c
      where $1::bigint[] is null or c.authority_unit_id = any($1::bigint[])
         or exists (select 1 from cluster_member m where m.cluster_id = c.id and m.year = $2 and m.active and m.unit_id = any($1::bigint[]))
      order by c.kind, c.id`,
    [unitIds, year],
  );
}

export async function bumpCluster(q: Queryable, id: number): Promise<void> {
  await q.query('update cluster set version = version + 1 where id = $1', [id]);
}

export interface MemberRow { id: number; unit_id: number; active: boolean; moved_from_unit_id: number | null; moved_to_unit_id: number | null; moved_on: string | null }
export async function membersOf(q: Queryable, clusterId: number, year: number): Promise<MemberRow[]> {
  return q.query('select id, unit_id, active, moved_from_unit_id, moved_to_unit_id, moved_on from cluster_member where cluster_id = $1 and year = $2 order by id', [clusterId, year]);
}

export async function isActiveMember(q: Queryable, clusterId: number, year: number, unitId: number): Promise<boolean> {
  const r = await q.query('select 1 from cluster_member where cluster_id = $1 and year = $2 and unit_id = $3 and active', [clusterId, year, unitId]);
  return r.length > 0;
}

/** Sets the members of a year: adds the new ones, closes the ones left out (rows stay). */
export async function setMembers(q: Queryable, clusterId: number, year: number, unitIds: number[]): Promise<void> {
  await q.query('update cluster_member set active = false where cluster_id = $1 and year = $2 and active and not (unit_id = any($3::bigint[]))', [clusterId, year, unitIds]);
  await q.query(
    `insert into cluster_member (cluster_id, year, unit_id)
     select $1, $2, u from unnest($3::bigint[]) u
      where not exists (select 1 from cluster_member m where m.cluster_id = $1 and m.year = $2 and m.unit_id = u and m.active)`,
    [clusterId, year, unitIds],
  );
}

export interface RoleRow { id: number; year: number; head_unit_id: number; deputy_unit_id: number | null; set_at: string }
export async function insertRole(q: Queryable, clusterId: number, year: number, head: number, deputy: number | null, userId: number | null): Promise<void> {
  await q.query('insert into cluster_role (cluster_id, year, head_unit_id, deputy_unit_id, set_by) values ($1, $2, $3, $4, $5)', [clusterId, year, head, deputy, userId]);
}
/** Every head/deputy ever set, newest first (the first of a year is the one in force). */
export async function rolesOf(q: Queryable, clusterId: number): Promise<RoleRow[]> {
  return q.query('select id, year, head_unit_id, deputy_unit_id, set_at from cluster_role where cluster_id = $1 order by year desc, id desc', [clusterId]);
}
export async function roleOf(q: Queryable, clusterId: number, year: number): Promise<RoleRow | undefined> {
  const [r] = await q.query<RoleRow>('select id, year, head_unit_id, deputy_unit_id, set_at from cluster_role where cluster_id = $1 and year = $2 order by id desc limit 1', [clusterId, year]);
  return r;
}

const CARD_COLS = 'id, cluster_id, year, unit_id, state, total::float8 as total, version';
export async function scorecard(q: Queryable, clusterId: number, year: number, unitId: number, lock = false): Promise<ScorecardRow | undefined> {
  const [r] = await q.query<ScorecardRow>(`select ${CARD_COLS} from cluster_scorecard where cluster_id = $1 and year = $2 and unit_id = $3${lock ? ' for update' : ''}`, [clusterId, year, unitId]);
  return r;
}
export async function scorecardsOf(q: Queryable, clusterId: number, year: number): Promise<ScorecardRow[]> {
  return q.query(`select ${CARD_COLS} from cluster_scorecard where cluster_id = $1 and year = $2 order by id`, [clusterId, year]);
}
export async function insertScorecard(q: Queryable, clusterId: number, year: number, unitId: number): Promise<ScorecardRow> {
  await q.query('insert into cluster_scorecard (cluster_id, year, unit_id) values ($1, $2, $3) on conflict do nothing', [clusterId, year, unitId]);
  return (await scorecard(q, clusterId, year, unitId, true)) as ScorecardRow;
}
/** A scorecard for each member of the year that has none yet, in one statement. */
export async function insertScorecards(q: Queryable, clusterId: number, year: number, unitIds: number[]): Promise<void> {
  await q.query('insert into cluster_scorecard (cluster_id, year, unit_id) select $1, $2, u from unnest($3::bigint[]) u on conflict do nothing', [clusterId, year, unitIds]);
}
export async function setCardState(q: Queryable, id: number, state: string): Promise<void> {
  await q.query('update cluster_scorecard set state = $2, version = version + 1 where id = $1', [id, state]);
}
export async function publishCards(q: Queryable, clusterId: number, year: number): Promise<number> {
  const r = await q.query("update cluster_scorecard set state = 'published', version = version + 1 where cluster_id = $1 and year = $2 and state = 'reviewed' returning id", [clusterId, year]);
  return r.length;
}

export async function scoresOf(q: Queryable, cardId: number): Promise<ScoreRow[]> {
  return q.query(
    `select criterion, self_points::float8 as self_points, verified_points::float8 as verified_points, verified_by,
            final_points::float8 as final_points, reviewed_by
       from cluster_score where scorecard_id = $1 order by criterion`,
    [cardId],
  );
}

type Stage = 'self' | 'verified' | 'final';
/** Writes the points of one stage, then the card's total (the latest stage's points of each criterion). */
export async function writeScores(q: Queryable, cardId: number, stage: Stage, rows: { criterion: string; points: number }[], userId: number | null): Promise<void> {
  const col = `${stage}_points`;
  const byCol = stage === 'verified' ? 'verified_by' : stage === 'final' ? 'reviewed_by' : null;
  const extraCol = byCol ? `, ${byCol}` : '';
  const extraVal = byCol ? ', $4::bigint' : '';
  const extraSet = byCol ? `, ${byCol} = excluded.${byCol}` : '';
  const params: unknown[] = [cardId, rows.map((r) => r.criterion), rows.map((r) => r.points)];
  if (byCol) params.push(userId);
  await q.query(
    `insert into cluster_score (scorecard_id, criterion, ${col}${extraCol})
     select $1, c, p${extraVal} from unnest($2::text[], $3::numeric[]) as t(c, p)
     on conflict (scorecard_id, criterion) do update set ${col} = excluded.${col}${extraSet}`,
    params,
  );
  await q.query(
    `update cluster_scorecard set version = version + 1,
            total = coalesce((select sum(coalesce(final_points, verified_points, self_points)) from cluster_score where scorecard_id = $1), 0),
            groups = coalesce((select jsonb_object_agg(grp, pts) from (
              select split_part(criterion, '.', 1) as grp, sum(coalesce(final_points, verified_points, self_points)) as pts
                from cluster_score where scorecard_id = $1 group by 1) g), '{}')
      where id = $1`,
    [cardId],
  );
}

export async function declareConflict(q: Queryable, clusterId: number, year: number, userId: number, unitId: number, reason: string): Promise<boolean> {
  const r = await q.query('insert into cluster_conflict (cluster_id, year, user_id, unit_id, reason) values ($1, $2, $3, $4, $5) on conflict do nothing returning id', [clusterId, year, userId, unitId, reason]);
  return r.length > 0;
}
export async function hasConflict(q: Queryable, clusterId: number, year: number, userId: number, unitId: number): Promise<boolean> {
  const r = await q.query('select 1 from cluster_conflict where cluster_id = $1 and year = $2 and user_id = $3 and unit_id = $4', [clusterId, year, userId, unitId]);
  return r.length > 0;
}
export async function conflictsOf(q: Queryable, clusterId: number, year: number): Promise<{ user_id: number; unit_id: number; reason: string }[]> {
  return q.query('select user_id, unit_id, reason from cluster_conflict where cluster_id = $1 and year = $2 order by id', [clusterId, year]);
}

export interface RankInput { cluster_id: number; unit_id: number; state: string; total: number; groups: Record<string, number> }
/** Totals and per-group sums of the active members of the given clusters (null: all) in a year, set-based. */
export async function rankingInputs(q: Queryable, year: number, clusterIds: number[] | null): Promise<RankInput[]> {
  return q.query(
    `select sc.cluster_id, sc.unit_id, sc.state, sc.total::float8 as total, sc.groups
       from cluster_scorecard sc
       join cluster_member m on m.cluster_id = sc.cluster_id and m.year = sc.year and m.unit_id = sc.unit_id and m.active
      where sc.year = $1 and ($2::bigint[] is null or sc.cluster_id = any($2::bigint[]))
      order by sc.cluster_id, sc.unit_id`,
    [year, clusterIds],
  );
}

export interface SpreadRow { reviewer_id: number; stage: string; n: number; mean: number; stddev: number | null; min: number; max: number; mean_change: number }
/** Each reviewer's spread: how many scores they set, their mean, deviation and range, and the mean change against the score before. */
export async function spreadOf(q: Queryable, clusterId: number, year: number): Promise<SpreadRow[]> {
  return q.query(
    `with sc as (select s.* from cluster_score s join cluster_scorecard c on c.id = s.scorecard_id where c.cluster_id = $1 and c.year = $2)
     select reviewer_id, stage, count(*)::int as n, avg(p)::float8 as mean, stddev_samp(p)::float8 as stddev, min(p)::float8 as min, max(p)::float8 as max,
            avg(p - prev)::float8 as mean_change
       from (select verified_by as reviewer_id, 'verified' as stage, verified_points as p, self_points as prev from sc where verified_by is not null
             union all
             select reviewed_by, 'final', final_points, coalesce(verified_points, self_points) from sc where reviewed_by is not null) x
      group by reviewer_id, stage order by stage, reviewer_id`,
    [clusterId, year],
  );
}

export async function proposalsOf(q: Queryable, clusterId: number, year: number): Promise<{ award_code: string; dossier_id: number; unit_ids: number[] }[]> {
  return q.query('select award_code, dossier_id, unit_ids from cluster_proposal where cluster_id = $1 and year = $2 order by award_code', [clusterId, year]);
}
export async function insertProposal(q: Queryable, clusterId: number, year: number, awardCode: string, dossierId: number, unitIds: number[]): Promise<void> {
  await q.query('insert into cluster_proposal (cluster_id, year, award_code, dossier_id, unit_ids) values ($1, $2, $3, $4, $5) on conflict do nothing', [clusterId, year, awardCode, dossierId, unitIds]);
}

/** Memberships of the current year of the given units (for a merger or split). */
export async function activeMembershipsOf(q: Queryable, unitIds: number[], year: number): Promise<{ id: number; cluster_id: number; unit_id: number }[]> {
  return q.query('select id, cluster_id, unit_id from cluster_member where unit_id = any($1::bigint[]) and year = $2 and active order by id', [unitIds, year]);
}
export async function moveMembership(q: Queryable, rowId: number, toUnitId: number, on: string): Promise<boolean> {
  const [old] = await q.query<{ cluster_id: number; year: number; unit_id: number }>(
    'update cluster_member set active = false, moved_to_unit_id = $2, moved_on = $3 where id = $1 returning cluster_id, year, unit_id', [rowId, toUnitId, on]);
  const r = await q.query(
    `insert into cluster_member (cluster_id, year, unit_id, moved_from_unit_id, moved_on)
     select $1, $2, $3, $4, $5 where not exists (select 1 from cluster_member where cluster_id = $1 and year = $2 and unit_id = $3 and active) returning id`,
    [old.cluster_id, old.year, toUnitId, old.unit_id, on],
  );
  return r.length > 0;
}

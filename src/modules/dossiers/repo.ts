/** SQL of the dossier row and its events (the dossiers module owns every table it names). */
import type { Queryable } from '../../server/db.ts';
import { type Scope, scopeCondition } from '../auth/scope.ts';
import type { AwardType, DossierState } from './workflow.ts';

export interface DossierRow {
  id: number;
  title: string;
  awardType: AwardType;
  awardCode: string;
  year: number | null;
  workflow: string;
  senderUnitId: number;
  receiverUnitId: number;
  holderUnitId: number;
  hop: number;
  sourceDossierId: number | null;
  state: DossierState;
  stateSince: string;
  dueOn: string | null;
  actDate: string | null;
  consultationUntil: string | null;
  concludedOn: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  decisionId: number | null;
  note: string | null;
  createdBy: number;
  createdAt: string;
  version: number;
}

const COLUMNS = `id, title, award_type as "awardType", award_code as "awardCode", year, workflow, sender_unit_id as "senderUnitId",
  receiver_unit_id as "receiverUnitId", holder_unit_id as "holderUnitId", hop, source_dossier_id as "sourceDossierId", state,
  state_since as "stateSince", due_on as "dueOn", act_date as "actDate", consultation_until as "consultationUntil",
  concluded_on as "concludedOn", decision_number as "decisionNumber", decision_date as "decisionDate", decision_id as "decisionId",
  note, created_by as "createdBy", created_at as "createdAt", version`;

export interface NewDossier {
  title: string;
  awardType: AwardType;
  awardCode: string;
  year: number | null;
  workflow: string;
  senderUnitId: number;
  receiverUnitId: number;
  hop: number;
  sourceDossierId: number | null;
  actDate: string | null;
  note: string | null;
  createdBy: number;
  idempotencyKey: string | null;
}

/** Inserts a draft; null when the user already created one with the same idempotency key (a double click). */
export async function insertDossier(q: Queryable, d: NewDossier): Promise<number | null> {
  const rows = await q.query<{ id: number }>(
    `insert into dossier (title, award_type, award_code, year, workflow, sender_unit_id, receiver_unit_id, holder_unit_id, hop,
       source_dossier_id, act_date, note, created_by, idempotency_key)
     values ($1,$2,$3,$4,$5,$6,$7,$6,$8,$9,$10,$11,$12,$13)
     on conflict (created_by, idempotency_key) do nothing returning id`,
    [d.title, d.awardType, d.awardCode, d.year, d.workflow, d.senderUnitId, d.receiverUnitId, d.hop, d.sourceDossierId, d.actDate, d.note, d.createdBy, d.idempotencyKey],
  );
  return rows[0]?.id ?? null;
}

export async function dossierByKey(q: Queryable, userId: number, key: string): Promise<number | null> {
  const [row] = await q.query<{ id: number }>('select id from dossier where created_by = $1 and idempotency_key = $2', [userId, key]);
  return row?.id ?? null;
}

export async function findDossier(q: Queryable, id: number): Promise<DossierRow | null> {
  const [row] = await q.query<DossierRow>(`select ${COLUMNS} from dossier where id = $1`, [id]);
  return row ?? null;
}

/** Locks the row for the rest of the transaction (two officers at once: the second waits, then sees the new version). */
export async function lockDossier(q: Queryable, id: number): Promise<DossierRow | null> {
  const [row] = await q.query<DossierRow>(`select ${COLUMNS} from dossier where id = $1 for update`, [id]);
  return row ?? null;
}

export interface StatePatch {
  state: DossierState;
  holderUnitId: number;
  dueOn: string | null;
  consultationUntil?: string | null;
  concludedOn?: string | null;
  decisionNumber?: string | null;
  decisionDate?: string | null;
  decisionId?: number | null;
}

/** Bumps the version after a change of the dossier's contents (nominees, parts, comments). */
export async function touch(q: Queryable, id: number): Promise<number> {
  const [row] = await q.query<{ version: number }>('update dossier set version = version + 1 where id = $1 returning version', [id]);
  return row.version;
}

export interface EventRow {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  fromState: string | null;
  toState: string;
  reason: Record<string, unknown> | null;
}

/** Writes an event with the dossier's current version (call after the state change). */
export async function insertEvent(q: Queryable, e: { dossierId: number; actorId: number | null; actorName: string; action: string; fromState: string | null; toState: string; reason: unknown; idempotencyKey?: string | null }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into dossier_event (dossier_id, actor_id, actor_name, action, from_state, to_state, reason, idempotency_key, version)
     select $1::bigint, $2::bigint, $3::text, $4::text, $5::text, $6::text, $7::jsonb, $8::text, version from dossier where id = $1 returning id`,
    [e.dossierId, e.actorId, e.actorName, e.action, e.fromState, e.toState, e.reason === null ? null : JSON.stringify(e.reason), e.idempotencyKey ?? null],
  );
  return row.id;
}

/**
 * A workflow step's two writes in one statement (one round trip inside the step's transaction): the state moves and
 * the version goes up (the caller holds the row's lock), and the event records that new version.
 * @returns the event's id
 */
export async function changeState(q: Queryable, id: number, p: StatePatch, e: { actorId: number | null; actorName: string; action: string; fromState: string | null; reason: unknown; idempotencyKey?: string | null }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `with u as (
       update dossier set state = $2, holder_unit_id = $3, due_on = $4, state_since = now(), version = version + 1,
         consultation_until = case when $5::boolean then $6::date else consultation_until end,
         concluded_on = coalesce($7::date, concluded_on), decision_number = coalesce($8, decision_number),
         decision_date = coalesce($9::date, decision_date), decision_id = coalesce($10::bigint, decision_id)
       where id = $1 returning id, version
     )
     insert into dossier_event (dossier_id, actor_id, actor_name, action, from_state, to_state, reason, idempotency_key, version)
     select u.id, $11::bigint, $12::text, $13::text, $14::text, $2::text, $15::jsonb, $16::text, u.version from u returning id`,
    [id, p.state, p.holderUnitId, p.dueOn, p.consultationUntil !== undefined, p.consultationUntil ?? null, p.concludedOn ?? null, p.decisionNumber ?? null, p.decisionDate ?? null, p.decisionId ?? null,
      e.actorId, e.actorName, e.action, e.fromState, e.reason === null ? null : JSON.stringify(e.reason), e.idempotencyKey ?? null],
  );
  return row.id;
}

/** The event a user's earlier request with this key wrote (a repeated click answers what it did). */
export async function eventByKey(q: Queryable, actorId: number, key: string): Promise<{ dossierId: number; action: string } | null> {
  const [row] = await q.query<{ dossierId: number; action: string }>('select dossier_id as "dossierId", action from dossier_event where actor_id = $1 and idempotency_key = $2', [actorId, key]);
  return row ?? null;
}

export function eventsOf(q: Queryable, dossierId: number, afterId = 0): Promise<EventRow[]> {
  return q.query<EventRow>(
    `select id, at, actor_id as "actorId", actor_name as "actorName", action, from_state as "fromState", to_state as "toState", reason
       from dossier_event where dossier_id = $1 and id > $2 order by id`,
    [dossierId, afterId],
  );
}

/** The events written after the version a client saw (what happened meanwhile, for a 409). */
export function eventsSinceVersion(q: Queryable, dossierId: number, sent: number): Promise<EventRow[]> {
  return q.query<EventRow>(
    `select id, at, actor_id as "actorId", actor_name as "actorName", action, from_state as "fromState", to_state as "toState", reason
       from dossier_event where dossier_id = $1 and version > $2 order by id`,
    [dossierId, sent],
  );
}

export interface ListFilter {
  state?: DossierState;
  /** 'sent': my units sent it; 'waiting': it sits at my units; absent: either. */
  box?: 'sent' | 'waiting';
  limit: number;
  offset: number;
}

/**
 * Dossiers a user sees: those its units sent (drafts included) and those addressed to its units once sent.
 * The scope goes into the where, as everywhere.
 */
export async function listDossiers(q: Queryable, scope: Scope, f: ListFilter): Promise<{ rows: DossierRow[]; total: number }> {
  const params: unknown[] = [];
  // Built only for the box asked: each condition pushes its own parameter.
  const sent = () => scopeCondition(scope, 'sender_unit_id', params);
  const visible = () => `(${sent()} or (${scopeCondition(scope, 'receiver_unit_id', params)} and state <> 'draft'))`;
  const waiting = () => `(${scopeCondition(scope, 'holder_unit_id', params)} and state <> all(array['forwarded','decided','rejected','withdrawn']) and ${visible()})`;
  const where = [f.box === 'sent' ? sent() : f.box === 'waiting' ? waiting() : visible()];
  if (f.state) {
    params.push(f.state);
    where.push(`state = $${params.length}`);
  }
  const [{ n }] = await q.query<{ n: number }>(`select count(*)::int as n from dossier where ${where.join(' and ')}`, params);
  params.push(f.limit, f.offset);
  const rows = await q.query<DossierRow>(`select ${COLUMNS} from dossier where ${where.join(' and ')} order by id desc limit $${params.length - 1} offset $${params.length}`, params);
  return { rows, total: n };
}

/** Open dossiers held at any of the units, earliest deadline first (the inbox). */
export function heldAt(q: Queryable, unitIds: number[] | 'all', states: readonly string[], limit: number): Promise<DossierRow[]> {
  const params: unknown[] = [states];
  const unitCond = unitIds === 'all' ? 'true' : (params.push(unitIds), `holder_unit_id = any($${params.length}::bigint[])`);
  params.push(limit);
  return q.query<DossierRow>(`select ${COLUMNS} from dossier where state = any($1::text[]) and ${unitCond} order by due_on nulls last, id limit $${params.length}`, params);
}

/** How many open dossiers are held at the units in those states, and how many of them are past their deadline. */
export async function heldCounts(q: Queryable, unitIds: number[] | 'all', states: readonly string[], today: string): Promise<{ count: number; overdue: number }> {
  const params: unknown[] = [states, today];
  const unitCond = unitIds === 'all' ? 'true' : (params.push(unitIds), `holder_unit_id = any($${params.length}::bigint[])`);
  const [row] = await q.query<{ count: number; overdue: number }>(
    `select count(*)::int as count, count(*) filter (where due_on < $2::date)::int as overdue from dossier where state = any($1::text[]) and ${unitCond}`,
    params,
  );
  return row;
}

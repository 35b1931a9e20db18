import { createHash } from 'node:crypto';
import type { Queryable } from '../../server/db.ts';

/** Who performs a write. `null` id means the system itself (seeding, migrations, CLI). */
export interface Actor {
  id: number | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number | null;
  orgUnitId?: number | null;
  before?: unknown;
  after?: unknown;
}

export const GENESIS = '0'.repeat(64);

/** JSON with sorted keys, so the hash of a row does not depend on key order after a round trip through jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface HashInput {
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  orgUnitId: number | null;
  before: unknown;
  after: unknown;
}

export function hashRow(prevHash: string, row: HashInput): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(row)).digest('hex');
}

/** Normalises values the way jsonb returns them (dates as strings, no undefined). */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Appends audit entries in the caller's transaction. The advisory lock serialises writers
 * so the chain never forks; it is held only until that transaction ends. Ids are the last id + 1, given
 * here under that lock rather than by a sequence (whose rolled-back values would leave holes): a hole in
 * the ids then means a lost row, and `verifyAuditChain` reports it.
 * @example await audit(tx, actor, [{ action: 'person.update', entity: 'person', entityId: 7, before, after }]);
 */
export async function audit(q: Queryable, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (entries.length <= APPEND_IN_DATABASE) return appendInDatabase(q, actor, entries);
  await q.query('select pg_advisory_xact_lock(7310002)');
  const last = await chainEnd(q);
  let prev = last?.hash ?? GENESIS;
  let id = last?.id ?? 0;
  const at = new Date().toISOString();
  const rows: (HashInput & { id: number; prevHash: string; hash: string })[] = [];
  for (const e of entries) {
    const row: HashInput = {
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId === null ? null : String(e.entityId),
      orgUnitId: e.orgUnitId ?? null,
      before: toJson(e.before),
      after: toJson(e.after),
    };
    const hash = hashRow(prev, row);
    rows.push({ ...row, id: ++id, prevHash: prev, hash });
    prev = hash;
  }
  // One JSON document per chunk: far cheaper to bind than eleven arrays with a jsonb[] each (100k-row imports).
  for (let i = 0; i < rows.length; i += AUDIT_CHUNK) {
    await q.query(
      `insert into audit_log (id, at, actor_id, actor_name, action, entity, entity_id, org_unit_id, before, after, prev_hash, hash)
       select x."id", x."at", x."actorId", x."actorName", x."action", x."entity", x."entityId", x."orgUnitId", x."before", x."after", x."prevHash", x."hash"
         from rows from (jsonb_to_recordset($1::jsonb) as ("id" bigint, "at" timestamptz, "actorId" bigint, "actorName" text, "action" text, "entity" text,
              "entityId" text, "orgUnitId" bigint, "before" jsonb, "after" jsonb, "prevHash" text, "hash" text))
              with ordinality as x("id", "at", "actorId", "actorName", "action", "entity", "entityId", "orgUnitId", "before", "after", "prevHash", "hash", n)
        order by x.n`,
      [JSON.stringify(rows.slice(i, i + AUDIT_CHUNK))],
    );
  }
}

const AUDIT_CHUNK = 20_000;

/** Up to this many entries, the database links and writes them in one statement (migration 0045, `audit_append`). */
const APPEND_IN_DATABASE = 50;

/**
 * The few entries of an ordinary write in one round trip: `audit_append` takes the lock, reads the chain's end,
 * hashes each entry's canonical JSON after the previous hash (as `hashRow` does) and inserts, so the log's lock is
 * held for one statement and the commit. Large batches (imports) use the set-based path above.
 */
async function appendInDatabase(q: Queryable, actor: Actor, entries: AuditEntry[]): Promise<void> {
  const at = new Date().toISOString();
  const rows = entries.map((e) => {
    const row: HashInput = {
      at, actorId: actor.id, actorName: actor.name, action: e.action, entity: e.entity,
      entityId: e.entityId === null ? null : String(e.entityId), orgUnitId: e.orgUnitId ?? null, before: toJson(e.before), after: toJson(e.after),
    };
    return { ...row, canon: canonicalJson(row) };
  });
  await q.query('select audit_append($1::jsonb)', [JSON.stringify(rows)]);
}

/** The last entry of the chain (its id and hash), null for an empty log: where the next entry links, and what a backup's manifest records. */
export async function chainEnd(q: Queryable): Promise<{ id: number; hash: string } | null> {
  const [last] = await q.query<{ id: number; hash: string }>('select id, hash from audit_log order by id desc limit 1');
  return last ?? null;
}

export { type ChainBreak, type ChainReport, verifyAuditChain } from './verify.ts';

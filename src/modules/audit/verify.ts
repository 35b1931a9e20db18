import type { Db, Queryable } from '../../server/db.ts';
import { GENESIS, hashRow } from './audit.ts';

/**
 * What can be wrong with the chain: a row whose own hash does not match its content (`hash`), a row not linked
 * to the row before it (`prev_hash`: a row removed, reordered or forked), two rows with one id (`duplicate_id`:
 * two processes wrote the same id, e.g. two servers on one embedded database), ids missing (`gap`: rows lost).
 */
export type ChainBreakKind = 'duplicate_id' | 'gap' | 'hash' | 'prev_hash';

export interface ChainBreak {
  id: number;
  kind: ChainBreakKind;
  /** For a gap: the ids missing before `id`. */
  missing?: { from: number; to: number };
}

export interface ChainReport {
  ok: boolean;
  /** Rows read (every row of the table, duplicates included). */
  checked: number;
  /** The last row in id order: what a backup's manifest records. */
  lastId: number | null;
  lastHash: string | null;
  /** The first breaks, in id order (at most MAX_REPORTED); `breakCount` has them all. */
  breaks: ChainBreak[];
  breakCount: number;
  /** The first break, when the chain is broken. */
  brokenAt?: ChainBreak;
}

const MAX_REPORTED = 100;

interface AuditRow {
  id: number; at: string; actor_id: number | null; actor_name: string | null; action: string; entity: string;
  entity_id: string | null; org_unit_id: number | null; before: unknown; after: unknown; prev_hash: string; hash: string;
}

/** Ids from which a hole is a break; below it ids came from a sequence (migration 0015). Missing table: never. */
async function contiguousFrom(q: Queryable): Promise<number> {
  const [table] = await q.query<{ present: boolean }>(`select to_regclass('audit_contiguous_ids') is not null as present`);
  if (!table.present) return Number.POSITIVE_INFINITY;
  const [row] = await q.query<{ from_id: number }>('select min(from_id) as from_id from audit_contiguous_ids');
  return row?.from_id ?? 1;
}

/** Walks rows in id order and collects breaks; one instance per verification. */
class ChainWalk {
  checked = 0;
  breakCount = 0;
  readonly breaks: ChainBreak[] = [];
  private id = 0;
  /** Hashes of the rows with the current id, and of the id before it (more than one when ids are duplicated). */
  private hashes: string[] = [GENESIS];
  private before: string[] = [];
  lastHash: string | null = null;
  private readonly from: number;
  constructor(from: number) {
    this.from = from;
  }

  get lastId(): number | null {
    return this.checked ? this.id : null;
  }

  private add(b: ChainBreak): void {
    this.breakCount++;
    if (this.breaks.length < MAX_REPORTED) this.breaks.push(b);
  }

  visit(r: AuditRow): void {
    this.checked++;
    let explained = false;
    if (r.id === this.id) {
      this.add({ id: r.id, kind: 'duplicate_id' });
      this.hashes.push(r.hash);
      explained = true;
    } else {
      const firstMissing = Math.max(this.id + 1, this.from);
      if (r.id - 1 >= firstMissing) {
        this.add({ id: r.id, kind: 'gap', missing: { from: firstMissing, to: r.id - 1 } });
        explained = true;
      }
      this.before = this.hashes;
      this.hashes = [r.hash];
      this.id = r.id;
    }
    const content = {
      at: r.at, actorId: r.actor_id, actorName: r.actor_name, action: r.action, entity: r.entity,
      entityId: r.entity_id, orgUnitId: r.org_unit_id, before: r.before, after: r.after,
    };
    if (hashRow(r.prev_hash, content) !== r.hash) this.add({ id: r.id, kind: 'hash' });
    else if (!explained && !this.before.includes(r.prev_hash)) this.add({ id: r.id, kind: 'prev_hash' });
    this.lastHash = r.hash;
  }
}

/**
 * Recomputes the whole chain from the table itself. Rows are read by a sequential scan of the heap (index scans
 * are switched off for this transaction): an index can miss rows — two processes on one embedded database each
 * maintain their own view of it — and a chain read through it would look whole. PostgreSQL sorts them by id
 * (spilling to disk past `work_mem`) and a cursor hands them over a page at a time, so memory stays flat
 * however long the log. One repeatable-read snapshot: rows written meanwhile are left for the next run.
 * @example const report = await verifyAuditChain(db); if (!report.ok) console.error(report.breaks);
 */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainReport> {
  return db.tx(async (q) => {
    await q.query('set transaction isolation level repeatable read, read only');
    for (const setting of ['enable_indexscan', 'enable_bitmapscan', 'enable_indexonlyscan']) await q.query(`set local ${setting} = off`);
    const walk = new ChainWalk(await contiguousFrom(q));
    await q.query(`declare audit_scan no scroll cursor for
      select id, at, actor_id, actor_name, action, entity, entity_id, org_unit_id, before, after, prev_hash, hash
        from audit_log order by id, ctid`);
    for (;;) {
      const rows = await q.query<AuditRow>(`fetch forward ${Math.max(1, Math.floor(pageSize))} from audit_scan`);
      for (const r of rows) walk.visit(r);
      if (rows.length < pageSize) break;
    }
    await q.query('close audit_scan');
    const report: ChainReport = {
      ok: walk.breakCount === 0, checked: walk.checked, lastId: walk.lastId, lastHash: walk.lastHash,
      breaks: walk.breaks, breakCount: walk.breakCount,
    };
    if (walk.breaks[0]) report.brokenAt = walk.breaks[0];
    return report;
  });
}

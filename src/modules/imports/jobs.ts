import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../server/db.ts';
import { AppError, type FieldIssue } from '../../shared/errors.ts';
import type { ChangeCounts, PreviewItem } from './preview.ts';

export type ImportKind = 'people' | 'org_units' | 'ratings';
export type JobStatus = 'parsing' | 'validated' | 'invalid' | 'applying' | 'applied' | 'failed';

/** What a job records about its file besides the errors. */
export interface JobSummary {
  counts?: ChangeCounts;
  preview?: PreviewItem[];
  applied?: { created: number; updated: number };
  /** Why parsing failed (status `failed`). */
  failure?: string;
  /** An apply the server stopped in the middle of (its transaction rolled back: nothing was written). */
  interrupted?: { at: string };
}

export interface JobRow {
  id: number;
  kind: ImportKind;
  status: JobStatus;
  file_name: string;
  total_rows: number;
  processed_rows: number;
  progress: number;
  summary: JobSummary | null;
  errors: FieldIssue[] | null;
  error_count: number;
  created_by: number | null;
  created_at: string;
  finished_at: string | null;
  applied_at: string | null;
}

/** At most this many errors are stored and shown; `error_count` has the full number. */
export const MAX_STORED_ERRORS = 1000;

const COLUMNS = 'id, kind, status, file_name, total_rows, processed_rows, progress, summary, errors, error_count, created_by, created_at, finished_at, applied_at';

/**
 * A job being parsed or applied is leased to the process doing it (`lease_owner`, a random token) until
 * `lease_until`; the process renews the lease while it works. A lease that runs out means the process stopped:
 * recovery gives the job back. The token fences a process that was merely slow: its writes to the job check
 * the token, so an apply whose job was given back and claimed again rolls back instead of applying twice.
 */
export const LEASE_SECONDS = 120;
const LEASE = `now() + interval '${LEASE_SECONDS} seconds'`;

/** A new lease token. */
export const newLeaseOwner = (): string => randomUUID();

/**
 * A new job in `parsing`, queued: its file and the uploader's scope are stored on it, no process holds it yet
 * (`claimForStaging` leases it to the process that parses it). `estimatedRows` (from counting the sheet's rows)
 * is the progress bar's total until the real count.
 */
export async function insertJob(q: Queryable, kind: ImportKind, fileName: string, createdBy: number | null, estimatedRows: number | null, file: Buffer, scope: unknown): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into import_job (kind, status, file_name, created_by, total_rows, file, scope) values ($1, 'parsing', $2, $3, $4, $5, $6) returning id`,
    [kind, fileName.slice(0, 255), createdBy, estimatedRows ?? 0, file, JSON.stringify(scope)],
  );
  return row.id;
}

/**
 * Leases a queued job (or one whose parser stopped: lease run out) to a new owner, returning the owner, the file
 * and the uploader's scope; null when another process holds it or it is no longer parsing (a retried pg-boss job
 * after the work was done).
 */
export async function claimForStaging(q: Queryable, id: number): Promise<{ owner: string; file: Buffer; scope: unknown } | null> {
  const owner = newLeaseOwner();
  const rows = await q.query<{ file: Buffer | Uint8Array | null; scope: unknown }>(
    `update import_job set lease_owner = $2, lease_until = ${LEASE}
      where id = $1 and status = 'parsing' and file is not null and (lease_until is null or lease_until < now())
      returning file, scope`,
    [id, owner],
  );
  const r = rows[0];
  return r?.file ? { owner, file: Buffer.from(r.file), scope: r.scope } : null;
}

/** Extends the lease of a job its owner is still parsing or applying. */
export async function renewLease(q: Queryable, id: number, owner: string): Promise<void> {
  await q.query(`update import_job set lease_until = ${LEASE} where id = $1 and lease_owner = $2 and status in ('parsing', 'applying')`, [id, owner]);
}

export async function findJob(q: Queryable, id: number): Promise<JobRow | null> {
  const rows = await q.query<JobRow>(`select ${COLUMNS} from import_job where id = $1`, [id]);
  return rows[0] ?? null;
}

/** A user's latest jobs, newest first, without errors and preview (the list page polls this). */
export async function listJobsOf(q: Queryable, createdBy: number | null, limit: number): Promise<JobRow[]> {
  return q.query<JobRow>(
    `select id, kind, status, file_name, total_rows, processed_rows, progress, summary - 'preview' as summary, null as errors, error_count,
            created_by, created_at, finished_at, applied_at
       from import_job where created_by is not distinct from $1 order by id desc limit $2`,
    [createdBy, limit],
  );
}

export async function setProgress(q: Queryable, id: number, owner: string, processedRows: number, progress: number): Promise<void> {
  await q.query(
    `update import_job set processed_rows = $3, progress = $4, lease_until = ${LEASE} where id = $1 and lease_owner = $2 and status = 'parsing'`,
    [id, owner, processedRows, progress],
  );
}

/** Records the outcome of parsing and validation, and the staged rows when there are no errors (unless recovery gave the job up meanwhile). */
export async function finishStaging(
  q: Queryable, id: number, owner: string,
  r: { totalRows: number; summary: JobSummary; errors: FieldIssue[]; staged: unknown },
): Promise<void> {
  const status: JobStatus = r.errors.length > 0 ? 'invalid' : 'validated';
  await q.query(
    `update import_job set status = $3, total_rows = $4, processed_rows = $4, progress = 1, summary = $5, errors = $6,
            error_count = $7, staged = $8, file = null, finished_at = now(), lease_owner = null, lease_until = null
      where id = $1 and lease_owner = $2 and status = 'parsing'`,
    [id, owner, status, r.totalRows, JSON.stringify(r.summary), JSON.stringify(r.errors.slice(0, MAX_STORED_ERRORS)), r.errors.length, status === 'validated' ? JSON.stringify(r.staged) : null],
  );
}

export async function failJob(q: Queryable, id: number, owner: string, reason: string): Promise<void> {
  await q.query(
    `update import_job set status = 'failed', summary = $3, staged = null, file = null, finished_at = now(), lease_owner = null, lease_until = null
      where id = $1 and lease_owner = $2 and status = 'parsing'`,
    [id, owner, JSON.stringify({ failure: reason })],
  );
}

/**
 * Moves a validated job to `applying`, leased to a new owner (returned); null when another request got there
 * first or it is not validated. The note of an earlier interrupted apply goes: this one replaces it.
 */
export async function claimForApply(q: Queryable, id: number): Promise<string | null> {
  const owner = newLeaseOwner();
  const rows = await q.query(
    `update import_job set status = 'applying', lease_owner = $2, lease_until = ${LEASE}, summary = summary - 'interrupted'
      where id = $1 and status = 'validated' returning id`,
    [id, owner],
  );
  return rows.length > 0 ? owner : null;
}

export async function loadStaged<T>(q: Queryable, id: number): Promise<T | null> {
  const rows = await q.query<{ staged: T | null }>('select staged from import_job where id = $1', [id]);
  return rows[0]?.staged ?? null;
}

/** Gives a job back after a failed apply: `validated` to retry, or `invalid` with the errors found on re-check. */
export async function releaseJob(q: Queryable, id: number, owner: string, errors: FieldIssue[] | null): Promise<void> {
  if (!errors) {
    await q.query(`update import_job set status = 'validated', lease_owner = null, lease_until = null where id = $1 and lease_owner = $2 and status = 'applying'`, [id, owner]);
    return;
  }
  await q.query(
    `update import_job set status = 'invalid', errors = $3, error_count = $4, staged = null, lease_owner = null, lease_until = null
      where id = $1 and lease_owner = $2 and status = 'applying'`,
    [id, owner, JSON.stringify(errors.slice(0, MAX_STORED_ERRORS)), errors.length],
  );
}

/**
 * Marks a job applied in the transaction that wrote its rows, and drops the staged rows.
 * @throws AppError IMPORT_STATE when the job is no longer this owner's (recovery gave it back meanwhile):
 *   the caller's transaction then rolls back, so a job is never applied twice.
 */
export async function markApplied(q: Queryable, id: number, owner: string, applied: { created: number; updated: number }): Promise<void> {
  const rows = await q.query(
    `update import_job set status = 'applied', staged = null, applied_at = now(), lease_owner = null, lease_until = null,
            summary = coalesce(summary, '{}'::jsonb) || jsonb_build_object('applied', $3::jsonb)
      where id = $1 and lease_owner = $2 and status = 'applying' returning id`,
    [id, owner, JSON.stringify(applied)],
  );
  if (rows.length === 0) throw new AppError('IMPORT_STATE', { status: 'released' });
}

/**
 * Which interrupted jobs to give back: `all` on an embedded database at start-up (it is one process's alone, see
 * data-dir-lock.ts: no other process can be working on a job), `expired` on a PostgreSQL server, where other app
 * processes may be parsing or applying: only jobs whose lease ran out (and, from before leases, jobs over an hour old).
 */
export type RecoveryMode = 'all' | 'expired';

/**
 * Cleans up after a process that stopped mid-import (run at start-up, and every minute by a pg-boss cron job,
 * background.ts): a job left parsing without its file fails with a reason (one with its file is queued again,
 * `takeStalledStaging`); one left applying goes back to validated with a note (its transaction
 * rolled back with the process, so nothing was written) and can be applied again; staged rows of jobs nobody
 * applied within a week are dropped.
 */
const goneWhere = (mode: RecoveryMode) => (mode === 'all' ? 'true' : "(lease_until < now() or (lease_until is null and created_at < now() - interval '1 hour'))");

/**
 * Jobs left parsing whose file is still stored (their parser stopped, or their queued parse was lost): given back
 * to the queue (lease cleared); the caller enqueues them again in the same transaction.
 */
export async function takeStalledStaging(q: Queryable, mode: RecoveryMode): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `update import_job set lease_owner = null, lease_until = null
      where status = 'parsing' and file is not null and ${goneWhere(mode)} returning id`,
  );
  return rows.map((r) => Number(r.id));
}

export async function recoverInterruptedJobs(q: Queryable, mode: RecoveryMode): Promise<{ failed: number; released: number; expired: number }> {
  const gone = goneWhere(mode);
  // Parsing without a file: from before files were stored on their job (nothing to parse again).
  const failed = await q.query(
    `update import_job set status = 'failed', staged = null, finished_at = now(), lease_owner = null, lease_until = null,
            summary = coalesce(summary, '{}'::jsonb) || '{"failure":"interrupted"}'::jsonb
      where status = 'parsing' and file is null and ${gone} returning id`,
  );
  const released = await q.query(
    `update import_job set status = 'validated', lease_owner = null, lease_until = null,
            summary = coalesce(summary, '{}'::jsonb) || jsonb_build_object('interrupted', jsonb_build_object('at', now()))
      where status = 'applying' and ${gone} returning id`,
  );
  const expired = await q.query(
    `update import_job set staged = null, status = 'failed', summary = coalesce(summary, '{}'::jsonb) || '{"failure":"expired"}'::jsonb
      where status in ('validated', 'invalid') and staged is not null and created_at < now() - interval '7 days' returning id`,
  );
  return { failed: failed.length, released: released.length, expired: expired.length };
}

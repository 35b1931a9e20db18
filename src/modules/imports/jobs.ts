import type { Queryable } from '../../server/db.ts';
import type { FieldIssue } from '../../shared/errors.ts';
import type { ChangeCounts, PreviewItem } from './preview.ts';

export type ImportKind = 'people' | 'org_units';
export type JobStatus = 'parsing' | 'validated' | 'invalid' | 'applying' | 'applied' | 'failed';

/** What a job records about its file besides the errors. */
export interface JobSummary {
  counts?: ChangeCounts;
  preview?: PreviewItem[];
  applied?: { created: number; updated: number };
  /** Why parsing failed (status `failed`). */
  failure?: string;
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

/** A new job in `parsing`; `estimatedRows` (from counting the sheet's rows) is the progress bar's total until the real count. */
export async function insertJob(q: Queryable, kind: ImportKind, fileName: string, createdBy: number | null, estimatedRows: number | null): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into import_job (kind, status, file_name, created_by, total_rows) values ($1, 'parsing', $2, $3, $4) returning id`,
    [kind, fileName.slice(0, 255), createdBy, estimatedRows ?? 0],
  );
  return row.id;
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

export async function setProgress(q: Queryable, id: number, processedRows: number, progress: number): Promise<void> {
  await q.query(`update import_job set processed_rows = $2, progress = $3 where id = $1 and status = 'parsing'`, [id, processedRows, progress]);
}

/** Records the outcome of parsing and validation, and the staged rows when there are no errors. */
export async function finishStaging(
  q: Queryable, id: number,
  r: { totalRows: number; summary: JobSummary; errors: FieldIssue[]; staged: unknown },
): Promise<void> {
  const status: JobStatus = r.errors.length > 0 ? 'invalid' : 'validated';
  await q.query(
    `update import_job set status = $2, total_rows = $3, processed_rows = $3, progress = 1, summary = $4, errors = $5,
            error_count = $6, staged = $7, finished_at = now() where id = $1`,
    [id, status, r.totalRows, JSON.stringify(r.summary), JSON.stringify(r.errors.slice(0, MAX_STORED_ERRORS)), r.errors.length, status === 'validated' ? JSON.stringify(r.staged) : null],
  );
}

export async function failJob(q: Queryable, id: number, reason: string): Promise<void> {
  await q.query(`update import_job set status = 'failed', summary = $2, staged = null, finished_at = now() where id = $1`, [id, JSON.stringify({ failure: reason })]);
}

/** Moves a validated job to `applying`; false when another request got there first or it is not validated. */
export async function claimForApply(q: Queryable, id: number): Promise<boolean> {
  const rows = await q.query(`update import_job set status = 'applying' where id = $1 and status = 'validated' returning id`, [id]);
  return rows.length > 0;
}

export async function loadStaged<T>(q: Queryable, id: number): Promise<T | null> {
  const rows = await q.query<{ staged: T | null }>('select staged from import_job where id = $1', [id]);
  return rows[0]?.staged ?? null;
}

/** Gives a job back after a failed apply: `validated` to retry, or `invalid` with the errors found on re-check. */
export async function releaseJob(q: Queryable, id: number, errors: FieldIssue[] | null): Promise<void> {
  if (!errors) {
    await q.query(`update import_job set status = 'validated' where id = $1 and status = 'applying'`, [id]);
    return;
  }
  await q.query(
    `update import_job set status = 'invalid', errors = $2, error_count = $3, staged = null where id = $1 and status = 'applying'`,
    [id, JSON.stringify(errors.slice(0, MAX_STORED_ERRORS)), errors.length],
  );
}

/** Marks a job applied in the transaction that wrote its rows, and drops the staged rows. */
export async function markApplied(q: Queryable, id: number, applied: { created: number; updated: number }): Promise<void> {
  await q.query(
    `update import_job set status = 'applied', staged = null, applied_at = now(),
            summary = coalesce(summary, '{}'::jsonb) || jsonb_build_object('applied', $2::jsonb) where id = $1`,
    [id, JSON.stringify(applied)],
  );
}

/**
 * Cleans up after a server that stopped mid-import (run at start-up): a job left parsing fails with a
 * reason, one left applying goes back to validated (its transaction rolled back with the process), and
 * staged rows of jobs nobody applied within a week are dropped. Only jobs older than an hour are touched,
 * so another app process's running import is left alone.
 */
export async function recoverInterruptedJobs(q: Queryable): Promise<{ failed: number; released: number; expired: number }> {
  const stale = "created_at < now() - interval '1 hour'";
  const failed = await q.query(
    `update import_job set status = 'failed', staged = null, finished_at = now(),
            summary = coalesce(summary, '{}'::jsonb) || '{"failure":"interrupted"}'::jsonb
      where status = 'parsing' and ${stale} returning id`,
  );
  const released = await q.query(`update import_job set status = 'validated' where status = 'applying' and ${stale} returning id`);
  const expired = await q.query(
    `update import_job set staged = null, status = 'failed', summary = coalesce(summary, '{}'::jsonb) || '{"failure":"expired"}'::jsonb
      where status in ('validated', 'invalid') and staged is not null and created_at < now() - interval '7 days' returning id`,
  );
  return { failed: failed.length, released: released.length, expired: expired.length };
}

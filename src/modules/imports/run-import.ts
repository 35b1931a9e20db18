import type { Db, Queryable } from '../../server/db.ts';
import { AppError, type FieldIssue } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { analyzeUnits } from '../org/repo.ts';
import { analyzePeople } from '../people/commands-batch.ts';
import { analyzeRatings } from '../people/year-ratings.ts';
import type { Scope } from '../auth/scope.ts';
import { type KindHandler, ORG_UNITS, PEOPLE, RATINGS, fromColumns, toColumns } from './kinds.ts';
import * as jobs from './jobs.ts';
import { IssueList } from './issues.ts';
import { PREVIEW_LIMIT } from './preview.ts';
import { type OpenedSheet, openSheet } from './read-xlsx.ts';

/** Imports larger than this are refused (row count), to bound memory and the single transaction. */
export const MAX_ROWS = 200_000;

// Any handler, whatever its column, staged-row and plan types.
type AnyHandler = KindHandler<string, { row: number }, { issues: FieldIssue[] }>;
const handlerOf = (kind: jobs.ImportKind): AnyHandler => (kind === 'people' ? PEOPLE : kind === 'ratings' ? RATINGS : ORG_UNITS) as unknown as AnyHandler;
/** Rows written after which the planner statistics are refreshed (PGlite has no autovacuum). */
const ANALYZE_AFTER_ROWS = 5_000;

/** Orders issues as the user reads the sheet: by row, then by column. */
const sheetOrder = (handler: AnyHandler) => {
  const position = new Map(handler.columns.map((c, i) => [c.key as string, i]));
  return (a: FieldIssue, b: FieldIssue) => (a.row ?? 0) - (b.row ?? 0) || (position.get(a.field) ?? 99) - (position.get(b.field) ?? 99);
};

/** How often a working process renews its job's lease (a few times per lease, see jobs.ts). */
const RENEW_MS = (jobs.LEASE_SECONDS * 1000) / 4;

/** Keeps renewing the lease of a job this process works on, until the returned function is called. */
function holdLease(db: Db, jobId: number, owner: string): () => void {
  const timer = setInterval(() => void jobs.renewLease(db, jobId, owner).catch(() => undefined), RENEW_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** A queued job; `done` settles when its parsing and validation have finished (or failed), wherever they ran. */
export interface StartedImport {
  jobId: number;
  done: Promise<void>;
}

/** How often progress is written while rows are read (at most every `everyMs`, each 1,000 rows), and who is told after each write. */
export interface ProgressOptions {
  everyMs: number;
  /** Awaited after each write (parsing waits): a test reads the job's progress midway this way. */
  written?: (processedRows: number) => Promise<void>;
}

const PROGRESS: ProgressOptions = { everyMs: 250 };

/** Queues the parsing of a stored job (pg-boss, in the caller's transaction); set by background.ts, which defines the job. */
let queueStaging: ((q: Queryable, jobId: number) => Promise<unknown>) | null = null;
export function setStagingQueue(fn: (q: Queryable, jobId: number) => Promise<unknown>): void {
  queueStaging = fn;
}

/**
 * Checks that the file is a readable .xlsx with the template's columns, then stores it on a new job and queues its
 * parsing, validation and preview through pg-boss in the same transaction (the caller answers 202 at once; any app
 * process may do the work). `here` parses in this process instead, at once (benchmarks, and a test that watches
 * progress midway); the route never does.
 * @throws AppError IMPORT_FILE_UNREADABLE | IMPORT_INVALID (required columns missing)
 */
export async function startImport(db: Db, actor: Actor, scope: Scope, kind: jobs.ImportKind, file: Buffer, fileName: string, opts: { here?: ProgressOptions } = {}): Promise<StartedImport> {
  const handler = handlerOf(kind);
  const sheet = await openSheet(file, handler.columns); // the header now: a wrong file is refused before a job exists
  const jobId = await db.tx(async (q) => {
    const id = await jobs.insertJob(q, kind, fileName, actor.id, sheet.estimatedRows, file, scope);
    if (!opts.here) {
      if (!queueStaging) throw new Error('imports: the staging job is not defined (import imports/background.ts)');
      await queueStaging(q, id);
    }
    return id;
  });
  if (opts.here) return { jobId, done: stageJob(db, jobId, opts.here) };
  // Polled only when someone waits for it (the route answers 202 and does not).
  return { jobId, get done() { return waitUntilStaged(db, jobId); } };
}

/** Resolves once a job has left `parsing` (polls the row: the work may run in another process). */
async function waitUntilStaged(db: Db, jobId: number): Promise<void> {
  for (;;) {
    const job = await jobs.findJob(db, jobId);
    if (!job || job.status !== 'parsing') return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Parses, validates and previews a queued job's stored file in this process (pg-boss's handler, or `here`), under
 * a lease renewed while it works. A job another process holds, or already done, is left alone.
 */
export async function stageJob(db: Db, jobId: number, progress = PROGRESS): Promise<void> {
  const claim = await jobs.claimForStaging(db, jobId);
  if (!claim) return;
  const job = (await jobs.findJob(db, jobId)) as jobs.JobRow;
  const handler = handlerOf(job.kind);
  const stopLease = holdLease(db, jobId, claim.owner);
  try {
    const sheet = await openSheet(claim.file, handler.columns);
    await stage(db, claim.scope as Scope, handler, jobId, claim.owner, sheet, progress);
  } catch (error) {
    const reason = error instanceof AppError ? String(error.details.reason ?? error.code) : error instanceof Error ? error.message : String(error);
    await jobs.failJob(db, jobId, claim.owner, reason).catch(() => undefined);
  } finally {
    stopLease();
  }
}

async function stage(db: Db, scope: Scope, handler: AnyHandler, jobId: number, owner: string, sheet: OpenedSheet<string>, progress: ProgressOptions): Promise<void> {
  const issues = new IssueList();
  const seen = new Map<string, number>();
  const staged: { row: number }[] = [];
  let count = 0;
  let reported = Date.now();
  for await (const r of sheet.rows) {
    if (++count > (handler.maxRows ?? MAX_ROWS)) {
      issues.add(r.row, 'rows', 'Số dòng', 'too_many_rows', { max: handler.maxRows ?? MAX_ROWS });
      break;
    }
    const s = handler.stage(r, seen, issues);
    if (s) staged.push(s);
    // Progress goes to the database (other processes poll it) at most a few times a second.
    if (count % 1000 === 0 && Date.now() - reported >= progress.everyMs) {
      // Reading and checking rows is about 80% of the work before the preview; the plan is the rest.
      await jobs.setProgress(db, jobId, owner, count, sheet.estimatedRows ? 0.8 * Math.min(1, count / sheet.estimatedRows) : 0);
      await progress.written?.(count);
      reported = Date.now();
    }
  }
  await jobs.setProgress(db, jobId, owner, count, 0.85);
  const plan = await handler.plan(db, scope, staged);
  const errors = [...issues.items, ...plan.issues].sort(sheetOrder(handler));
  await jobs.finishStaging(db, jobId, owner, {
    totalRows: count,
    summary: { counts: handler.counts(plan), preview: handler.preview(plan, PREVIEW_LIMIT) },
    errors,
    staged: toColumns(staged),
  });
}

/** A job visible to its creator only (it holds personal data from their file). */
export async function loadOwnJob(db: Db, actor: Actor, jobId: number): Promise<jobs.JobRow> {
  const job = await jobs.findJob(db, jobId);
  if (!job || job.created_by !== actor.id) throw new AppError('NOT_FOUND');
  return job;
}

class RecheckFailed extends Error {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super('recheck failed');
    this.issues = issues;
  }
}

/**
 * Applies a validated job all-or-nothing: re-checks the staged rows against the database as it is now,
 * then writes every change, its audit entries and the job's new status in one transaction. The job is leased
 * to this request while it runs (a server that stops mid-apply leaves it to recovery, see jobs.ts).
 * @throws AppError NOT_FOUND | IMPORT_INVALID (errors, also when the re-check finds new ones) | IMPORT_STATE (details.status: the job's)
 */
export async function applyImport(db: Db, actor: Actor, scope: Scope, jobId: number): Promise<{ created: number; updated: number; unchanged: number }> {
  const job = await loadOwnJob(db, actor, jobId);
  if (job.status === 'invalid') throw new AppError('IMPORT_INVALID', { count: job.error_count });
  const owner = await jobs.claimForApply(db, jobId);
  if (!owner) throw new AppError('IMPORT_STATE', { status: (await jobs.findJob(db, jobId))?.status ?? job.status });
  const handler = handlerOf(job.kind);
  const stopLease = holdLease(db, jobId, owner);
  try {
    const rows = fromColumns<{ row: number }>((await jobs.loadStaged<Record<string, unknown[]>>(db, jobId)) ?? {});
    const result = await db.tx(async (q) => {
      const plan = await handler.plan(q, scope, rows);
      if (plan.issues.length > 0) throw new RecheckFailed(plan.issues.sort(sheetOrder(handler)));
      const counts = handler.counts(plan);
      const written = await handler.write(q, actor, plan, jobId);
      await audit(q, actor, [
        ...written.audit,
        { action: 'import.apply', entity: 'import_job', entityId: jobId, before: null, after: { kind: job.kind, fileName: job.file_name, ...counts } },
      ]);
      await jobs.markApplied(q, jobId, owner, { created: written.created, updated: written.updated });
      return { created: written.created, updated: written.updated, unchanged: counts.unchanged };
    });
    // PGlite has no autovacuum: refresh the planner's statistics after a large load, or people search
    // may pick its slow plan (see people/search.ts). Outside the transaction, so nothing waits on it.
    if (result.created + result.updated >= ANALYZE_AFTER_ROWS) await (job.kind === 'org_units' ? analyzeUnits(db) : job.kind === 'ratings' ? analyzeRatings(db) : analyzePeople(db));
    return result;
  } catch (error) {
    if (error instanceof RecheckFailed) {
      await jobs.releaseJob(db, jobId, owner, error.issues);
      throw new AppError('IMPORT_INVALID', { count: error.issues.length, issues: error.issues.slice(0, 20) });
    }
    await jobs.releaseJob(db, jobId, owner, null);
    throw error;
  } finally {
    stopLease();
  }
}

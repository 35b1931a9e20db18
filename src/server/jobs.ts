import { randomUUID } from 'node:crypto';
import { type Db as BossDb, PgBoss, type SendOptions, fromPglite } from 'pg-boss';
import { cityTimeZone } from '../shared/clock.ts';
import type { Config } from './config.ts';
import { type Db, type Queryable, pgliteOf } from './db.ts';

/**
 * Background work through pg-boss on the app's own database (issue 12 §8): jobs live in pg-boss's schema
 * (`pgboss`), so a job enqueued inside a transaction exists iff that transaction commits, and every app process
 * on one PostgreSQL database shares the queue (SKIP LOCKED: each job runs once). Nothing waits in process memory.
 *
 * - `defineJob(name, handler, opts)` at module load (before `startJobs`);
 * - `enqueue(q, name, data, opts)` inside the caller's transaction;
 * - `startJobs(db, config)` / `stopJobs()` from `main.ts` (and the test context).
 *
 * On PGlite pg-boss runs through the app's one connection (its `db` adapter over the same PGlite): its statements
 * queue behind the app's transactions, so workers poll modestly and wake on NOTIFY, which PGlite delivers in-process.
 */

/** What a handler receives besides its data. */
export interface JobContext {
  db: Db;
  config: Config;
  jobId: string;
  /** 0 on the first attempt. */
  retryCount: number;
}

export type JobHandler<T> = (data: T, ctx: JobContext) => Promise<void>;

export interface JobDefinitionOptions {
  /** Attempts after the first failure (default 3). */
  retryLimit?: number;
  /** Seconds before a retry (default 30); doubled each time with `retryBackoff` (default true). */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** Seconds a job may run before it is failed and retried (default 900). */
  expireInSeconds?: number;
  /** A recurring job: a cron expression in the city's time zone (e.g. `'0 7 * * *'`: 07:00 every day). */
  cron?: string;
}

/** A defined job; pass it (or its name) to `enqueue`. */
export interface JobRef<T> {
  readonly name: string;
  /** Carries T for `enqueue`'s type check only. */
  readonly __data?: T;
}

interface Definition {
  name: string;
  handler: JobHandler<never>;
  opts: JobDefinitionOptions;
}

export interface EnqueueOptions {
  /** Run no earlier than this instant (a Date, an ISO string, or seconds from now). */
  startAfter?: Date | string | number;
  /** At most one queued job per key (a job with the same key still waiting makes this a no-op: null). */
  singletonKey?: string;
  priority?: number;
}

export interface StartJobsOptions {
  /** Run handlers in this process (default true). False: only enqueue (a test, a CLI command). */
  work?: boolean;
  /** pg-boss's schema (default `pgboss`). Tests on a shared PostgreSQL database use their own. */
  schema?: string;
  /** PostgreSQL: the URL pg-boss's own pool connects to (default config.databaseUrl). */
  databaseUrl?: string;
  /** Seconds between polls of a queue when no NOTIFY arrives (default config.jobsPollSeconds). */
  pollingIntervalSeconds?: number;
  /** Replaces every definition's `retryDelay` for jobs enqueued through this runner (tests retry in a second). */
  retryDelaySeconds?: number;
  log?: JobLog;
}

export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A started pg-boss instance of this process. */
export interface JobRunner {
  readonly schema: string;
  /** `enqueue` through this runner (the module's `enqueue` uses the first runner started). */
  enqueue<T>(q: Queryable, job: JobRef<T> | string, data: T, opts?: EnqueueOptions): Promise<string | null>;
  stop(): Promise<void>;
}

const definitions = new Map<string, Definition>();
interface Started { boss: PgBoss; runner: JobRunner; retryDelaySeconds?: number }
const runners: Started[] = [];
const silent: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Declares a job at module load. Its queue is created by `startJobs`, which is why defining one later is refused
 * (enqueueing to a queue the runner does not know would make pg-boss look it up outside the caller's transaction).
 * @example export const sendMail = defineJob<{ notificationId: number }>('notifications.email', async (data, ctx) => { … });
 */
export function defineJob<T extends object>(name: string, handler: JobHandler<T>, opts: JobDefinitionOptions = {}): JobRef<T> {
  if (runners.length) throw new Error(`Job ${name} defined after startJobs: define jobs at module load`);
  if (definitions.has(name) && definitions.get(name)?.handler !== handler) throw new Error(`Job ${name} is defined twice`);
  definitions.set(name, { name, handler: handler as JobHandler<never>, opts });
  return { name };
}

/** Names of the defined jobs (for tests and the health of the process). */
export const definedJobs = (): string[] => [...definitions.keys()];

/**
 * Adds a job inside the caller's transaction `q`: it exists (and runs) iff that transaction commits.
 * @returns the job's id, or null when a job with the same `singletonKey` is already waiting.
 * @throws Error when the job is not defined or no runner is started in this process (main.ts starts one; tests get
 *   one from createTestContext).
 */
export async function enqueue<T>(q: Queryable, job: JobRef<T> | string, data: T, opts: EnqueueOptions = {}): Promise<string | null> {
  const started = runners[0];
  if (!started) throw new Error(`No job runner started: cannot enqueue ${typeof job === 'string' ? job : job.name}`);
  return sendThrough(started, q, job, data, opts);
}

async function sendThrough<T>({ boss, retryDelaySeconds }: Started, q: Queryable, job: JobRef<T> | string, data: T, opts: EnqueueOptions): Promise<string | null> {
  const name = typeof job === 'string' ? job : job.name;
  const def = definitions.get(name);
  if (!def) throw new Error(`Job ${name} is not defined`);
  // pg-boss's insert runs through the caller's transaction: the job commits or rolls back with it.
  const through: BossDb = { executeSql: async (text, values) => ({ rows: await q.query(text, values) }) };
  const retry = retryOptions(def.opts);
  if (retryDelaySeconds !== undefined) retry.retryDelay = retryDelaySeconds;
  const send: SendOptions = { ...retry, ...opts, db: through };
  return boss.send(name, data as object, send);
}

/** The options every job of a definition is sent with (per job, so a changed definition applies at once). */
function retryOptions(opts: JobDefinitionOptions): SendOptions {
  return {
    retryLimit: opts.retryLimit ?? 3,
    retryDelay: opts.retryDelay ?? 30,
    retryBackoff: opts.retryBackoff ?? true,
    expireInSeconds: opts.expireInSeconds ?? 900,
  };
}

/**
 * Starts pg-boss on the app's database (installing or migrating its schema on first use), creates the queue of
 * every defined job and, unless `work: false`, runs their handlers. PostgreSQL: its own small pool (DATABASE_URL);
 * PGlite: through the app's connection.
 */
export async function startJobs(db: Db, config: Config, opts: StartJobsOptions = {}): Promise<JobRunner> {
  const log = opts.log ?? silent;
  const schema = opts.schema ?? 'pgboss';
  const work = opts.work ?? true;
  const boss = new PgBoss(bossOptions(db, opts.databaseUrl ?? config.databaseUrl, schema, work));
  boss.on('error', (error) => log.error({ err: error }, 'background jobs: pg-boss error'));
  boss.on('warning', (warning) => log.warn({ warning }, 'background jobs: pg-boss warning'));
  await boss.start();
  for (const def of definitions.values()) await boss.createQueue(def.name, { notify: true });
  if (work) await startWorkers(boss, db, config, opts.pollingIntervalSeconds ?? config.jobsPollSeconds, log);
  const runner: JobRunner = {
    schema,
    enqueue: (q, job, data, o = {}) => sendThrough(started, q, job, data, o),
    stop: async () => {
      const i = runners.findIndex((r) => r.runner === runner);
      if (i < 0) return;
      runners.splice(i, 1);
      // Graceful: a handler running now finishes (or its job returns to the queue when the timeout passes).
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
  const started: Started = { boss, runner, retryDelaySeconds: opts.retryDelaySeconds };
  runners.push(started);
  if (work) log.info({ jobs: definedJobs(), schema }, 'background jobs started');
  return runner;
}

/** Stops every runner this process started (main.ts on SIGTERM; tests in close()). */
export async function stopJobs(): Promise<void> {
  for (const { runner } of [...runners]) await runner.stop();
}

function bossOptions(db: Db, databaseUrl: string | undefined, schema: string, work: boolean): ConstructorParameters<typeof PgBoss>[0] {
  const common = {
    schema,
    // Only a working instance supervises (expires, retries, deletes old jobs) and fires recurring jobs.
    supervise: work,
    schedule: work,
    useListenNotify: work,
    instanceName: `vinhdanh-${process.pid}-${randomUUID().slice(0, 8)}`,
  };
  if (db.kind === 'pglite') {
    const lite = pgliteOf(db);
    if (!lite) throw new Error('startJobs: a PGlite Db without its PGlite instance');
    // One process per embedded database: no registry of instances to keep.
    return { ...common, db: fromPglite(lite), backend: 'pglite', registerInstance: false };
  }
  if (!databaseUrl) throw new Error('startJobs: a PostgreSQL Db needs DATABASE_URL for pg-boss');
  return { ...common, connectionString: databaseUrl, max: work ? 3 : 1, application_name: 'vinhdanh-jobs' };
}

async function startWorkers(boss: PgBoss, db: Db, config: Config, pollingIntervalSeconds: number, log: JobLog): Promise<void> {
  for (const def of definitions.values()) {
    // NOTIFY wakes a worker for a new job; retries and delayed jobs are found by polling, so it stays modest.
    await boss.work<object>(def.name, { pollingIntervalSeconds, notifyPollingIntervalSeconds: Math.max(1, 2 * pollingIntervalSeconds) }, async (jobs) => {
      for (const job of jobs) {
        const ctx: JobContext = { db, config, jobId: job.id, retryCount: job.retryCount };
        try {
          await (def.handler as JobHandler<object>)(job.data, ctx);
        } catch (error) {
          // pg-boss fails the job and retries it per its options; the log says which and why.
          log.warn({ err: error, job: def.name, jobId: job.id }, 'background job failed');
          throw error;
        }
      }
    });
    if (def.opts.cron) await boss.schedule(def.name, def.opts.cron, {}, { tz: cityTimeZone(), ...retryOptions(def.opts) });
  }
}

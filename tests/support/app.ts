import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Db } from '../../src/server/db.ts';
import { type JobRunner, startJobs } from '../../src/server/jobs.ts';
import { inject } from 'vitest';
import { openTestDb } from './db.ts';

export interface TestContext {
  db: Db;
  app: FastifyInstance;
  /** Background jobs: enqueue-only unless the context was created with `{ jobs: true }`. */
  jobs: JobRunner;
  close(): Promise<void>;
}

export interface TestContextOptions {
  /**
   * Run background job handlers in this context (opt-in: polling costs time). `true`: on PostgreSQL in a pg-boss
   * schema of this test file's own, so another file's runner never takes its jobs; `{ schema }`: a schema shared
   * by several contexts (two app instances on one database).
   */
  jobs?: boolean | { schema?: string; pollingIntervalSeconds?: number; retryDelaySeconds?: number };
}

let privateSchemas = 0;

/** An in-process app on a fresh test database; jobs can be enqueued (and run, with `{ jobs: true }`). */
export async function createTestContext(env: Record<string, string> = {}, opts: TestContextOptions = {}): Promise<TestContext> {
  const db = await openTestDb();
  const config = { ...loadConfig({ ...env, WEB_DIST: '/nonexistent' }), logLevel: process.env.TEST_LOG_LEVEL ?? 'silent' };
  const app = await buildApp({ db, config });
  await app.ready();
  const databaseUrl = inject('databaseUrl') ?? undefined;
  const work = !!opts.jobs;
  const wanted = typeof opts.jobs === 'object' ? opts.jobs : {};
  // The shared `pgboss` schema (installed by global-setup) only receives jobs nobody works in tests.
  const schema = wanted.schema ?? (work && databaseUrl ? `pgboss_t${process.pid}_${++privateSchemas}` : 'pgboss');
  const jobs = await startJobs(db, config, { work, schema, databaseUrl, pollingIntervalSeconds: wanted.pollingIntervalSeconds ?? 0.5, retryDelaySeconds: wanted.retryDelaySeconds, log: app.log });
  return { db, app, jobs, close: async () => { await jobs.stop(); await app.close(); await db.close(); } };
}

/** Calls the app with a session cookie. */
export function call(app: FastifyInstance, cookie: string | null, opts: InjectOptions): Promise<LightMyRequestResponse> {
  return app.inject({ ...opts, headers: { ...(opts.headers ?? {}), ...(cookie ? { cookie } : {}) } });
}

import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Db } from '../../src/server/db.ts';
import { openTestDb } from './db.ts';

export interface TestContext {
  db: Db;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** An in-process app on a fresh test database. */
export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const db = await openTestDb();
  const config = { ...loadConfig({ ...env, WEB_DIST: '/nonexistent' }), logLevel: process.env.TEST_LOG_LEVEL ?? 'silent' };
  const app = await buildApp({ db, config });
  await app.ready();
  return { db, app, close: async () => { await app.close(); await db.close(); } };
}

/** Calls the app with a session cookie. */
export function call(app: FastifyInstance, cookie: string | null, opts: InjectOptions): Promise<LightMyRequestResponse> {
  return app.inject({ ...opts, headers: { ...(opts.headers ?? {}), ...(cookie ? { cookie } : {}) } });
}

import { mkdirSync, writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres, pgliteOf } from '../../src/server/db.ts';
import { loadConfig } from '../../src/server/config.ts';
import { startJobs } from '../../src/server/jobs.ts';
import { migrate } from '../../src/server/migrate.ts';

export const SNAPSHOT = new URL('../../.test-artifacts/migrated.tar.gz', import.meta.url).pathname;

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string | null;
  }
}

/** The server to run API tests on: DATABASE_URL, else the local one at 127.0.0.1:5432. */
export function adminUrl(): string {
  return process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

/**
 * Builds once per run what every test file starts from: a migrated PGlite snapshot, or
 * (DB_TARGET=postgres) a fresh, migrated database on the server, dropped at the end.
 */
export default async function setup(project: TestProject) {
  if (process.env.DB_TARGET === 'postgres') {
    const admin = await openPostgres(adminUrl(), 1);
    const name = `vinhdanh_test_${Date.now()}_${process.pid}`;
    await admin.exec(`create database ${name}`);
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    const db = await openPostgres(url.toString(), 2);
    await migrate(db);
    await installJobSchema(db, url.toString());
    await db.close();
    project.provide('databaseUrl', url.toString());
    return async () => {
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    };
  }
  const db = await openPglite(null);
  await migrate(db);
  await installJobSchema(db);
  const dump = await pgliteOf(db)?.dumpDataDir('gzip');
  mkdirSync(new URL('.', `file://${SNAPSHOT}`).pathname, { recursive: true });
  writeFileSync(SNAPSHOT, Buffer.from(await (dump as Blob).arrayBuffer()));
  await db.close();
  project.provide('databaseUrl', null);
}

/** pg-boss's schema in the snapshot (installing it takes seconds on PGlite; a started test context then takes ms). */
async function installJobSchema(db: Parameters<typeof startJobs>[0], databaseUrl?: string): Promise<void> {
  const runner = await startJobs(db, loadConfig({}), { work: false, databaseUrl });
  await runner.stop();
}

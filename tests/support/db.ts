import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { type Db, openPglite, openPostgres } from '../../src/server/db.ts';

const SNAPSHOT = new URL('../../.test-artifacts/migrated.tar.gz', import.meta.url).pathname;

/**
 * A migrated database for one test file: a PGlite cloned from the run's snapshot, or the run's
 * PostgreSQL database (shared by files, so tests create their own data and never assume emptiness).
 */
export async function openTestDb(): Promise<Db> {
  const url = inject('databaseUrl');
  if (url) return openPostgres(url, 4);
  return openPglite(null, new Blob([readFileSync(SNAPSHOT)]));
}

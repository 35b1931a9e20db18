import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Db, pgliteOf } from '../../server/db.ts';
import { type DatabaseFacts, type Manifest, describeDatabase, manifestOf } from './manifest.ts';
import { runPgTool } from './pg-tools.ts';
import { cityNow, cityTimeZone, wallClockIn } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { tarStream } from './tar.ts';

/**
 * A backup file is a plain tar of two entries: `manifest.json` (manifest.ts), then the database itself —
 * `pglite-data.tar.gz` (PGlite's `dumpDataDir('gzip')`) or `postgres.dump` (`pg_dump -Fc`). One file, so the
 * description cannot be separated from the data; readable with standard tools; not compressed again (the payload
 * already is). The manifest comes first, so a restore checks it before touching anything.
 */
export const PAYLOAD_NAMES = { pglite: 'pglite-data.tar.gz', postgresql: 'postgres.dump' } as const;

/** A backup taken and ready to be written out; `cleanup` removes its temporary file (PostgreSQL). */
export interface Backup {
  manifest: Manifest;
  payload: () => Uint8Array | AsyncIterable<Uint8Array>;
  cleanup: () => Promise<void>;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The embedded database: its data directory dumped while no other transaction can run (PGlite runs one at a
 * time; this one holds it), with the manifest read in the same transaction, so both describe the same state.
 * A checkpoint first writes everything to the data files. Held in memory (PGlite's dump is a Blob).
 */
async function takePglite(db: Db): Promise<Backup> {
  const lite = pgliteOf(db);
  if (!lite) throw new Error('not a PGlite database');
  const { facts, dump } = await db.tx(async (q) => {
    const facts = await describeDatabase(q);
    await q.query('checkpoint');
    return { facts, dump: new Uint8Array(await (await lite.dumpDataDir('gzip')).arrayBuffer()) };
  });
  const manifest = manifestOf('pglite', facts, { name: PAYLOAD_NAMES.pglite, size: dump.byteLength, sha256: sha256(dump) });
  return { manifest, payload: () => dump, cleanup: async () => undefined };
}

/**
 * A PostgreSQL server: `pg_dump -Fc` into a temporary file, from a snapshot exported by a repeatable-read
 * transaction in which the manifest is read — the dump and the manifest see exactly the same data while the
 * app keeps writing.
 */
async function takePostgres(db: Db, databaseUrl: string): Promise<Backup> {
  const dir = await mkdtemp(join(tmpdir(), 'vinhdanh-backup-'));
  const file = join(dir, PAYLOAD_NAMES.postgresql);
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const facts: DatabaseFacts = await db.tx(async (q) => {
      await q.query('set transaction isolation level repeatable read, read only');
      const [{ snapshot }] = await q.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot');
      const found = await describeDatabase(q);
      await runPgTool('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, '--file', file], databaseUrl);
      return found;
    });
    const manifest = manifestOf('postgresql', facts, { name: PAYLOAD_NAMES.postgresql, size: (await stat(file)).size, sha256: await sha256OfFile(file) });
    return { manifest, payload: () => createReadStream(file), cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Takes a backup of the app's database (either engine).
 * @throws AppError BACKUP_UNAVAILABLE when pg_dump is missing or fails (PostgreSQL)
 */
export async function takeBackup(db: Db, databaseUrl: string | undefined): Promise<Backup> {
  if (db.kind === 'pglite') return takePglite(db);
  if (!databaseUrl) throw new AppError('BACKUP_UNAVAILABLE', { tool: 'pg_dump', reason: 'DATABASE_URL is not set' });
  return takePostgres(db, databaseUrl);
}

/** The backup file's bytes, streamed. */
export function backupBytes(b: Backup): Readable {
  const manifest = Buffer.from(`${JSON.stringify(b.manifest, null, 2)}\n`);
  return Readable.from(tarStream([
    { name: 'manifest.json', size: manifest.byteLength, body: manifest },
    { name: b.manifest.payload.name, size: b.manifest.payload.size, body: b.payload() },
  ]));
}

/**
 * Writes a backup to `path`, whole or not at all: a partial file is moved into place only when complete — by
 * link (fails if `path` exists) unless `replace`.
 */
export async function writeBackupFile(b: Backup, path: string, opts: { replace?: boolean } = {}): Promise<void> {
  const partial = `${path}.${process.pid}.partial`;
  try {
    await pipeline(backupBytes(b), createWriteStream(partial, { flags: 'wx' }));
    if (opts.replace) await rename(partial, path);
    else await link(partial, path);
  } finally {
    await rm(partial, { force: true });
  }
}

/** A file name for a backup taken now, by the city's wall clock (shared/clock.ts), e.g. vinhdanh-backup-20261207-193005.tar. */
export function defaultBackupName(now = cityNow()): string {
  const { date, time } = wallClockIn(cityTimeZone(), now);
  return `vinhdanh-backup-${date.replaceAll('-', '')}-${time.replaceAll(':', '')}.tar`;
}

import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, openAsBlob, readdirSync, renameSync, rmSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { lockDataDir } from '../../server/data-dir-lock.ts';
import { type Db, openPglite, openPostgres } from '../../server/db.ts';
import { listMigrations } from '../../server/migrate.ts';
import { type ChainReport, verifyAuditChain } from '../audit/audit.ts';
import { type DatabaseFacts, type Manifest, ZManifest, compareWithManifest, describeDatabase } from './manifest.ts';
import { runPgTool } from './pg-tools.ts';
import { type TarIndexEntry, indexTar } from './tar.ts';

/** A restore refused or a backup that cannot be used; the message is in Vietnamese and English. */
export class BackupError extends Error {
  constructor(vi: string, en: string) {
    super(`${vi}\n${en}`);
    this.name = 'BackupError';
  }
}

/** Where to restore: the app's own configuration (DATABASE_URL, else the PGlite DATA_DIR). */
export interface RestoreTarget {
  databaseUrl?: string;
  dataDir: string;
}

export interface RestoreResult {
  ok: boolean;
  manifest: Manifest;
  found: DatabaseFacts;
  chain: ChainReport;
  /** Differences from the manifest and breaks of the chain (empty when ok). */
  problems: string[];
  /** Where the embedded database that was there before now is (renamed, not deleted). */
  keptAside: string | null;
}

interface OpenedBackup {
  manifest: Manifest;
  payload: TarIndexEntry;
}

async function readRange(file: string, e: TarIndexEntry): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(e.size);
    await handle.read(buffer, 0, e.size, e.offset);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Reads a backup's manifest and checks its payload against the manifest's checksum before anything is touched.
 * @throws BackupError when the file is not a vinhdanh backup or is damaged.
 */
export async function openBackup(file: string): Promise<OpenedBackup> {
  let entries: TarIndexEntry[];
  try {
    entries = await indexTar(file);
  } catch (error) {
    throw new BackupError(`Không đọc được tệp sao lưu ${file}: ${(error as Error).message}`, `Cannot read the backup file ${file}: ${(error as Error).message}`);
  }
  const manifestEntry = entries.find((e) => e.name === 'manifest.json');
  const parsed = manifestEntry && manifestEntry.size < 10_000_000 ? ZManifest.safeParse(parseJson(await readRange(file, manifestEntry))) : null;
  if (!parsed?.success) throw new BackupError(`${file} không phải tệp sao lưu của vinhdanh (thiếu hoặc sai manifest.json).`, `${file} is not a vinhdanh backup (manifest.json missing or invalid).`);
  const manifest = parsed.data;
  const payload = entries.find((e) => e.name === manifest.payload.name);
  const hash = createHash('sha256');
  if (payload && payload.size === manifest.payload.size) {
    for await (const chunk of createReadStream(file, { start: payload.offset, end: payload.offset + payload.size - 1 })) hash.update(chunk as Buffer);
  }
  if (!payload || payload.size !== manifest.payload.size || hash.digest('hex') !== manifest.payload.sha256) {
    throw new BackupError(`Tệp sao lưu ${file} bị hỏng (dữ liệu không khớp mã kiểm tra trong manifest).`, `The backup file ${file} is damaged (its data does not match the manifest's checksum).`);
  }
  return { manifest, payload };
}

/** Refuses a backup this app cannot restore: another engine, or a schema newer than this version knows. */
function assertRestorable(m: Manifest, target: RestoreTarget, force: boolean): void {
  const engine = target.databaseUrl ? 'postgresql' : 'pglite';
  if (m.engine !== engine) {
    throw new BackupError(
      `Bản sao lưu này của ${m.engine}, không khôi phục được vào ${engine}. ${engine === 'pglite' ? 'Hãy đặt DATABASE_URL tới máy chủ PostgreSQL.' : 'Hãy bỏ DATABASE_URL để khôi phục vào PGlite (DATA_DIR).'}`,
      `This backup is of ${m.engine}; it cannot be restored into ${engine}. ${engine === 'pglite' ? 'Set DATABASE_URL to the PostgreSQL server.' : 'Unset DATABASE_URL to restore into PGlite (DATA_DIR).'}`,
    );
  }
  const known = new Set(listMigrations().map((x) => x.name));
  if (m.migrations.latest && !known.has(m.migrations.latest) && !force) {
    throw new BackupError(
      `Bản sao lưu được tạo bởi phiên bản mới hơn (${m.appVersion}, migration ${m.migrations.latest}); hãy nâng cấp vinhdanh trước (hoặc dùng --force).`,
      `The backup was made by a newer version (${m.appVersion}, migration ${m.migrations.latest}); upgrade vinhdanh first (or use --force).`,
    );
  }
}

function notEmptyError(where: string, aside: string | null): BackupError {
  return new BackupError(
    `Nơi khôi phục ${where} đã có dữ liệu; không ghi đè. Dùng --force để khôi phục${aside ? ` (dữ liệu cũ được giữ lại, đổi tên thành ${aside})` : ' (xóa các bảng có trong bản sao lưu rồi tạo lại)'}.`,
    `The restore target ${where} is not empty; not overwriting it. Use --force to restore${aside ? ` (the old data is kept, renamed to ${aside})` : ' (the tables in the backup are dropped and recreated)'}.`,
  );
}

/** Checks a restored database against its manifest: counts, migration level, and the audit chain read from the heap. */
async function check(db: Db, manifest: Manifest): Promise<Pick<RestoreResult, 'found' | 'chain' | 'problems'>> {
  const chain = await verifyAuditChain(db);
  const found = await db.tx((q) => describeDatabase(q));
  const problems = compareWithManifest(manifest, found);
  if (!chain.ok) problems.push(`audit chain broken: ${chain.breakCount} break(s), first at id ${chain.brokenAt?.id} (${chain.brokenAt?.kind})`);
  if (chain.lastId !== manifest.audit.lastId || chain.lastHash !== manifest.audit.lastHash) {
    problems.push(`audit chain read from the table ends at id ${chain.lastId}, backup at id ${manifest.audit.lastId}`);
  }
  return { found, chain, problems };
}

const stamp = () => new Date().toISOString().slice(0, 19).replaceAll(/[-:]/g, '').replace('T', '-');

/**
 * PGlite: the target directory locked throughout (no server may have it open), an existing one renamed aside,
 * the data directory loaded from the payload, then checked. If loading fails, the old directory is put back.
 */
async function restorePglite(file: string, b: OpenedBackup, dataDir: string, force: boolean): Promise<RestoreResult> {
  const lock = lockDataDir(dataDir, 'vinhdanh restore');
  const dir = resolve(dataDir);
  let keptAside: string | null = null;
  try {
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      keptAside = `${dir}.before-restore-${stamp()}`;
      if (!force) throw notEmptyError(dir, keptAside);
      renameSync(dir, keptAside);
    }
    const payload = (await openAsBlob(file)).slice(b.payload.offset, b.payload.offset + b.payload.size, 'application/gzip');
    let db: Db;
    try {
      db = await openPglite(dir, payload, { lock });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      if (keptAside) renameSync(keptAside, dir);
      keptAside = null;
      throw error;
    }
    try {
      const checked = await check(db, b.manifest);
      return { ok: checked.problems.length === 0, manifest: b.manifest, ...checked, keptAside };
    } finally {
      await db.close();
    }
  } finally {
    lock.release();
  }
}

/** PostgreSQL: `pg_restore --clean --if-exists` in one transaction into the database of DATABASE_URL, then checked. */
async function restorePostgres(file: string, b: OpenedBackup, url: string, force: boolean): Promise<RestoreResult> {
  const db = await openPostgres(url, 2);
  const dir = await mkdtemp(join(tmpdir(), 'vinhdanh-restore-'));
  try {
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from pg_tables where schemaname = current_schema()');
    const where = new URL(url).pathname.slice(1) || url;
    if (n > 0 && !force) throw notEmptyError(`database ${where}`, null);
    const dump = join(dir, b.manifest.payload.name);
    await pipeline(createReadStream(file, { start: b.payload.offset, end: b.payload.offset + b.payload.size - 1 }), createWriteStream(dump));
    await runPgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', dump], url);
    const checked = await check(db, b.manifest);
    return { ok: checked.problems.length === 0, manifest: b.manifest, ...checked, keptAside: null };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await db.close();
  }
}

/**
 * Restores a backup file into the configured database and checks it against the manifest.
 * @throws BackupError (refusals, damaged file) | DataDirLockedError (a server has the data directory open) | AppError BACKUP_UNAVAILABLE (pg_restore)
 */
export async function restoreBackup(file: string, target: RestoreTarget, opts: { force: boolean }): Promise<RestoreResult> {
  const b = await openBackup(file);
  assertRestorable(b.manifest, target, opts.force);
  return target.databaseUrl
    ? restorePostgres(file, b, target.databaseUrl, opts.force)
    : restorePglite(file, b, target.dataDir, opts.force);
}

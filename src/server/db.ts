import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** The one database handle the app uses, on PGlite or a PostgreSQL server. */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgresql';
  /** Runs `fn` in one transaction; rolls back when it throws. Keep it short: PGlite has one connection. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const OID = { int8: 20, date: 1082, timestamp: 1114, timestamptz: 1184, numeric: 1700 } as const;
/** PostgreSQL's text timestamps ("2026-11-23 16:26:47.123+00") as ISO strings in UTC. */
const asIso = (v: string) => {
  const iso = v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`).toISOString();
};
const parseInt8 = (v: string) => Number(v);
const keep = (v: string) => v;

export interface PgliteOptions {
  /** What the lock file says this process is (default: its command line). */
  command?: string;
  /** A lock on `dataDir` the caller already took (restore holds it while it renames the old directory aside). */
  lock?: DataDirLock;
}

/**
 * Opens the embedded database in `dataDir` (or in memory when `dataDir` is null). A data directory is locked to
 * this process until `close()` (one process per embedded database, see data-dir-lock.ts).
 * @throws DataDirLockedError when another process has the directory open.
 * @example const db = await openPglite('./data');
 */
export async function openPglite(dataDir: string | null, loadDataDir?: Blob | File, opts: PgliteOptions = {}): Promise<Db> {
  const lock = dataDir ? (opts.lock ?? lockDataDir(dataDir, opts.command)) : null;
  let lite: PGlite;
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    lite = await PGlite.create({
      dataDir: dataDir ?? undefined,
      loadDataDir,
      extensions: { pg_trgm },
      parsers: {
        [OID.int8]: parseInt8,
        [OID.date]: keep,
        [OID.timestamp]: asIso,
        [OID.timestamptz]: asIso,
      },
    });
  } catch (error) {
    if (!opts.lock) lock?.release();
    throw error;
  }
  void pgliteTypes;
  const run = async <T>(q: { query: PGlite['query'] }, sql: string, params?: unknown[]) =>
    (await q.query<T>(sql, params as unknown[])).rows;
  return {
    kind: 'pglite',
    query: (sql, params) => run(lite, sql, params),
    tx: (fn) => lite.transaction((t) => fn({ query: (sql, params) => run(t, sql, params) })),
    exec: async (sql) => {
      await lite.exec(sql);
    },
    close: async () => {
      try {
        await lite.close();
      } finally {
        lock?.release();
      }
    },
    // exposed for snapshots in tests
    ...({ pglite: lite } as object),
  } as Db;
}

/** The raw PGlite instance behind a Db, when there is one (tests clone it). */
export function pgliteOf(db: Db): PGlite | undefined {
  return (db as unknown as { pglite?: PGlite }).pglite;
}

/**
 * Connects to a PostgreSQL server.
 * @example const db = await openPostgres(process.env.DATABASE_URL);
 */
export async function openPostgres(url: string, max = 10): Promise<Db> {
  const parsers: Record<number, (v: string) => unknown> = {
    [OID.int8]: parseInt8,
    [OID.date]: keep,
    [OID.timestamp]: asIso,
    [OID.timestamptz]: asIso,
  };
  const typeParser = {
    getTypeParser: (oid: number, format?: string) =>
      parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({ connectionString: url, max, types: typeParser as pg.CustomTypesConfig });
  await pool.query('select 1');
  const query = async <T>(c: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]) =>
    (await c.query(sql, params as unknown[])).rows as T[];
  return {
    kind: 'postgresql',
    query: (sql, params) => query(pool, sql, params),
    tx: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({ query: (sql, params) => query(client, sql, params) });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in `dataDir`. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string | null }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

/**
 * Runs independent reads at once on the database (a pool: each on its own connection), one after another inside a
 * transaction (one connection: node-postgres deprecates overlapping queries on a client, and PGlite queues them
 * anyway). Results in the order of `tasks`.
 * @example const [units, names] = await inParallel(q, [() => unitsOf(q, ids), () => namesOf(q, ids)] as const);
 */
export async function inParallel<T extends readonly unknown[]>(q: Queryable, tasks: { readonly [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const list = tasks as readonly (() => Promise<unknown>)[];
  if ('tx' in q) return (await Promise.all(list.map((t) => t()))) as unknown as T;
  const out: unknown[] = [];
  for (const t of list) out.push(await t());
  return out as unknown as T;
}

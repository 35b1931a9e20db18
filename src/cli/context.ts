import { type Config, loadConfig } from '../server/config.ts';
import { type Db, openDatabase } from '../server/db.ts';
import { setCityTimeZone } from '../shared/clock.ts';
import { readHidden } from './prompt.ts';

/** What a command may use: the configuration, output, the terminal and the database. */
export interface CliContext {
  config: Config;
  out: (line: string) => void;
  err: (line: string) => void;
  /** True when a person is typing at a terminal (passwords are then asked, not generated). */
  interactive: boolean;
  readHidden: (prompt: string) => Promise<string>;
  /** Opens the database (PostgreSQL from DATABASE_URL, else PGlite in DATA_DIR). */
  openDb: () => Promise<Db>;
  /** False when the caller owns the database (tests): commands then leave it open. */
  ownsDb: boolean;
  /** Reads all of standard input (tests give a string instead). */
  stdin?: () => Promise<string>;
}

/** The context of a real run: environment, stdout/stderr and the process's terminal. */
export function processContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const config = loadConfig(env);
  // The city's date (a backup's file name, an import's checks) in CITY_TIME_ZONE, as in the server.
  setCityTimeZone(config.cityTimeZone);
  return {
    config,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    readHidden,
    openDb: () => openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }),
    ownsDb: true,
  };
}

/** Runs `fn` with an open database and closes it afterwards when the context owns it. */
export async function withDb<T>(ctx: CliContext, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await ctx.openDb();
  try {
    return await fn(db);
  } finally {
    if (ctx.ownsDb) await db.close();
  }
}

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';
import { seedDemoCity } from '../../seed/demo-city.ts';
import { DEFAULT_YEARS, MAX_YEARS } from '../../seed/history-gen.ts';
import { demoPeopleCount } from '../../seed/seed-if-empty.ts';
import { stringOption } from '../args.ts';
import type { Command } from '../command.ts';
import type { CliContext } from '../context.ts';

const isEmpty = async (db: Db) => (await db.query<{ n: number }>('select count(*)::int as n from org_unit'))[0].n === 0;

/**
 * Deletes a PGlite data directory, but only one that really is a PGlite/PostgreSQL data directory.
 * @throws Error when the directory does not look like one.
 */
function wipePgliteDir(dir: string): void {
  if (!existsSync(join(dir, 'PG_VERSION'))) throw new Error(`${dir} does not look like a PGlite data directory; not deleting it`);
  rmSync(dir, { recursive: true, force: true });
}

async function openForSeed(ctx: CliContext, force: boolean): Promise<Db | null> {
  let db = await ctx.openDb();
  await migrate(db);
  if (await isEmpty(db)) return db;
  if (!force) {
    ctx.err('seed: the database already has data; refusing to seed it (use --force on an embedded PGlite database to start over).');
  } else if (db.kind !== 'pglite' || !ctx.ownsDb) {
    ctx.err('seed: refusing --force on a PostgreSQL server: drop and recreate the database yourself, then seed it.');
  } else {
    await db.close();
    wipePgliteDir(ctx.config.dataDir);
    ctx.out(`seed: --force: deleted the PGlite data directory ${ctx.config.dataDir}`);
    db = await ctx.openDb();
    await migrate(db);
    return db;
  }
  if (ctx.ownsDb) await db.close();
  return null;
}

export const seedCommand: Command = {
  name: 'seed',
  usage: 'seed [--people N] [--years N] [--force]',
  summary: 'Tạo dữ liệu mẫu thành phố Hà Nội vào cơ sở dữ liệu trống (seed the demo city into an empty database)',
  booleans: ['force'],
  async run(args, ctx) {
    const people = Number(stringOption(args, 'people', String(demoPeopleCount())));
    if (!Number.isInteger(people) || people < 1) {
      ctx.err('seed: --people must be a positive whole number');
      return 2;
    }
    // Years of history up to 2025: 5 → 2021–2025 (the demo), 10 → 2016–2025 (the benchmark city).
    const years = Number(stringOption(args, 'years', String(DEFAULT_YEARS)));
    if (!Number.isInteger(years) || years < DEFAULT_YEARS || years > MAX_YEARS) {
      ctx.err(`seed: --years must be a whole number from ${DEFAULT_YEARS} to ${MAX_YEARS}`);
      return 2;
    }
    const db = await openForSeed(ctx, args.options.get('force') === true);
    if (!db) return 1;
    try {
      const started = Date.now();
      const result = await seedDemoCity(db, { people, years, log: ctx.out });
      ctx.out(`seed: done in ${((Date.now() - started) / 1000).toFixed(1)} s (${db.kind})`);
      if (result.accounts.length) {
        ctx.out(`Tài khoản demo (demo accounts), mật khẩu / password: ${result.password}`);
        for (const a of result.accounts) ctx.out(`  ${a.username.padEnd(16)} ${a.role.padEnd(18)} ${a.unit}`);
      }
      return 0;
    } finally {
      if (ctx.ownsDb) await db.close();
    }
  },
};

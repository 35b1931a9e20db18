import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db.ts';
import { migrate } from './migrate.ts';
import { refreshStaleHistories } from '../modules/eligibility/history-digest.ts';
import { recoverInterruptedJobs } from '../modules/imports/jobs.ts';
import { seedIfEmpty } from '../seed/seed-if-empty.ts';

/** Starts the server: open the database, migrate, seed the embedded demo on first start, listen. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  const app = await buildApp({ db, config });
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  app.log.info(await recoverInterruptedJobs(db), 'import jobs recovered');
  const seeded = config.seedDemo ? await seedIfEmpty(db, (msg) => app.log.info(msg)) : null;
  await app.listen({ port: config.port, host: config.host });
  // History digests left stale (after a migration on an existing database, or writes of a process that stopped)
  // are rebuilt in the background, a bounded statement at a time; discovery would otherwise do it on first use.
  refreshStaleHistories(db)
    .then((n) => n > 0 && app.log.info({ people: n }, 'history digests refreshed'))
    .catch((error) => app.log.error({ err: error }, 'history digest refresh failed'));
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  vinhdanh đang chạy tại ${url}  (database: ${db.kind}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  ];
  if (seeded?.accounts.length) {
    lines.push('  Tài khoản demo (demo accounts), mật khẩu / password:', `    ${seeded.password}`);
    for (const a of seeded.accounts) lines.push(`    ${a.username.padEnd(14)} ${a.role.padEnd(18)} ${a.unit}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

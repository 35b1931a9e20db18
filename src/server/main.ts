import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { DataDirLockedError } from './data-dir-lock.ts';
import { openDatabase } from './db.ts';
import { startJobs, stopJobs } from './jobs.ts';
import { migrate } from './migrate.ts';
import { LawError } from '../modules/catalogue/catalogue.ts';
import { queueDigestRefresh } from '../modules/eligibility/digest-job.ts';
import { warmDiscovery } from '../modules/eligibility/discovery-warm.ts';
import { recoverImports } from '../modules/imports/background.ts';
import { checkLaw } from '../modules/rules/law-check.ts';
import { schemes } from '../modules/evaluations/schemes.ts';
import { workflows } from '../modules/dossiers/workflow.ts';
import { reviewRules } from '../modules/reviews/rules-data.ts';
import { seedIfEmpty } from '../seed/seed-if-empty.ts';

/** Starts the server: open the database, migrate, seed the embedded demo on first start, listen. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  checkLaw(); // the catalogue and every criterion of every rule set, before anything else: a typo stops here (decision 0005)
  reviewRules(); // the annual review's rules (reviews/data/review-rules.yaml), checked the same way
  schemes(); // the rating schemes (evaluations/data/schemes.yaml): a mistake stops here too, naming file and line
  workflows(); // the dossier workflow (dossiers/data/workflow.yaml), checked the same way
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  const app = await buildApp({ db, config });
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  // Background work (pg-boss on this database): started before the seed, which may enqueue jobs.
  await startJobs(db, config, { work: config.jobsWorkers, log: app.log });
  // An embedded database is this process's alone (data-dir-lock.ts): every import left parsing or applying was
  // interrupted. On a PostgreSQL server other processes may be at work: only jobs whose lease ran out; a pg-boss
  // cron job (imports/background.ts) checks again every minute. A file still waiting is queued again.
  app.log.info(await recoverImports(db, db.kind === 'pglite' ? 'all' : 'expired'), 'import jobs recovered');
  const seeded = config.seedDemo ? await seedIfEmpty(db, (msg) => app.log.info(msg)) : null;
  await app.listen({ port: config.port, host: config.host });
  // History digests left stale (after a migration on an existing database, or writes of a process that stopped)
  // are rebuilt by a background job (eligibility/digest-job.ts, also every minute); discovery would otherwise do it
  // on first use.
  await queueDigestRefresh(db);
  // Discovery's worker threads start, load the law and run the engine hot now, not on the first user's discovery
  // (issue 12 review); after listen, so readiness waits for none of it.
  void warmDiscovery(db).then((w) => app.log.info(w, 'discovery workers warmed'));
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
    await stopJobs();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  // A second process on the same embedded database: say who holds it and how to stop it, not a stack trace; a
  // mistake in the law's data: its file, line and what is wrong.
  if (error instanceof DataDirLockedError || error instanceof LawError) process.stderr.write(`\n${error.message}\n\n`);
  else console.error(error);
  process.exit(1);
});

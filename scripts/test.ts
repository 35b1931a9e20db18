// `npm test`: every suite — unit + API on PGlite, API again on PostgreSQL when reachable, browser journeys
// in Chromium, files opened in LibreOffice — then one plain line "N passed, N failed" (what CI reads).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { buildWebIfStale } from './web-build.ts';

const root = new URL('..', import.meta.url).pathname;
const artifacts = `${root}.test-artifacts`;
mkdirSync(artifacts, { recursive: true });

interface Totals { passed: number; failed: number }
const totals: Totals = { passed: 0, failed: 0 };
const problems: string[] = [];

// Debian packages the suites need: Chromium for the browser journeys, LibreOffice to open generated files.
const SYSTEM_NEEDS = [
  { path: '/usr/bin/chromium', packages: 'chromium fonts-dejavu-core fonts-noto-core' },
  { path: '/usr/bin/soffice', packages: 'libreoffice-calc-nogui' },
  { path: '/usr/lib/libreoffice/program/libswlo.so', packages: 'libreoffice-writer-nogui' },
];

/** Installs what is missing when running as root; otherwise stops with the exact command (never skips). */
function ensureSystemPackages(): void {
  const missing = SYSTEM_NEEDS.filter((n) => !existsSync(n.path));
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.map((n) => n.packages).join(' ')}`;
  if (process.getuid?.() === 0) {
    process.stdout.write(`Installing what the tests need: ${command}\n`);
    const r = spawnSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`], { stdio: 'inherit' });
    if (r.status === 0 && missing.every((n) => existsSync(n.path))) return;
  }
  process.stdout.write(`\nThe tests need ${missing.map((n) => n.path).join(' and ')}. Install, then run npm test again:\n  sudo sh -c '${command}'\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
}

function postgresReachable(): Promise<boolean> {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(2000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
    socket.connect(Number(url.port || 5432), url.hostname);
  });
}

/** Runs one vitest suite and adds its counts; a crash or a file that fails to load counts as a failure. */
function runVitest(label: string, args: string[], env: Record<string, string> = {}): void {
  const out = `${artifacts}/${label}.json`;
  rmSync(out, { force: true });
  process.stdout.write(`\n=== ${label} ===\n`);
  const r = spawnSync('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    cwd: root, stdio: 'inherit', env: { ...process.env, ...env },
  });
  if (!existsSync(out)) {
    totals.failed += 1;
    problems.push(`${label}: vitest exited ${r.status} without results`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number; testResults: { status: string; assertionResults: { status: string }[] }[] };
  // A file that cannot even load, or whose beforeAll fails (its tests then show as skipped), has no failed test;
  // count it so it can't hide.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + brokenFiles;
  if (report.numFailedTests + brokenFiles > 0) problems.push(`${label}: ${report.numFailedTests} failed tests, ${brokenFiles} files failed to load`);
}

ensureSystemPackages();
buildWebIfStale();
runVitest('unit+api (PGlite)', []);
if (await postgresReachable()) runVitest('api (PostgreSQL)', [], { DB_TARGET: 'postgres' });
else process.stdout.write('\nPostgreSQL is not reachable: the API suite ran on PGlite only.\n');
runVitest('browser (Chromium)', ['--config', 'vitest.browser.config.ts']);

if (problems.length) process.stdout.write(`\n${problems.join('\n')}\n`);
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(totals.failed > 0 ? 1 : 0);

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { note } from './report.ts';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/**
 * Seconds from spawning `node src/server/main.ts` on a fresh PGlite data directory (so the
 * 20,000-person demo is seeded) until GET /api/health answers 200.
 */
export async function benchFirstStart(timeoutMs = 180_000): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'vinhdanh-first-start-'));
  const port = await freePort();
  const main = new URL('../src/server/main.ts', import.meta.url).pathname;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(dir, 'data'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: '1' };
  delete env.DATABASE_URL;
  delete env.DEMO_PEOPLE;
  const started = performance.now();
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr.slice(-2000)}`);
      if (performance.now() - started > timeoutMs) throw new Error(`no healthy server after ${timeoutMs / 1000} s`);
      const status = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0);
      if (status === 200) return (performance.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
    if (stderr.trim()) note(`server stderr: ${stderr.trim().slice(-500)}`);
  }
}

import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

const root = new URL('../..', import.meta.url).pathname;

/** A real server process (src/server/main.ts) on an embedded database, for crash and process tests. */
export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Settles with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts the server on `dataDir` (no web app, no demo unless SEED_DEMO is given) without waiting for it.
 * @example const s = spawnServer(dir, { SEED_DEMO: '1', DEMO_PEOPLE: '50' }); await waitHealthy(s);
 */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: '0', LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent', MFA_REQUIRED: '0',
      // On DATABASE_URL the sign-in throttle counts in the shared test database, where other files' requests from the same
      // address land too (auth/throttle-store.ts): these servers test processes, not the throttle.
      LOGIN_RATE_LIMIT: '100000', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, baseUrl: `http://127.0.0.1:${port}`, stderr: () => stderr, exited };
}

/** Resolves once the server answers /api/health. @throws Error when it exits first or takes too long. */
export async function waitHealthy(s: ServerProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (s.child.exitCode !== null) throw new Error(`server exited with ${s.child.exitCode}: ${s.stderr()}`);
    try {
      if ((await fetch(`${s.baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become healthy in time: ${s.stderr()}`);
}

/** Kills the server (SIGKILL: as a crash or `kill -9`) and waits until it is gone. */
export async function killServer(s: ServerProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill(signal);
  await s.exited;
}

/** Signs in and returns the session cookie. */
export async function signIn(s: ServerProcess, username: string, password: string): Promise<string> {
  const res = await fetch(`${s.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/**
 * Sends `count` requests `lanes` at a time and kills the server with SIGKILL right after the `killAfter`-th answer,
 * while other requests are in flight: what `kill -9` in the middle of a write leaves behind.
 * @example await killMidway(server, ids.length, (i) => post(`/dossiers/${ids[i]}/transitions`, …));
 */
export async function killMidway(s: ServerProcess, count: number, send: (i: number) => Promise<unknown>, opts: { lanes?: number; killAfter?: number } = {}): Promise<void> {
  const lanes = opts.lanes ?? 4;
  const killAfter = opts.killAfter ?? 8;
  let answered = 0;
  await new Promise<void>((resolve) => {
    const next = async (i: number): Promise<void> => {
      if (i >= count) return;
      try {
        await send(i);
        if (++answered === killAfter) { await killServer(s); resolve(); }
      } catch {
        resolve(); // the server is gone
        return;
      }
      await next(i + lanes);
    };
    for (let k = 0; k < lanes; k++) void next(k);
  });
  await killServer(s);
}

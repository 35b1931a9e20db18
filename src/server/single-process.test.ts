import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, killServer, spawnServer, waitHealthy } from '../../tests/support/server-process.ts';
import { lockFileOf } from './data-dir-lock.ts';

const root = mkdtempSync(join(tmpdir(), 'vinhdanh-single-'));
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await killServer(s);
  rmSync(root, { recursive: true, force: true });
});

describe('one server per embedded database', () => {
  it('a second server on a running server’s DATA_DIR exits non-zero saying who holds it; the first keeps serving', async () => {
    const dataDir = join(root, 'data');
    const first = await spawnServer(dataDir);
    servers.push(first);
    await waitHealthy(first);
    expect(JSON.parse(readFileSync(lockFileOf(dataDir), 'utf8')).pid).toBe(first.child.pid);

    const second = await spawnServer(dataDir);
    servers.push(second);
    const code = await Promise.race([second.exited, new Promise((r) => setTimeout(() => r('still running'), 120_000))]);
    expect(code).toBe(1);
    expect(second.stderr()).toContain(`pid ${first.child.pid}`);
    expect(second.stderr()).toMatch(/đang được một tiến trình khác sử dụng/);
    expect(second.stderr()).toMatch(/in use by another process/);
    expect(second.stderr()).toContain(`kill ${first.child.pid}`);

    const health = await fetch(`${first.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });

    // Stopped normally, the server gives the directory back.
    await killServer(first, 'SIGTERM');
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPeopleFile } from '../../../bench/import.ts';
import { type ServerProcess, killServer, signIn, spawnServer, waitHealthy } from '../../../tests/support/server-process.ts';
import type { JobView } from './test-helpers.ts';
import { XLSX_TYPE } from './template.ts';

// A real server killed (SIGKILL) while it writes an import, then started again on the same data directory.
const ROWS = 30_000;
const root = mkdtempSync(join(tmpdir(), 'vinhdanh-interrupted-'));
const dataDir = join(root, 'data');
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await killServer(s);
  rmSync(root, { recursive: true, force: true });
});

async function start(): Promise<ServerProcess> {
  const s = await spawnServer(dataDir, { SEED_DEMO: '1', DEMO_PEOPLE: '40' });
  servers.push(s);
  await waitHealthy(s);
  return s;
}

const api = (s: ServerProcess, cookie: string, path: string, init: RequestInit = {}) =>
  fetch(`${s.baseUrl}/api/v1${path}`, { ...init, headers: { cookie, 'accept-language': 'vi', ...(init.headers ?? {}) } });

async function jobOf(s: ServerProcess, cookie: string, id: number, timeoutMs?: number): Promise<JobView | null> {
  try {
    const res = await api(s, cookie, `/imports/${id}`, timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {});
    return (await res.json()) as JobView;
  } catch {
    return null; // no answer in time: the server is busy in the apply's transaction
  }
}

/** Units active on 1 Jan 2024 (the file's employment start) that the board specialist may import into. */
async function unitCodes(s: ServerProcess, cookie: string): Promise<string[]> {
  const tree = (await (await api(s, cookie, '/org/tree')).json()) as { units: { code: string; establishedOn: string; dissolvedOn: string | null }[] };
  return tree.units.filter((u) => u.establishedOn <= '2024-01-01' && !u.dissolvedOn).map((u) => u.code).slice(0, 20);
}

describe('an import interrupted while it is written', () => {
  it('is given back at restart as validated, saying nothing was written, and applies again', async () => {
    const first = await start();
    const cookie = await signIn(first, 'chuyenvien', 'VinhDanh@2026');
    const file = await buildPeopleFile(ROWS, await unitCodes(first, cookie));
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)], { type: XLSX_TYPE }), 'nhap-30000.xlsx');
    const uploaded = (await (await api(first, cookie, '/imports/people', { method: 'POST', body: form })).json()) as JobView;
    let job = uploaded;
    while (job.status === 'parsing') {
      await new Promise((r) => setTimeout(r, 500));
      job = (await jobOf(first, cookie, uploaded.id)) as JobView;
    }
    expect(job).toMatchObject({ status: 'validated', errorCount: 0, counts: { create: ROWS } });

    // Apply, and kill the server once the job is `applying` (or once it stops answering: busy in the transaction).
    void api(first, cookie, `/imports/${job.id}/apply`, { method: 'POST' }).catch(() => undefined);
    for (let seen = false; !seen; ) {
      const now = await jobOf(first, cookie, job.id, 1500);
      expect(now?.status, 'the apply finished before the server could be killed: use a bigger file').not.toBe('applied');
      seen = now === null || now.status === 'applying';
    }
    await killServer(first);

    const second = await start();
    const after = (await jobOf(second, cookie, job.id)) as JobView;
    expect(after.status).toBe('validated');
    expect(Date.parse(after.interrupted?.at ?? '')).toBeGreaterThan(Date.parse(job.createdAt));

    const applied = await api(second, cookie, `/imports/${job.id}/apply`, { method: 'POST' });
    expect(applied.status).toBe(200);
    // Every row is created again: the interrupted write left nothing behind.
    expect(await applied.json()).toMatchObject({ status: 'applied', created: ROWS, updated: 0 });
    expect((await jobOf(second, cookie, job.id))?.interrupted).toBeNull();

    // Applying twice says why it cannot.
    const again = await api(second, cookie, `/imports/${job.id}/apply`, { method: 'POST' });
    expect(again.status).toBe(409);
    const body = (await again.json()) as { error: { code: string; message: string; details: { status: string } } };
    expect(body.error).toMatchObject({ code: 'IMPORT_STATE', details: { status: 'applied' } });
    expect(body.error.message).toMatch(/đã được ghi trước đó/);
  }, 600_000);
});

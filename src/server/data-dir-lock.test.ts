import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, lockFileOf } from './data-dir-lock.ts';
import { openPglite } from './db.ts';

const holderScript = fileURLToPath(new URL('../../tests/support/lock-holder.ts', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/vinhdanh.js', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'vinhdanh-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `data${++n}`);

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Starts a process that holds the lock on `dir`; resolves once it does, with its pid. */
function holdInAnotherProcess(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [holderScript, dir, 'hold'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().startsWith('locked') && resolve(child));
    child.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
}

const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.on('exit', r)));

/** A pid no process has any more. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('one process per embedded database', () => {
  it('refuses a second opener, saying in Vietnamese and English who holds the directory and how to stop it', async () => {
    const dir = freshDir();
    const holder = await holdInAnotherProcess(dir);
    const lock = JSON.parse(readFileSync(lockFileOf(dir), 'utf8'));
    expect(lock).toMatchObject({ pid: holder.pid, host: hostname(), command: 'lock-holder hold', startedAt: expect.any(String) });
    const error = await openPglite(dir).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirLockedError);
    const message = (error as Error).message;
    expect(message).toContain(`pid ${holder.pid}`);
    expect(message).toContain(hostname());
    expect(message).toContain('lock-holder hold');
    expect(message).toContain(lock.startedAt);
    expect(message).toContain(`kill ${holder.pid}`);
    expect(message).toMatch(/đang được một tiến trình khác sử dụng/);
    expect(message).toMatch(/in use by another process/);
  });

  it('takes over the lock of a process that was killed, and releases it on close', async () => {
    const dir = freshDir();
    const holder = await holdInAnotherProcess(dir);
    holder.kill('SIGKILL');
    await exited(holder);
    const db = await openPglite(dir);
    expect(JSON.parse(readFileSync(lockFileOf(dir), 'utf8')).pid).toBe(process.pid);
    await db.close();
    expect(existsSync(lockFileOf(dir))).toBe(false);
    // …and the directory opens again afterwards, in this process or another.
    await (await openPglite(dir)).close();
  });

  it('takes no lock in memory; one process cannot open a directory twice either', async () => {
    const a = await openPglite(null);
    const b = await openPglite(null);
    await Promise.all([a.close(), b.close()]);
    const dir = freshDir();
    const lock = lockDataDir(dir, 'test');
    expect(() => lockDataDir(dir, 'test again')).toThrow(DataDirLockedError);
    lock.release();
    lockDataDir(dir, 'test again').release();
  });

  it('never takes over a lock held on another host, and says what to do if that process is gone', () => {
    const dir = freshDir();
    writeFileSync(lockFileOf(dir), JSON.stringify({ pid: deadPid(), host: 'may-chu-khac', command: 'src/server/main.ts', startedAt: '2026-12-01T08:00:00.000Z' }));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    try {
      lockDataDir(dir);
    } catch (error) {
      expect((error as Error).message).toContain('may-chu-khac');
      expect((error as Error).message).toContain(`delete ${lockFileOf(dir)}`);
    }
  });

  it('judges a lock stale when its pid is gone or now belongs to a process started later (pid reuse, reboot)', () => {
    const dir = freshDir();
    const stale = (extra: object) => writeFileSync(lockFileOf(dir), JSON.stringify({ host: hostname(), command: 'x', startedAt: new Date().toISOString(), ...extra }));
    stale({ pid: deadPid() });
    lockDataDir(dir).release();
    // The parent of this test runs, but it is not the process that wrote the lock (another start time).
    stale({ pid: process.ppid, processStart: '1' });
    if (existsSync('/proc/self/stat')) lockDataDir(dir).release();
    stale({ pid: process.ppid, bootId: 'an-earlier-boot' });
    if (existsSync('/proc/sys/kernel/random/boot_id')) lockDataDir(dir).release();
    // A live process with no start time recorded is taken at its word.
    stale({ pid: process.ppid });
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it('lets exactly one of several processes take over the same stale lock at once', async () => {
    const dir = freshDir();
    writeFileSync(lockFileOf(dir), JSON.stringify({ pid: deadPid(), host: hostname(), command: 'killed', startedAt: new Date().toISOString() }));
    const racers = Array.from({ length: 6 }, () => spawn(process.execPath, [holderScript, dir, 'try', '4000'], { stdio: ['ignore', 'pipe', 'inherit'] }));
    children.push(...racers);
    const outputs = await Promise.all(racers.map((c) => new Promise<string>((resolve) => {
      let out = '';
      c.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      c.on('exit', () => resolve(out.trim()));
    })));
    expect(outputs.filter((o) => o === 'won')).toHaveLength(1);
    expect(outputs.filter((o) => o === 'lost')).toHaveLength(5);
  });

  it('every CLI command that opens the embedded database refuses while another process holds it', async () => {
    const dir = freshDir();
    const holder = await holdInAnotherProcess(dir);
    for (const command of [['migrate'], ['audit-verify'], ['seed', '--people', '10'], ['create-admin', '--generate'], ['backup', join(root, 'never.tar')]]) {
      const r = spawnSync(process.execPath, [bin, ...command], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir } });
      expect(r.status, `${command[0]}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toContain(`pid ${holder.pid}`);
      expect(r.stderr).toMatch(/in use by another process/);
      expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
      if (command[0] === 'backup') expect(r.stderr).toContain('POST /api/v1/admin/backup');
    }
    expect(existsSync(join(root, 'never.tar'))).toBe(false);
  });
});

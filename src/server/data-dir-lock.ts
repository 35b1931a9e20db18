import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * One process per embedded database. PGlite does not notice a second process opening the same data directory:
 * both run, hand out the same ids and lose each other's writes. So every opener takes this lock first.
 *
 * The lock is a file next to the data directory (`./data` → `./data.lock`), not inside it: a backup
 * (`dumpDataDir`) would otherwise carry the running server's lock into every restore, and a restore that renames
 * the old directory aside would move the lock away with it.
 */

/** Who holds a data directory: what the lock file says. */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
  /** Linux: the boot the process runs in and its start time in clock ticks, so a reused pid is not taken for it. */
  bootId?: string | null;
  processStart?: string | null;
}

/** A lock this process holds; `release` is idempotent. */
export interface DataDirLock {
  readonly dataDir: string;
  readonly file: string;
  release(): void;
}

/** Refusal to open a data directory another live process holds; the message says who and how to stop it (vi + en). */
export class DataDirLockedError extends Error {
  readonly dataDir: string;
  readonly file: string;
  readonly holder: LockHolder | null;
  constructor(dataDir: string, file: string, holder: LockHolder | null) {
    super(lockedMessage(dataDir, file, holder));
    this.name = 'DataDirLockedError';
    this.dataDir = dataDir;
    this.file = file;
    this.holder = holder;
  }
}

function lockedMessage(dataDir: string, file: string, h: LockHolder | null): string {
  if (!h) {
    return [
      `Thư mục dữ liệu ${dataDir} đang bị khóa nhưng không đọc được tệp khóa ${file}. Nếu không còn tiến trình vinhdanh nào dùng thư mục này, hãy xóa tệp đó.`,
      `The data directory ${dataDir} is locked but its lock file ${file} cannot be read. If no vinhdanh process uses the directory, delete that file.`,
    ].join('\n');
  }
  const sameHost = h.host === hostname();
  const who = `pid ${h.pid}, ${h.host}, "${h.command}", ${h.startedAt}`;
  const stopVi = sameHost
    ? `Hãy dừng tiến trình đó (Ctrl+C trong cửa sổ đang chạy nó, hoặc \`kill ${h.pid}\`) rồi chạy lại.`
    : `Tiến trình đó chạy trên máy khác (${h.host}); hãy dừng nó ở máy đó. Nếu chắc chắn nó không còn chạy, hãy xóa tệp ${file}.`;
  const stopEn = sameHost
    ? `Stop it (Ctrl+C where it runs, or \`kill ${h.pid}\`) and try again.`
    : `It runs on another machine (${h.host}); stop it there. If you are sure it is no longer running, delete ${file}.`;
  return [
    `Thư mục dữ liệu ${dataDir} đang được một tiến trình khác sử dụng (${who}). Mỗi cơ sở dữ liệu nhúng chỉ cho phép một tiến trình. ${stopVi}`,
    `The data directory ${dataDir} is in use by another process (${who}). An embedded database allows one process only. ${stopEn}`,
  ].join('\n');
}

/** The lock file of a data directory: a sibling named after it. */
export function lockFileOf(dataDir: string): string {
  const dir = resolve(dataDir);
  return join(dirname(dir), `${basename(dir)}.lock`);
}

function readOr(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Field 22 of /proc/PID/stat (start time since boot), or null off Linux or when the process is gone. */
function processStartOf(pid: number): string | null {
  const stat = readOr(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing parenthesis.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

const BOOT_ID = readOr('/proc/sys/kernel/random/boot_id');

function readHolder(file: string): LockHolder | null {
  const text = readOr(file);
  if (!text) return null;
  try {
    const h = JSON.parse(text) as LockHolder;
    return Number.isInteger(h.pid) && typeof h.host === 'string' ? h : null;
  } catch {
    return null;
  }
}

/** Locks this process holds, by lock file: a second open inside one process is refused too. */
const held = new Map<string, LockHolder>();

/**
 * Whether the holder certainly no longer runs: only provable on this host (its pid is gone, was reused by a
 * process started later, or the machine rebooted since). A holder on another host is assumed alive.
 */
function isStale(h: LockHolder, file: string): boolean {
  if (h.host !== hostname()) return false;
  if (h.bootId && BOOT_ID && h.bootId !== BOOT_ID) return true;
  if (h.pid === process.pid) return !held.has(file);
  try {
    process.kill(h.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const start = processStartOf(h.pid);
  return Boolean(h.processStart && start && start !== h.processStart);
}

/** Creates `file` holding `content`, atomically: it appears complete or not at all (link fails when it exists). */
function createExclusive(file: string, content: string): boolean {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, content, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    // E.g. DATA_DIR is a mount point in a read-only parent: say what to change rather than fail with a stack.
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`Không tạo được tệp khóa ${file} (${code}): thư mục chứa DATA_DIR phải ghi được. / Cannot create the lock file ${file} (${code}): the directory that holds DATA_DIR must be writable (or point DATA_DIR one level down).`);
  }
  try {
    linkSync(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(tmp);
  }
}

/** A takeover left behind by a process killed in the middle of one (a few statements) is void after this long. */
const TAKEOVER_STALE_MS = 30_000;

/**
 * Replaces a stale lock. Takeovers are serialised by a second lock file, so two processes that both found the
 * same stale lock cannot both remove it: the second would otherwise delete the first's fresh lock. Inside,
 * the lock is read again; nobody else removes it meanwhile (its holder is dead and other takers wait), and a
 * process that creates it in the gap after the unlink simply wins (our link then fails).
 */
function takeOver(file: string, stale: LockHolder, content: string): boolean {
  const guard = `${file}.takeover`;
  try {
    if (Date.now() - statSync(guard).mtimeMs > TAKEOVER_STALE_MS) unlinkSync(guard);
  } catch {
    // no takeover in progress
  }
  if (!createExclusive(guard, String(process.pid))) return false;
  try {
    const now = readHolder(file);
    if (now && (now.pid !== stale.pid || now.startedAt !== stale.startedAt || now.host !== stale.host)) return false;
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
    return createExclusive(file, content);
  } finally {
    unlinkSync(guard);
  }
}

/**
 * Takes the exclusive lock on an embedded database's data directory for this process; released by `release()`
 * or when the process exits. A lock left by a process that no longer runs on this host is taken over.
 * @throws DataDirLockedError when another live process (or this one) holds it.
 * @example const lock = lockDataDir('./data', 'vinhdanh seed'); try { … } finally { lock.release(); }
 */
export function lockDataDir(dataDir: string, command = commandLine()): DataDirLock {
  const file = lockFileOf(dataDir);
  const shown = resolve(dataDir);
  const mine: LockHolder = { pid: process.pid, host: hostname(), command, startedAt: new Date().toISOString(), bootId: BOOT_ID, processStart: processStartOf(process.pid) };
  const content = `${JSON.stringify(mine)}\n`;
  if (held.has(file)) throw new DataDirLockedError(shown, file, held.get(file) ?? null);
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(file, content)) return holdLock(shown, file, mine);
    const holder = readHolder(file);
    // Unreadable: a lock being written by a process that does not use link() (an older version). Look again.
    if (!holder) continue;
    if (!isStale(holder, file)) throw new DataDirLockedError(shown, file, holder);
    if (takeOver(file, holder, content)) return holdLock(shown, file, mine);
  }
  throw new DataDirLockedError(shown, file, readHolder(file));
}

function holdLock(dataDir: string, file: string, mine: LockHolder): DataDirLock {
  held.set(file, mine);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(file);
    process.off('exit', release);
    // Remove it only while it is still ours (never a lock another process took over after a stale judgement).
    const now = readHolder(file);
    if (now && now.pid === mine.pid && now.startedAt === mine.startedAt && now.host === mine.host) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', release);
  return { dataDir, file, release };
}

/** What this process was started as, for the lock message ("vinhdanh seed --people 150", "src/server/main.ts"). */
function commandLine(): string {
  const [script = 'node', ...args] = process.argv.slice(1);
  const name = /vinhdanh\.(ts|js)$/.test(script) ? 'vinhdanh' : script.replace(`${process.cwd()}/`, '');
  return [name, ...args].join(' ').slice(0, 200);
}

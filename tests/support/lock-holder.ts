// A separate process for the data-directory lock tests (src/server/data-dir-lock.test.ts):
//   node lock-holder.ts DIR hold        takes the lock, prints "locked PID", keeps it until killed
//   node lock-holder.ts DIR try MS      tries once, prints "won" (then holds it MS ms) or "lost"
import { DataDirLockedError, lockDataDir } from '../../src/server/data-dir-lock.ts';

const [dir, mode, ms] = process.argv.slice(2);
try {
  lockDataDir(dir, `lock-holder ${mode}`);
  process.stdout.write(mode === 'hold' ? `locked ${process.pid}\n` : 'won\n');
  setTimeout(() => process.exit(0), mode === 'hold' ? 600_000 : Number(ms));
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stdout.write('lost\n');
}

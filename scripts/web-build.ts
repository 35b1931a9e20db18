import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the web app when web/dist is missing or older than its sources (web/ and src/shared/). */
export function buildWebIfStale(): void {
  const index = join(root, 'web/dist/index.html');
  if (!existsSync(join(root, 'web/index.html'))) return;
  const sources = Math.max(newestMtime(join(root, 'web/src')), newestMtime(join(root, 'src/shared')), statSync(join(root, 'web/index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  process.stdout.write('Đang dựng giao diện web (building the web app)…\n');
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('web build failed');
}

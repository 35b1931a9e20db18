import { spawn } from 'node:child_process';
import { AppError } from '../../shared/errors.ts';

/**
 * PostgreSQL's own `pg_dump` / `pg_restore`, run as child processes. The password goes through PGPASSWORD,
 * not the command line (where `ps` would show it).
 */

/** The connection URL without its password, and the environment that carries the password. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env };
}

/**
 * Runs `tool args… --dbname URL`; resolves when it exits 0.
 * @throws AppError BACKUP_UNAVAILABLE when the tool is not on PATH or fails (details: tool, reason — its stderr).
 */
export function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  const { dbname, env } = connection(url);
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, '--dbname', dbname], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'ENOENT'
        ? `${tool} is not on PATH; install the PostgreSQL client tools of the server's version (Debian/Ubuntu: apt-get install postgresql-client)`
        : error.message;
      reject(new AppError('BACKUP_UNAVAILABLE', { tool, reason }));
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new AppError('BACKUP_UNAVAILABLE', { tool, reason: stderr.trim() || `exit code ${code}` }));
    });
  });
}

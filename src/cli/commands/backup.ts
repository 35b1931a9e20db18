import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultBackupName, takeBackup, writeBackupFile } from '../../modules/backup/take.ts';
import { DataDirLockedError } from '../../server/data-dir-lock.ts';
import { AppError } from '../../shared/errors.ts';
import { errorMessage } from '../../shared/i18n/messages.ts';
import type { Command } from '../command.ts';
import { withDb } from '../context.ts';

/** What to do when the server has the embedded database open: back it up through the server. */
function serverHint(port: number): string[] {
  const url = `http://localhost:${port}`;
  return [
    'Máy chủ đang mở cơ sở dữ liệu nhúng: hãy sao lưu qua máy chủ — đăng nhập bằng tài khoản quản trị hệ thống rồi gọi POST /api/v1/admin/backup, ví dụ:',
    'The server has the embedded database open: back it up through the server — sign in as a system administrator and call POST /api/v1/admin/backup, e.g.:',
    `  curl -c jar -H 'content-type: application/json' -d '{"username":"admin","password":"…"}' ${url}/api/v1/auth/login`,
    `  curl -b jar -X POST -o ${defaultBackupName()} ${url}/api/v1/admin/backup`,
  ];
}

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup [FILE.tar] [--force]',
  summary: 'Sao lưu toàn bộ cơ sở dữ liệu vào một tệp (back up the whole database: PGlite data directory or pg_dump -Fc, with a manifest)',
  booleans: ['force'],
  async run(args, ctx) {
    const file = resolve(args.positional[0] ?? defaultBackupName());
    if (existsSync(file) && args.options.get('force') !== true) {
      ctx.err(`backup: ${file} đã tồn tại; không ghi đè (dùng --force). / ${file} exists; not overwriting it (use --force).`);
      return 1;
    }
    try {
      return await withDb(ctx, async (db) => {
        const backup = await takeBackup(db, ctx.config.databaseUrl);
        try {
          await writeBackupFile(backup, file, { replace: args.options.get('force') === true });
        } finally {
          await backup.cleanup();
        }
        const m = backup.manifest;
        const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
        ctx.out(`backup: ${file} (${m.engine}, ${(m.payload.size / 1_048_576).toFixed(1)} MB, ${Object.keys(m.tables).length} tables, ${rows} rows)`);
        ctx.out(`  migration ${m.migrations.latest ?? '-'}, audit log ${m.audit.rows} entries, last id ${m.audit.lastId ?? '-'} hash ${m.audit.lastHash ?? '-'}`);
        return 0;
      });
    } catch (error) {
      if (error instanceof AppError) {
        ctx.err(`backup: ${errorMessage(error.code, error.details, 'vi')}\n${errorMessage(error.code, error.details, 'en')}`);
        return 1;
      }
      if (!(error instanceof DataDirLockedError)) throw error;
      ctx.err(`backup: ${error.message}`);
      for (const line of serverHint(ctx.config.port)) ctx.err(line);
      return 1;
    }
  },
};

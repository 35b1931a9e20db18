import { resolve } from 'node:path';
import { describeBreak } from './audit-verify.ts';
import { BackupError, restoreBackup } from '../../modules/backup/restore.ts';
import { AppError } from '../../shared/errors.ts';
import { errorMessage } from '../../shared/i18n/messages.ts';
import type { Command } from '../command.ts';

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore FILE.tar [--force]',
  summary: 'Khôi phục từ tệp sao lưu rồi kiểm tra với manifest và chuỗi nhật ký (restore a backup, then check counts and the audit chain); --force replaces existing data (PGlite: kept aside, renamed)',
  booleans: ['force'],
  async run(args, ctx) {
    const file = args.positional[0];
    if (!file) {
      ctx.err('restore: give the backup file / hãy chỉ ra tệp sao lưu');
      return 2;
    }
    try {
      const r = await restoreBackup(resolve(file), { databaseUrl: ctx.config.databaseUrl, dataDir: ctx.config.dataDir }, { force: args.options.get('force') === true });
      if (r.keptAside) ctx.out(`restore: dữ liệu cũ được giữ ở (old data kept at) ${r.keptAside}`);
      ctx.out(`restore: ${r.manifest.engine} backup of ${r.manifest.createdAt} (vinhdanh ${r.manifest.appVersion}, migration ${r.manifest.migrations.latest ?? '-'})`);
      for (const [name, n] of Object.entries(r.found.tables)) ctx.out(`  ${name.padEnd(32)} ${String(n).padStart(10)}${r.manifest.tables[name] === n ? '' : `  (backup: ${r.manifest.tables[name] ?? 'none'})`}`);
      ctx.out(`  audit chain: ${r.chain.checked} entries, last id ${r.chain.lastId ?? '-'} hash ${r.chain.lastHash ?? '-'}`);
      if (r.ok) {
        ctx.out('restore: ok — counts and the audit chain match the backup / số liệu và chuỗi nhật ký khớp bản sao lưu');
        return 0;
      }
      ctx.err('restore: MISMATCH — the restored database differs from the backup / dữ liệu khôi phục không khớp bản sao lưu:');
      for (const p of r.problems) ctx.err(`  ${p}`);
      for (const b of r.chain.breaks.slice(0, 20)) ctx.err(describeBreak(b));
      if (r.keptAside) ctx.err(`  to go back: stop the server, then mv ${r.keptAside} ${resolve(ctx.config.dataDir)} (after moving the restored one away)`);
      return 1;
    } catch (error) {
      if (error instanceof BackupError) ctx.err(`restore: ${error.message}`);
      else if (error instanceof AppError) ctx.err(`restore: ${errorMessage(error.code, error.details, 'vi')}\n${errorMessage(error.code, error.details, 'en')}`);
      else throw error;
      return 1;
    }
  },
};

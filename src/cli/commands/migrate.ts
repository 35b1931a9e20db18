import { migrate } from '../../server/migrate.ts';
import type { Command } from '../command.ts';
import { withDb } from '../context.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'migrate',
  summary: 'Áp dụng các migration còn thiếu (apply pending migrations)',
  run: (_args, ctx) =>
    withDb(ctx, async (db) => {
      const applied = await migrate(db);
      ctx.out(applied.length ? `migrate: applied ${applied.length}: ${applied.join(', ')}` : 'migrate: up to date');
      return 0;
    }),
};

import { DataDirLockedError } from '../server/data-dir-lock.ts';
import '../server/wiring.ts';
import { parseArgs } from './args.ts';
import type { Command } from './command.ts';
import { auditVerifyCommand } from './commands/audit-verify.ts';
import { backupCommand } from './commands/backup.ts';
import { checkCommand } from './commands/check.ts';
import { createAdminCommand } from './commands/create-admin.ts';
import { migrateCommand } from './commands/migrate.ts';
import { restoreCommand } from './commands/restore.ts';
import { seedCommand } from './commands/seed.ts';
import { sampleDocumentsCommand } from './commands/sample-documents.ts';
import type { CliContext } from './context.ts';

/** Every command of `vinhdanh`; to add one, write a `Command` and list it here. */
export const COMMANDS: Command[] = [seedCommand, createAdminCommand, auditVerifyCommand, migrateCommand, backupCommand, restoreCommand, checkCommand, sampleDocumentsCommand];

function help(ctx: CliContext): void {
  ctx.out('Cách dùng (usage): vinhdanh <command> [options]');
  ctx.out('');
  for (const c of COMMANDS) ctx.out(`  ${c.usage}\n      ${c.summary}`);
  ctx.out('');
  ctx.out('Database: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded PGlite, default ./data).');
}

/**
 * Runs one command line and returns the exit code (0 ok, 1 failure, 2 usage error).
 * @example process.exitCode = await runCli(['audit-verify'], processContext());
 */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help(ctx);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    ctx.err(`vinhdanh: unknown command "${name}"`);
    help(ctx);
    return 2;
  }
  try {
    return await command.run(parseArgs(rest, command.booleans), ctx);
  } catch (error) {
    // Another process has the embedded database open: its message says who and how to stop it, no stack needed.
    if (error instanceof DataDirLockedError) ctx.err(`${name}: ${error.message}`);
    else ctx.err(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

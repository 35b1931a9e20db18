import { runCli } from '../../cli/cli.ts';
import type { CliContext } from '../../cli/context.ts';
import { loadConfig } from '../../server/config.ts';
import { type Db, openDatabase } from '../../server/db.ts';
import { type ChainReport, verifyAuditChain } from '../audit/audit.ts';
import { type DatabaseFacts, describeDatabase } from './manifest.ts';

/** Runs `vinhdanh ARGS` in this process as a user would (it opens and closes the database itself), capturing its lines. */
export async function vinhdanh(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const config = loadConfig(env);
  const ctx: CliContext = {
    config, out: (l) => lines.push(l), err: (l) => lines.push(l), interactive: false,
    readHidden: async () => '', openDb: () => openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }), ownsDb: true,
  };
  const code = await runCli(args, ctx);
  return { code, out: lines.join('\n') };
}

/** What a backup must preserve: every table's count, the migration level and the audit chain (read from the heap). */
export async function factsOf(db: Db): Promise<{ facts: DatabaseFacts; chain: ChainReport }> {
  return { facts: await db.tx((q) => describeDatabase(q)), chain: await verifyAuditChain(db) };
}

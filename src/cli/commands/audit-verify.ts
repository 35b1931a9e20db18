import { verifyAuditChain } from '../../modules/audit/audit.ts';
import type { Command } from '../command.ts';
import { withDb } from '../context.ts';

export const auditVerifyCommand: Command = {
  name: 'audit-verify',
  usage: 'audit-verify',
  summary: 'Kiểm tra chuỗi băm của nhật ký (verify the audit log hash chain); exit 1 when broken',
  run: (_args, ctx) =>
    withDb(ctx, async (db) => {
      const report = await verifyAuditChain(db);
      if (report.ok) {
        ctx.out(`audit-verify: ok, ${report.checked} entries`);
        return 0;
      }
      ctx.err(`audit-verify: BROKEN at audit_log id ${report.brokenAt?.id} (${report.brokenAt?.reason} mismatch) after ${report.checked} valid entries`);
      return 1;
    }),
};

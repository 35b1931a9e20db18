import { type ChainBreak, type ChainReport, verifyAuditChain } from '../../modules/audit/audit.ts';
import type { Command } from '../command.ts';
import { withDb } from '../context.ts';

const KIND_TEXT: Record<ChainBreak['kind'], string> = {
  hash: 'nội dung không khớp mã băm (content does not match its hash: altered)',
  prev_hash: 'không nối với dòng trước (not linked to the row before: removed, reordered or forked)',
  duplicate_id: 'trùng mã (duplicate id: two processes wrote it)',
  gap: 'thiếu dòng (rows missing)',
};

/** One line per break, e.g. "  id 42: gap, ids 40–41 missing — thiếu dòng (rows missing)". */
export function describeBreak(b: ChainBreak): string {
  const missing = b.missing ? `, ids ${b.missing.from}${b.missing.to > b.missing.from ? `–${b.missing.to}` : ''} missing` : '';
  return `  id ${b.id}: ${b.kind}${missing} — ${KIND_TEXT[b.kind]}`;
}

/** The report as lines: "ok, N entries" or the first break, then every reported break. */
export function describeReport(report: ChainReport): { ok: boolean; lines: string[] } {
  if (report.ok) return { ok: true, lines: [`audit-verify: ok, ${report.checked} entries`, `  last id ${report.lastId ?? '-'}, hash ${report.lastHash ?? '-'}`] };
  const first = report.brokenAt as ChainBreak;
  const lines = [
    `audit-verify: BROKEN at audit_log id ${first.id} (${first.kind}); ${report.breakCount} break(s) in ${report.checked} entries — nhật ký bị hỏng`,
    ...report.breaks.map(describeBreak),
  ];
  if (report.breakCount > report.breaks.length) lines.push(`  … ${report.breakCount - report.breaks.length} more`);
  return { ok: false, lines };
}

export const auditVerifyCommand: Command = {
  name: 'audit-verify',
  usage: 'audit-verify',
  summary: 'Kiểm tra chuỗi băm của nhật ký trên toàn bộ bảng (verify the audit log hash chain, ids and duplicates); exit 1 when broken',
  run: (_args, ctx) =>
    withDb(ctx, async (db) => {
      const { ok, lines } = describeReport(await verifyAuditChain(db));
      for (const line of lines) (ok ? ctx.out : ctx.err)(line);
      return ok ? 0 : 1;
    }),
};

import type { Queryable } from '../../server/db.ts';
import { cityTimeZone, wallClockIn } from '../../shared/clock.ts';
import { type AuditFilter, listAudit } from '../audit/query.ts';
import type { Scope } from '../auth/scope.ts';
import { latestUnitNames } from '../org/names.ts';
import { viDate } from './cells.ts';
import type { ColumnSpec } from './columns.ts';
import { MAX_EXPORT_ROWS, streamWorkbook } from './export-xlsx.ts';

const PAGE = 5000;
const col = (key: string, header: string, width: number): ColumnSpec => ({ key, header, width, required: false, kind: 'text', note: '' });
const AUDIT_COLUMNS = [
  col('at', 'Thời điểm (giờ Việt Nam)', 18), col('actor', 'Người thực hiện', 18), col('action', 'Thao tác', 22), col('entity', 'Loại bản ghi', 14),
  col('entityId', 'Mã bản ghi', 10), col('unit', 'Đơn vị', 30), col('before', 'Trước khi thay đổi', 60), col('after', 'Sau khi thay đổi', 60), col('hash', 'Mã băm', 20),
];

export type { AuditFilter as AuditExportFilter } from '../audit/query.ts';

// The instant as the city's wall clock reads it (shared/clock.ts), written as Vietnamese users read dates.
const vnTime = (iso: string) => {
  const { date, time } = wallClockIn(cityTimeZone(), new Date(iso));
  return `${viDate(date)} ${time}`;
};

/**
 * The audit log (newest first, in the reader's scope, filtered) as an .xlsx, paged by id so memory
 * stays flat. Before/after values are written as JSON text.
 */
export function exportAudit(q: Queryable, scope: Scope, f: AuditFilter) {
  return streamWorkbook(AUDIT_COLUMNS, [], async (addRow) => {
    let beforeId: number | undefined;
    for (let written = 0; written < MAX_EXPORT_ROWS;) {
      const rows = await listAudit(q, scope, f, { beforeId, limit: Math.min(PAGE, MAX_EXPORT_ROWS - written) }, latestUnitNames);
      for (const r of rows) {
        addRow([vnTime(r.at), r.actorName, r.action, r.entity, r.entityId, r.unitName, r.before == null ? null : JSON.stringify(r.before), r.after == null ? null : JSON.stringify(r.after), r.hash.slice(0, 16)]);
      }
      written += rows.length;
      if (rows.length < PAGE) return;
      beforeId = rows[rows.length - 1].id;
    }
  });
}

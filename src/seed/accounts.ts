import { type Actor, audit } from '../modules/audit/audit.ts';
import type { Role } from '../modules/auth/roles.ts';
import type { Queryable } from '../server/db.ts';

/** The demo password of every demo account (shown on the first start; never used outside the demo). */
export const DEMO_PASSWORD = 'VinhDanh@2026';

/** One account per role. Other parts of the project (browser tests, README) rely on these usernames. */
export const DEMO_ACCOUNTS: readonly { username: string; displayName: string; role: Role; unitCode: string }[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'system_admin', unitCode: 'HN' },
  { username: 'chuyenvien', displayName: 'Nguyễn Thị Thu Hà (Chuyên viên Ban Thi đua - Khen thưởng)', role: 'board_specialist', unitCode: 'HN' },
  { username: 'truongban', displayName: 'Trần Văn Đức (Trưởng Ban Thi đua - Khen thưởng)', role: 'board_leader', unitCode: 'HN' },
  { username: 'hoidong', displayName: 'Lê Minh Tuấn (Ủy viên Hội đồng Thi đua - Khen thưởng)', role: 'council_member', unitCode: 'HN' },
  { username: 'canbo.badinh', displayName: 'Phạm Thị Hương (Cán bộ thi đua phường Ba Đình)', role: 'unit_officer', unitCode: '00004' },
  { username: 'lanhdao.badinh', displayName: 'Hoàng Đức Thắng (Chủ tịch UBND phường Ba Đình)', role: 'unit_leader', unitCode: '00004' },
  { username: 'xem', displayName: 'Đặng Ngọc Lan (Sở Y tế, chỉ xem)', role: 'viewer', unitCode: 'S14' },
  // The two departments of the 2025 year-end demo (demo-workflow.ts): their emulation officers and directors.
  { username: 'canbo.sotuphap', displayName: 'Bùi Thị Ngọc Anh (Cán bộ thi đua Sở Tư pháp)', role: 'unit_officer', unitCode: 'S04' },
  { username: 'lanhdao.sotuphap', displayName: 'Ngô Văn Hùng (Giám đốc Sở Tư pháp)', role: 'unit_leader', unitCode: 'S04' },
  { username: 'canbo.soyte', displayName: 'Lý Thị Thanh Mai (Cán bộ thi đua Sở Y tế)', role: 'unit_officer', unitCode: 'S14' },
  { username: 'lanhdao.soyte', displayName: 'Trịnh Quốc Bảo (Giám đốc Sở Y tế)', role: 'unit_leader', unitCode: 'S14' },
];

/** Creates the demo accounts (hashes computed beforehand, outside the transaction) with one audit entry each; returns their ids by username. */
export async function writeAccounts(q: Queryable, actor: Actor, unitIds: Map<string, number>, hashes: string[]): Promise<Map<string, number>> {
  const rows = await q.query<{ id: number; username: string }>(
    `insert into app_user (username, display_name, password_hash, must_change_password)
     select u, d, h, false from unnest($1::text[], $2::text[], $3::text[]) as t(u, d, h) returning id, username`,
    [DEMO_ACCOUNTS.map((a) => a.username), DEMO_ACCOUNTS.map((a) => a.displayName), hashes],
  );
  const idOf = new Map(rows.map((r) => [r.username, Number(r.id)]));
  const unit = (code: string) => unitIds.get(code) as number;
  await q.query(
    'insert into user_role (user_id, role, org_unit_id) select * from unnest($1::bigint[], $2::text[], $3::bigint[])',
    [DEMO_ACCOUNTS.map((a) => idOf.get(a.username)), DEMO_ACCOUNTS.map((a) => a.role), DEMO_ACCOUNTS.map((a) => unit(a.unitCode))],
  );
  await audit(q, actor, DEMO_ACCOUNTS.map((a) => ({
    action: 'user.create', entity: 'app_user', entityId: idOf.get(a.username) as number, orgUnitId: unit(a.unitCode), before: null,
    after: { username: a.username, displayName: a.displayName, disabled: false, roles: [{ role: a.role, orgUnitId: unit(a.unitCode) }], version: 1 },
  })));
  return idOf;
}

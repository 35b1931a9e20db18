import type { Queryable } from '../../server/db.ts';
import type { Role } from '../auth/roles.ts';
import type { Scope } from '../auth/scope.ts';
import { listUsers } from '../auth/users.ts';
import type { ColumnSpec } from './columns.ts';
import { streamWorkbook } from './export-xlsx.ts';

/** Vietnamese names of the roles, for the users export. */
export const ROLE_LABELS: Record<Role, string> = {
  system_admin: 'Quản trị hệ thống',
  board_specialist: 'Chuyên viên Ban Thi đua - Khen thưởng',
  board_leader: 'Lãnh đạo Ban Thi đua - Khen thưởng',
  council_member: 'Thành viên Hội đồng Thi đua - Khen thưởng',
  unit_officer: 'Cán bộ làm công tác thi đua, khen thưởng',
  unit_leader: 'Lãnh đạo đơn vị',
  viewer: 'Người xem',
};

const USER_COLUMNS: ColumnSpec[] = [
  { key: 'username', header: 'Tên đăng nhập', width: 20, required: true, kind: 'text', note: '' },
  { key: 'displayName', header: 'Tên hiển thị', width: 30, required: true, kind: 'text', note: '' },
  { key: 'roles', header: 'Vai trò và đơn vị', width: 70, required: false, kind: 'text', note: '' },
  { key: 'status', header: 'Trạng thái', width: 16, required: false, kind: 'text', note: '' },
  { key: 'lastLoginAt', header: 'Đăng nhập gần nhất', width: 20, required: false, kind: 'text', note: '' },
];

/** User accounts the actor administers, with roles and status. */
export async function exportUsers(q: Queryable, scope: Scope) {
  const users = await listUsers(q, scope);
  return streamWorkbook(USER_COLUMNS, [], async (add) => {
    for (const u of users) {
      const status = u.disabled ? 'Vô hiệu hóa' : u.locked ? 'Tạm khóa' : 'Hoạt động';
      add([u.username, u.displayName, u.roles.map((r) => `${ROLE_LABELS[r.role]} — ${r.orgUnitName}`).join('; '), status, u.lastLoginAt ? u.lastLoginAt.slice(0, 16).replace('T', ' ') : null]);
    }
  });
}

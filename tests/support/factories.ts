import type { Db } from '../../src/server/db.ts';
import { SYSTEM_ACTOR, audit } from '../../src/modules/audit/audit.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import type { Role } from '../../src/modules/auth/roles.ts';
import { createSession } from '../../src/modules/auth/sessions.ts';
import { insertEvent, insertUnit } from '../../src/modules/org/repo.ts';
import type { UnitKind } from '../../src/modules/org/types.ts';
import { nameColumns } from '../../src/modules/people/derive.ts';
import { insertEmployment } from '../../src/modules/people/repo.ts';
import { CCCD_PROVINCE_CODES, cccdPrefix } from '../../src/shared/cccd.ts';
import { randomInt } from 'node:crypto';

let counter = 0;
const unique = () => `${process.pid % 1000}${Date.now() % 100000}${++counter}`;

/** A unique, valid unit code. */
export const uniqueCode = (prefix = 'T') => `${prefix}${unique()}`;

// Test files of a run share one PostgreSQL database, so their CCCDs must not collide: a CCCD has only 6 free digits
// per province, gender and birth year. Each test process takes a province and a random starting number, then counts
// up, so two processes collide only if they drew the same province and overlapping runs of numbers.
const PROVINCES = [...CCCD_PROVINCE_CODES].sort();
const cccdProvince = PROVINCES[randomInt(PROVINCES.length)];
let cccdNext = randomInt(1_000_000);

/** A unique, valid CCCD for a gender and birth year. */
export function uniqueCccd(gender: 'female' | 'male' = 'male', birthYear = 1985): string {
  cccdNext = (cccdNext + 1) % 1_000_000;
  return `${cccdPrefix(cccdProvince, gender, birthYear)}${String(cccdNext).padStart(6, '0')}`;
}

/** Creates a unit (with a fresh top unit as parent when none is given). */
export async function makeUnit(db: Db, opts: { parentId?: number | null; name?: string; kind?: UnitKind; establishedOn?: string; code?: string } = {}): Promise<number> {
  return db.tx(async (q) => {
    const eventId = await insertEvent(q, 'create', opts.establishedOn ?? '2020-01-01', null, null);
    const parentId = opts.parentId === undefined ? null : opts.parentId;
    const id = await insertUnit(q, { code: opts.code ?? uniqueCode(), kind: opts.kind ?? 'other', name: opts.name ?? `Đơn vị thử ${counter}`, shortName: null, parentId, establishedOn: opts.establishedOn ?? '2020-01-01', eventId });
    await q.query('update org_event set unit_ids = $2 where id = $1', [eventId, [id]]);
    return id;
  });
}

/** Creates a person employed in a unit. */
export async function makePerson(db: Db, opts: { unitId: number; fullName?: string; gender?: 'female' | 'male'; birthDate?: string; isLeader?: boolean; fromDate?: string; nationalId?: string }): Promise<{ id: number; nationalId: string }> {
  const gender = opts.gender ?? 'male';
  const birthDate = opts.birthDate ?? '1985-05-05';
  const nationalId = opts.nationalId ?? uniqueCccd(gender, Number(birthDate.slice(0, 4)));
  const names = nameColumns(opts.fullName ?? 'Nguyễn Văn An');
  return db.tx(async (q) => {
    const [row] = await q.query<{ id: number }>(
      'insert into person (national_id, full_name, gender, birth_date, search_text, sort_key, current_unit_id) values ($1,$2,$3,$4,$5,$6,$7) returning id',
      [nationalId, names.fullName, gender, birthDate, names.searchText, names.sortKey, opts.unitId],
    );
    await insertEmployment(q, { personId: row.id, unitId: opts.unitId, position: opts.isLeader ? 'Trưởng phòng' : 'Chuyên viên', category: 'civil_servant', isLeader: opts.isLeader ?? false, fromDate: opts.fromDate ?? '2015-01-01' });
    await audit(q, SYSTEM_ACTOR, [{ action: 'person.create', entity: 'person', entityId: row.id, orgUnitId: opts.unitId, after: { nationalId } }]);
    return { id: row.id, nationalId };
  });
}

export const TEST_PASSWORD = 'MatKhau2026!';

/** Creates a user with roles and returns its id and a session cookie. */
export async function makeUser(db: Db, roles: { role: Role; orgUnitId: number }[], opts: { username?: string; password?: string } = {}): Promise<{ id: number; username: string; cookie: string }> {
  const username = opts.username ?? `u${unique()}`;
  const hash = await hashPassword(opts.password ?? TEST_PASSWORD);
  const [row] = await db.query<{ id: number }>('insert into app_user (username, display_name, password_hash) values ($1, $2, $3) returning id', [username, `Người dùng ${username}`, hash]);
  for (const r of roles) await db.query('insert into user_role (user_id, role, org_unit_id) values ($1, $2, $3)', [row.id, r.role, r.orgUnitId]);
  const token = await createSession(db, row.id, 1, {});
  return { id: row.id, username, cookie: `vd_session=${token}` };
}

/**
 * A small world for scope tests: a top unit with two branches A and B, each with a child and a person,
 * and one user per role on the top unit and on branch A.
 */
export async function makeWorld(db: Db) {
  const top = await makeUnit(db, { kind: 'city_committee', name: 'UBND thành phố thử' });
  const a = await makeUnit(db, { parentId: top, kind: 'ward', name: 'Phường Ánh Dương' });
  const b = await makeUnit(db, { parentId: top, kind: 'commune', name: 'Xã Bình Minh' });
  const a1 = await makeUnit(db, { parentId: a, kind: 'public_service_unit', name: 'Trường Tiểu học Ánh Dương' });
  const b1 = await makeUnit(db, { parentId: b, kind: 'public_service_unit', name: 'Trạm Y tế Bình Minh' });
  const personA = await makePerson(db, { unitId: a1, fullName: 'Nguyễn Văn An' });
  const personB = await makePerson(db, { unitId: b1, fullName: 'Trần Thị Bình', gender: 'female' });
  const admin = await makeUser(db, [{ role: 'system_admin', orgUnitId: top }]);
  const board = await makeUser(db, [{ role: 'board_specialist', orgUnitId: top }]);
  const officerA = await makeUser(db, [{ role: 'unit_officer', orgUnitId: a }]);
  const viewerA = await makeUser(db, [{ role: 'viewer', orgUnitId: a }]);
  return { top, a, b, a1, b1, personA, personB, admin, board, officerA, viewerA };
}

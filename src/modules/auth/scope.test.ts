import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../server/db.ts';
import '../../server/wiring.ts'; // auth's scopes walk org's tree, handed over there
import { openTestDb } from '../../../tests/support/db.ts';
import { makeUnit } from '../../../tests/support/factories.ts';
import type { AuthUser } from './roles.ts';
import { resolveScope } from './scope.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb(); // a fresh PGlite per file (this is not an API test run on the shared server)
});
afterAll(() => db.close());

const userOn = (orgUnitId: number): AuthUser => ({ id: 1, username: 'u', displayName: 'u', locale: 'vi', mustChangePassword: false, mfaEnabled: false, roles: [{ role: 'board_specialist', orgUnitId }] });

it('a role on the only top unit covers everything; once another top unit exists it covers its own subtree only', async () => {
  const city = await makeUnit(db, { parentId: null, kind: 'city_committee' });
  const ward = await makeUnit(db, { parentId: city, kind: 'ward' });
  await makeUnit(db, { parentId: ward, kind: 'public_service_unit' });
  expect(await resolveScope(db, userOn(city), 'org.read')).toEqual({ all: true });

  const otherCity = await makeUnit(db, { parentId: null, kind: 'city_committee' });
  const scope = await resolveScope(db, userOn(city), 'org.read');
  expect(scope.all).toBe(false);
  expect(scope.all === false && scope.unitIds.includes(otherCity)).toBe(false);
  expect(scope.all === false && scope.unitIds.length).toBe(3);
  const ward2 = await resolveScope(db, userOn(ward), 'org.read');
  expect(ward2.all === false && ward2.unitIds.length).toBe(2);
});

it('a unit moved to a new parent leaves the old parent scope (latest parent kept by a trigger)', async () => {
  const a = await makeUnit(db, { parentId: null });
  const b = await makeUnit(db, { parentId: null });
  const child = await makeUnit(db, { parentId: a });
  await db.query("update org_unit_version set valid_to = '2024-01-01' where unit_id = $1 and valid_to is null", [child]);
  await db.query("insert into org_unit_version (unit_id, name, parent_id, valid_from) values ($1, 'Chuyển', $2, '2024-01-01')", [child, b]);
  const scopeA = await resolveScope(db, userOn(a), 'org.read');
  const scopeB = await resolveScope(db, userOn(b), 'org.read');
  expect(scopeA.all === false && scopeA.unitIds).toEqual([a]);
  expect(scopeB.all === false && scopeB.unitIds.sort()).toEqual([b, child].sort());
});

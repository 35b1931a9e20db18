import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openTestDb } from '../../../tests/support/db.ts';
import { TEST_PASSWORD, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { type ServerProcess, killMidway, killServer, signIn, spawnServer, waitHealthy } from '../../../tests/support/server-process.ts';
import { type Db, openPglite } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';
import { verifyAuditChain } from '../audit/verify.ts';

// `kill -9` of the server in the middle of transitions leaves every dossier as before or as after its step, never
// between: the state, its version, its event and its audit entry commit together. A real server process, on an
// embedded data directory (or on the PostgreSQL test database).

const DOSSIERS = 24;
const root = mkdtempSync(join(tmpdir(), 'vinhdanh-transition-kill-'));
const dataDir = join(root, 'data');
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await killServer(s);
  rmSync(root, { recursive: true, force: true });
});

const url = () => inject('databaseUrl');
const openDb = async (): Promise<Db> => (url() ? openTestDb() : openPglite(dataDir));

async function prepare(): Promise<{ city: number; ward: number; username: string }> {
  const db = await openDb();
  try {
    if (!url()) await migrate(db);
    const city = await makeUnit(db, { kind: 'city_committee', name: 'Thành phố Bị Ngắt' });
    const ward = await makeUnit(db, { parentId: city, kind: 'ward', name: 'Phường Bị Ngắt' });
    const { username } = await makeUser(db, [{ role: 'unit_officer', orgUnitId: ward }]);
    return { city, ward, username };
  } finally {
    await db.close();
  }
}

describe('transitions interrupted by kill -9', () => {
  it('leaves each dossier whole before or after its step: state, version, event and audit entry together', async () => {
    const { city, ward, username } = await prepare();
    const server = await spawnServer(dataDir, url() ? { DATABASE_URL: url() as string } : {});
    servers.push(server);
    await waitHealthy(server);
    const cookie = await signIn(server, username, TEST_PASSWORD);
    const call = (path: string, body: object) => fetch(`${server.baseUrl}/api/v1${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const ids: number[] = [];
    for (let i = 0; i < DOSSIERS; i++) {
      const res = await call('/dossiers', { title: `Hồ sơ bị ngắt ${i}`, awardType: 'merit', awardCode: 'certificate_of_commendation', senderUnitId: ward, receiverUnitId: city });
      expect(res.status, await res.clone().text()).toBe(201);
      ids.push(((await res.json()) as { id: number }).id);
    }
    // Withdraw them four at a time; kill the server after the eighth answer, while others are in flight.
    await killMidway(server, ids.length, (i) => call(`/dossiers/${ids[i]}/transitions`, { action: 'withdraw', version: 1, reason: 'Rút để bổ sung' }));

    const db = await openDb();
    try {
      const rows = await db.query<{ id: number; state: string; version: number; events: number; audits: number }>(
        `select d.id, d.state, d.version,
                (select count(*)::int from dossier_event e where e.dossier_id = d.id and e.action = 'withdraw') as events,
                (select count(*)::int from audit_log a where a.entity = 'dossier' and a.entity_id = d.id::text and a.action = 'dossier.withdraw') as audits
           from dossier d where d.sender_unit_id = $1 order by d.id`,
        [ward],
      );
      expect(rows).toHaveLength(DOSSIERS);
      const withdrawn = rows.filter((r) => r.state === 'withdrawn');
      expect(withdrawn.length).toBeGreaterThanOrEqual(8);
      expect(withdrawn.length).toBeLessThan(DOSSIERS);
      for (const r of rows) {
        if (r.state === 'withdrawn') expect([r.version, r.events, r.audits], `dossier ${r.id}`).toEqual([2, 1, 1]);
        else expect([r.state, r.version, r.events, r.audits], `dossier ${r.id}`).toEqual(['draft', 1, 0, 0]);
      }
      if (!url()) expect((await verifyAuditChain(db)).ok).toBe(true);
    } finally {
      await db.close();
    }
  }, 300_000); // a server start on a busy 2-core machine
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openTestDb } from '../../../tests/support/db.ts';
import { TEST_PASSWORD, makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { type ServerProcess, killMidway, killServer, signIn, spawnServer, waitHealthy } from '../../../tests/support/server-process.ts';
import { type Db, openPglite } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';
import { verifyAuditChain } from '../audit/verify.ts';

// `kill -9` of the server while it issues decisions leaves every decision as before or as after its issue, never
// between: a number is taken only with the decision's status, its history rows and its audit entry, and the series
// stays gap-free. A real server process, on an embedded data directory (or on the PostgreSQL test database).

const DRAFTS = 24;
const root = mkdtempSync(join(tmpdir(), 'vinhdanh-issue-kill-'));
const dataDir = join(root, 'data');
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await killServer(s);
  rmSync(root, { recursive: true, force: true });
});

const url = () => inject('databaseUrl');
/** The database the server uses: the test's PostgreSQL one, or the embedded directory (only while no server has it). */
const openDb = async (): Promise<Db> => (url() ? openTestDb() : openPglite(dataDir));

async function prepare(): Promise<{ unit: number; username: string }> {
  const db = await openDb();
  try {
    if (!url()) await migrate(db);
    const unit = await makeUnit(db, { kind: 'ward', name: 'Phường Bị Ngắt' });
    for (let i = 0; i < DRAFTS; i++) await makePerson(db, { unitId: unit, fullName: `Người Được Khen ${i}` });
    const { username } = await makeUser(db, [{ role: 'unit_leader', orgUnitId: unit }]);
    return { unit, username };
  } finally {
    await db.close();
  }
}

describe('an issue interrupted by kill -9', () => {
  it('leaves each decision issued whole or still a draft, and the numbers without a gap', async () => {
    const { unit, username } = await prepare();
    const server = await spawnServer(dataDir, url() ? { DATABASE_URL: url() as string } : {});
    servers.push(server);
    await waitHealthy(server);
    const cookie = await signIn(server, username, TEST_PASSWORD);
    const call = (path: string, body: object) => fetch(`${server.baseUrl}/api/v1${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const people = (await (await fetch(`${server.baseUrl}/api/v1/people?unitId=${unit}&limit=100`, { headers: { cookie } })).json()) as { items: { id: number }[] };
    const drafts: { id: number; version: number }[] = [];
    for (const p of people.items) {
      const res = await call('/decisions', { authorityUnitId: unit, kind: 'QĐ-UBND', awardCode: 'advanced_worker', awardType: 'merit', periodFrom: 2025, periodTo: 2025, signerName: 'Lê Văn Ký', awardees: [{ personId: p.id }] });
      expect(res.status, await res.clone().text()).toBe(201);
      drafts.push((await res.json()) as { id: number; version: number });
    }
    // Issue them four at a time; kill the server after the eighth answer, while others are in flight.
    await killMidway(server, drafts.length, (i) => call(`/decisions/${drafts[i].id}/issue`, { version: drafts[i].version, decidedOn: '2026-01-20' }));

    const db = await openDb();
    try {
      const rows = await db.query<{ id: number; status: string; number: number | null; titles: number; audits: number }>(
        `select d.id, d.status, d.number,
                (select count(*)::int from person_title t where t.decision_id = d.id) as titles,
                (select count(*)::int from audit_log a where a.entity = 'decision' and a.entity_id = d.id::text and a.action = 'decision.issue') as audits
           from decision d where d.authority_unit_id = $1 order by d.number nulls last, d.id`,
        [unit],
      );
      const issued = rows.filter((r) => r.status === 'issued');
      expect(issued.length).toBeGreaterThanOrEqual(8);
      expect(issued.length).toBeLessThan(DRAFTS);
      // Whole or nothing, per decision.
      for (const r of rows) {
        if (r.status === 'issued') expect([r.titles, r.audits, r.number !== null]).toEqual([1, 1, true]);
        else expect([r.status, r.titles, r.audits, r.number]).toEqual(['draft', 0, 0, null]);
      }
      // Gap-free, and the counter where the series ends.
      expect(issued.map((r) => r.number)).toEqual(issued.map((_, i) => i + 1));
      const [counter] = await db.query<{ last_number: number }>("select last_number from decision_number_counter where authority_unit_id = $1 and kind = 'QĐ-UBND' and year = 2026", [unit]);
      expect(counter.last_number).toBe(issued.length);
      if (!url()) expect((await verifyAuditChain(db)).ok).toBe(true);
    } finally {
      await db.close();
    }
  }, 300_000); // a server start on a busy 2-core machine
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDb } from '../../../tests/support/db.ts';
import type { Db } from '../../server/db.ts';
import { SYSTEM_ACTOR, audit, verifyAuditChain } from './audit.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

it('concurrent writers, some rolled back, get consecutive ids and one unbroken chain', async () => {
  const tag = `ids-${Date.now()}-${process.pid}`;
  const writes = Array.from({ length: 16 }, (_, i) =>
    db.tx(async (q) => {
      await audit(q, SYSTEM_ACTOR, [1, 2, 3].map((k) => ({ action: 'test.concurrent', entity: tag, entityId: `${i}.${k}`, after: { i, k } })));
      if (i % 4 === 0) throw new Error('rolled back');
    }).catch((e: Error) => e.message),
  );
  expect((await Promise.all(writes)).filter((r) => r === 'rolled back')).toHaveLength(4);
  const rows = await db.query<{ id: number; entity_id: string }>('select id, entity_id from audit_log where entity = $1 order by id', [tag]);
  expect(rows).toHaveLength(12 * 3);
  // Each transaction's entries are consecutive (other test files may write between two transactions).
  for (let i = 0; i < rows.length; i += 3) expect([rows[i + 1].id - rows[i].id, rows[i + 2].id - rows[i].id]).toEqual([1, 2]);
  const report = await verifyAuditChain(db);
  expect(report.breaks).toEqual([]);
  expect(report.ok).toBe(true);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db.ts';
import { openTestDb } from '../../../tests/support/db.ts';
import { audit, canonicalJson, verifyAuditChain } from './audit.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

describe('audit chain', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'ý' } })).toBe(canonicalJson({ a: { c: 'ý', d: [1, { e: 3, f: 2 }] }, b: 1 }));
  });

  it('links each entry to the previous hash and verifies', async () => {
    await audit(db, { id: null, name: 'test' }, [
      { action: 'x.create', entity: 'x', entityId: 1, before: null, after: { name: 'Nguyễn Văn An', n: 1 } },
      { action: 'x.update', entity: 'x', entityId: 1, before: { name: 'Nguyễn Văn An' }, after: { name: 'Nguyễn Văn Ân' } },
    ]);
    const rows = await db.query<{ prev_hash: string; hash: string }>('select prev_hash, hash from audit_log order by id desc limit 2');
    expect(rows[0].prev_hash).toBe(rows[1].hash);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('links a large batch (hashed here) and small writes (hashed by the database) into one chain', async () => {
    const actor = { id: null, name: 'Trần Thị Ánh' };
    const many = Array.from({ length: 60 }, (_, i) => ({ action: 'x.import', entity: 'x', entityId: i, after: { tên: `Người thứ ${i} — Đặng Thị Ỷ` } }));
    await audit(db, actor, [{ action: 'x.before', entity: 'x', entityId: 0, after: { ghiChú: 'trước' } }]);
    await audit(db, actor, many);
    await audit(db, actor, [{ action: 'x.after', entity: 'x', entityId: 0, before: { n: 1.5 }, after: { ghiChú: 'sau', list: [1, 'hai', null] } }]);
    const rows = await db.query<{ action: string }>('select action from audit_log order by id desc limit 62');
    expect(rows.map((r) => r.action)).toEqual(['x.after', ...many.map(() => 'x.import'), 'x.before']);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('is append-only: updates and deletes are refused by the database', async () => {
    await audit(db, { id: null, name: 'test' }, [{ action: 'y', entity: 'y', entityId: 2, after: {} }]);
    await expect(db.query("update audit_log set action = 'forged'")).rejects.toThrow(/append-only/);
    await expect(db.query('delete from audit_log')).rejects.toThrow(/append-only/);
  });
});

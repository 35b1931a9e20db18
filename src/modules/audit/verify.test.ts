import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli.ts';
import type { CliContext } from '../../cli/context.ts';
import { loadConfig } from '../../server/config.ts';
import type { Db } from '../../server/db.ts';
import { openTestDb } from '../../../tests/support/db.ts';
import { type AuditEntry, GENESIS, SYSTEM_ACTOR, audit, canonicalJson, hashRow, verifyAuditChain } from './audit.ts';

// Each test corrupts its own throwaway database (an in-memory PGlite cloned from the migrated snapshot: this file
// is not an API test and never runs on the shared PostgreSQL database) the way a crash or a second process would.
let db: Db;
beforeEach(async () => {
  db = await openTestDb();
  if (db.kind !== 'pglite') throw new Error('verify.test.ts corrupts its database: PGlite only');
});
afterEach(() => db.close());

const entries = (n: number, tag = 'x'): AuditEntry[] => Array.from({ length: n }, (_, i) => ({ action: 'test.write', entity: 'thing', entityId: `${tag}${i}`, after: { i } }));
const write = (n: number, tag?: string) => db.tx((q) => audit(q, SYSTEM_ACTOR, entries(n, tag)));
const ids = async () => (await db.query<{ id: number }>('select id from audit_log order by id')).map((r) => r.id);

async function verifyCli(): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const ctx: CliContext = {
    config: loadConfig({}), out: (l) => lines.push(l), err: (l) => lines.push(l), interactive: false,
    readHidden: async () => '', openDb: async () => db, ownsDb: false,
  };
  return { code: await runCli(['audit-verify'], ctx), lines };
}

describe('audit ids', () => {
  it('are the last id + 1: a rolled-back write leaves no hole', async () => {
    await write(2);
    await expect(db.tx(async (q) => {
      await audit(q, SYSTEM_ACTOR, entries(3, 'lost'));
      throw new Error('the use case fails after auditing');
    })).rejects.toThrow('the use case fails');
    await write(2, 'y');
    expect(await ids()).toEqual([1, 2, 3, 4]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 4, lastId: 4, breaks: [] });
  });
});

describe('verifyAuditChain reads the table, not an index', () => {
  it('reports a duplicate id that the primary-key index does not know (two processes on one database)', async () => {
    await write(3);
    // The second process wrote its own row 2 on the same last hash; its index entry was lost with its copy of the index.
    const [row1] = await db.query<{ hash: string }>('select hash from audit_log where id = 1');
    const forged = { at: new Date().toISOString(), actorId: null, actorName: 'system', action: 'test.other', entity: 'thing', entityId: 'z', orgUnitId: null, before: null, after: { other: true } };
    await db.exec(`update pg_index set indisready = false where indexrelid = 'audit_log_pkey'::regclass`);
    await db.query(
      `insert into audit_log (id, at, actor_id, actor_name, action, entity, entity_id, org_unit_id, before, after, prev_hash, hash)
       values (2, $1, null, 'system', 'test.other', 'thing', 'z', null, null, $2::jsonb, $3, $4)`,
      [forged.at, canonicalJson(forged.after), row1.hash, hashRow(row1.hash, forged)],
    );
    await db.exec(`update pg_index set indisready = true where indexrelid = 'audit_log_pkey'::regclass`);
    // Read through the index (as the old verifier did) the extra row is invisible; the heap has it.
    expect((await db.query<{ n: number }>('select count(*)::int as n from audit_log where id = 2'))[0].n).toBe(1);
    expect((await db.query<{ n: number }>('select count(*)::int as n from audit_log where id + 0 = 2'))[0].n).toBe(2);
    const report = await verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.checked).toBe(4);
    expect(report.breaks).toEqual([{ id: 2, kind: 'duplicate_id' }]);
    const cli = await verifyCli();
    expect(cli.code).toBe(1);
    expect(cli.lines.join('\n')).toMatch(/BROKEN at audit_log id 2 \(duplicate_id\)/);
  });

  it('reports a gap where rows were lost, naming the missing ids', async () => {
    await write(6);
    await db.exec('alter table audit_log disable trigger audit_log_no_update');
    await db.query('delete from audit_log where id in (3, 4)');
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, checked: 4, lastId: 6, breakCount: 1 });
    expect(report.breaks).toEqual([{ id: 5, kind: 'gap', missing: { from: 3, to: 4 } }]);
    const cli = await verifyCli();
    expect(cli.code).toBe(1);
    expect(cli.lines.join('\n')).toMatch(/id 5: gap, ids 3–4 missing/);
  });

  it('reports lost first rows as a gap and an altered row as hash, and keeps going after a break', async () => {
    await write(5);
    await db.exec('alter table audit_log disable trigger audit_log_no_update');
    await db.query('delete from audit_log where id = 1');
    await db.query(`update audit_log set after = '{"i": 99}' where id = 4`);
    const report = await verifyAuditChain(db, 2);
    expect(report.breaks).toEqual([{ id: 2, kind: 'gap', missing: { from: 1, to: 1 } }, { id: 4, kind: 'hash' }]);
  });

  it('accepts holes in ids given by the old identity sequence (before migration 0015) when the chain links', async () => {
    await write(3);
    // Row 3 had id 4 under the sequence (a rolled-back write took 3); the hash does not cover the id.
    await db.exec('alter table audit_log disable trigger audit_log_no_update');
    await db.query('update audit_log set id = 4 where id = 3');
    expect((await verifyAuditChain(db)).breaks).toEqual([{ id: 4, kind: 'gap', missing: { from: 3, to: 3 } }]);
    await db.query('update audit_contiguous_ids set from_id = 5');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 3, lastId: 4 });
    // A row removed among the old ids still breaks the link.
    await db.query('delete from audit_log where id = 2');
    expect((await verifyAuditChain(db)).breaks).toEqual([{ id: 4, kind: 'prev_hash' }]);
  });

  it('an empty log is whole', async () => {
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 0, lastId: null, lastHash: null, breaks: [], breakCount: 0 });
    expect(GENESIS).toHaveLength(64);
  });
});

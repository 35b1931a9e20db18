import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit } from '../../../tests/support/factories.ts';
import type { Actor } from '../audit/audit.ts';
import type { Scope } from '../auth/scope.ts';
import { createDecisionDraft, issueDecision } from './commands.ts';
import type { DecisionView } from './types.ts';

// A decision number is never issued twice, also under concurrency on PostgreSQL: issues of one series run on
// separate connections of the pool, truly at the same time.

let ctx: TestContext;
let parent: number;
const actor: Actor = { id: null, name: 'test' };
const all: Scope = { all: true };
const onPostgres = () => ctx.db.kind === 'postgresql';

beforeAll(async () => {
  ctx = await createTestContext();
  parent = await makeUnit(ctx.db, { kind: 'city_committee', name: 'UBND cấp số song song' });
});
afterAll(() => ctx.close());

async function drafts(unit: number, n: number): Promise<DecisionView[]> {
  const made: DecisionView[] = [];
  for (let i = 0; i < n; i++) {
    const p = await makePerson(ctx.db, { unitId: unit, fullName: `Người Song Song ${i}` });
    made.push(await ctx.db.tx((q) => createDecisionDraft(q, actor, all, { authorityUnitId: unit, kind: 'QĐ-UBND', awardCode: 'certificate_of_commendation', awardType: 'merit', periodFrom: 2025, periodTo: 2025, signerName: 'Trần Văn Ký', awardees: [{ personId: p.id }] })));
  }
  return made;
}

const issue = (d: DecisionView) => ctx.db.tx((q) => issueDecision(q, actor, all, d.id, { version: d.version, decidedOn: '2026-02-02' }));

/** Waits until some connection of this database is blocked on a lock (the second issue waiting for the counter row). */
async function someoneWaitsOnALock(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await ctx.db.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
    if (row.n > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('no issue ever waited for the counter row');
}

describe('numbers under concurrency', () => {
  it('parallel issues of one series get distinct consecutive numbers', async () => {
    const unit = await makeUnit(ctx.db, { parentId: parent, name: 'Văn phòng song song' });
    const made = await drafts(unit, 8);
    const issued = await Promise.all(made.map(issue));
    expect(issued.map((d) => d.number).sort((a, b) => (a as number) - (b as number))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(issued.map((d) => d.numberText)).size).toBe(8);
  });

  it('the same draft issued twice at once: one wins, the other is refused', async () => {
    const unit = await makeUnit(ctx.db, { parentId: parent, name: 'Văn phòng bấm hai lần' });
    const [d] = await drafts(unit, 1);
    const results = await Promise.allSettled([issue(d), issue(d)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.code).toBe('DECISION_STATE');
    const [row] = await ctx.db.query<{ n: number }>("select last_number as n from decision_number_counter where authority_unit_id = $1", [unit]);
    expect(row.n).toBe(1);
  });

  it.skipIf(process.env.DB_TARGET !== 'postgres')('an issue waits for the one before it; when that one rolls back, the waiting one takes its number', async () => {
    expect(onPostgres()).toBe(true);
    const unit = await makeUnit(ctx.db, { parentId: parent, name: 'Văn phòng chờ khóa' });
    const [first, second, third] = await drafts(unit, 3);
    let release!: (commit: boolean) => void;
    const gate = new Promise<boolean>((r) => { release = r; });
    let firstNumber: number | null = null;
    // The first issue takes number 01 and holds its transaction open; it rolls back when told to.
    const held = ctx.db.tx(async (q) => {
      firstNumber = (await issueDecision(q, actor, all, first.id, { version: first.version, decidedOn: '2026-02-02' })).number;
      if (!(await gate)) throw new Error('rolled back on purpose');
    }).catch((e: Error) => e.message);
    while (firstNumber === null) await new Promise((r) => setTimeout(r, 10));
    expect(firstNumber).toBe(1);
    const waiting = issue(second);
    await someoneWaitsOnALock();
    release(false);
    expect(await held).toBe('rolled back on purpose');
    expect((await waiting).number).toBe(1);
    expect((await issue(third)).number).toBe(2);
    const numbers = await ctx.db.query<{ number: number | null; status: string }>('select number, status from decision where authority_unit_id = $1 order by id', [unit]);
    expect(numbers).toEqual([{ number: null, status: 'draft' }, { number: 1, status: 'issued' }, { number: 2, status: 'issued' }]);
  });
});

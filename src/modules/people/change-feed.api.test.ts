import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit } from '../../../tests/support/factories.ts';
import type { Queryable } from '../../server/db.ts';
import { takeChangedPeople } from './change-feed.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** Runs `fn` in a transaction that is rolled back: on the shared PostgreSQL test database, entries other files'
 *  writes put on the feed are taken only for the moment and stay for their readers (eligibility's digests). */
async function rolledBack(fn: (q: Queryable) => Promise<void>): Promise<void> {
  const done = new Error('rolled back');
  await ctx.db.tx(async (q) => {
    await fn(q);
    throw done;
  }).catch((e: unknown) => {
    if (e !== done) throw e;
  });
}

// On the shared PostgreSQL test database other files' writes reach the feed meanwhile: assertions look at this
// test's people only.
describe('who changed since (the change feed)', () => {
  it('names once each person a write touched, again after a later write, and only for the facts and the name that matter', async () => {
    const unit = await makeUnit(ctx.db, { name: 'Tổ theo dõi thay đổi' });
    const [a, b] = [(await makePerson(ctx.db, { unitId: unit })).id, (await makePerson(ctx.db, { unitId: unit })).id];
    const ours = async (q: Queryable) => (await takeChangedPeople(q, 1_000_000)).filter((id) => id === a || id === b);
    await rolledBack(async (q) => {
      expect(await ours(q)).toEqual([a, b]);
      expect(await ours(q)).toEqual([]);
      await q.query(`insert into person_year_rating (person_id, year, rating) values ($1, 2025, 'good')`, [a]);
      await q.query('update person set version = version + 1 where id = $1', [b]);
      expect(await ours(q)).toEqual([a]); // a new version alone changes no fact
      await q.query(`update person set full_name = 'Tên Mới' where id = $1`, [b]);
      expect(await ours(q)).toEqual([b]);
    });
  });

  it('hands over at most the limit, lowest ids first, and leaves the rest for the next call', async () => {
    const unit = await makeUnit(ctx.db);
    const people = [await makePerson(ctx.db, { unitId: unit }), await makePerson(ctx.db, { unitId: unit }), await makePerson(ctx.db, { unitId: unit })].map((p) => p.id);
    await rolledBack(async (q) => {
      await takeChangedPeople(q, 1_000_000);
      await q.query(`insert into person_leave (person_id, kind, from_date, to_date) select unnest($1::bigint[]), 'sick', '2025-01-01', '2025-01-10'`, [people]);
      const taken: number[] = [];
      for (let round = 0; round < 100; round++) {
        const ids = await takeChangedPeople(q, 2);
        if (ids.length === 0) break;
        expect(ids.length).toBeLessThanOrEqual(2);
        expect(ids).toEqual([...ids].sort((x, y) => x - y));
        taken.push(...ids);
      }
      expect(taken.filter((id) => people.includes(id))).toEqual(people);
    });
  });
});

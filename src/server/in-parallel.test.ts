import { expect, it } from 'vitest';
import { type Queryable, inParallel } from './db.ts';

// What inParallel is for: a pool (the Db, which has tx) runs independent reads at once; a transaction's one
// connection must get them one at a time (node-postgres deprecates overlapping queries on a client).
function tracker() {
  let running = 0;
  let most = 0;
  const task = (value: number) => async () => {
    running += 1;
    most = Math.max(most, running);
    await new Promise((r) => setTimeout(r, 5));
    running -= 1;
    return value;
  };
  return { task, most: () => most };
}

const query: Queryable['query'] = async () => [];

it('runs the tasks at once on the database and keeps their order', async () => {
  const t = tracker();
  const db = { query, tx: async () => undefined } as unknown as Queryable;
  expect(await inParallel(db, [t.task(1), t.task(2), t.task(3)])).toEqual([1, 2, 3]);
  expect(t.most()).toBe(3);
});

it('runs them one after another inside a transaction', async () => {
  const t = tracker();
  const inTx: Queryable = { query };
  expect(await inParallel(inTx, [t.task(1), t.task(2), t.task(3)])).toEqual([1, 2, 3]);
  expect(t.most()).toBe(1);
});

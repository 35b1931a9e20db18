import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../tests/support/app.ts';
import { eventually } from '../../../tests/support/eventually.ts';
import { makePerson, makeUnit } from '../../../tests/support/factories.ts';
import { queueDigestRefresh } from './digest-job.ts';
import { refreshStaleHistories } from './history-digest.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({}, { jobs: true });
});
afterAll(() => ctx.close());

const digestOf = async (personId: number) =>
  (await ctx.db.query<{ doc: string }>('select doc::text as doc from person_history_digest where person_id = $1', [personId]))[0]?.doc ?? null;

it('rebuilds a digest made stale by a write in a background job, not in the request that wrote', async () => {
  const unit = await makeUnit(ctx.db, { kind: 'ward' });
  const person = (await makePerson(ctx.db, { unitId: unit })).id;
  await refreshStaleHistories(ctx.db);
  const before = await digestOf(person);
  expect(before).not.toContain('"excellent"');
  // A rating written straight into people's table: its trigger logs the person as changed, nothing refreshes yet.
  await ctx.db.query("insert into person_year_rating (person_id, year, rating) values ($1, 2025, 'excellent')", [person]);
  expect(await digestOf(person)).toBe(before);
  await queueDigestRefresh(ctx.db);
  await eventually(async () => (await digestOf(person))?.includes('"excellent"'), 'the digest job to refresh the person');
});

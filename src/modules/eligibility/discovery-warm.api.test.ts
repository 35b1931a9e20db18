import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../tests/support/app.ts';
import { makeWorld } from '../../../tests/support/factories.ts';
import { discoveryWorker } from './discovery-pool.ts';
import { warmDiscovery } from './discovery-warm.ts';

// Issue 12 review: the first discovery after a start paid for starting the threads and compiling the engine.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await makeWorld(ctx.db);
});
afterAll(() => ctx.close());

describe('discovery warm-up at start', () => {
  it('starts every worker thread and has each evaluate stored histories before any discovery runs', async () => {
    const result = await warmDiscovery(ctx.db, { rounds: 2 });
    expect(result.threads).toBeGreaterThan(0);
    expect(result.people).toBeGreaterThan(0);
    const pool = discoveryWorker();
    expect(pool?.size).toBe(result.threads);
    // every thread alive has answered both rounds: the law is loaded and the engine has run in each
    expect(pool?.answered().every((n) => n >= 2)).toBe(true);
    expect(pool?.answered()).toHaveLength(result.threads);
  });
});

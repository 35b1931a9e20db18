/**
 * The discovery workers warmed at start (issue 12 review: the first discovery after a start took 2.4–2.8× the
 * scan floor). A worker thread's first batch pays for starting the thread, loading the law (catalogue.yaml and the
 * rule sets, checked) and compiling the engine (V8 optimises a function only after it has run hot); the server
 * pays that in the background after it listens, with a page of real histories evaluated a few times by every
 * thread, so that the first user's discovery runs at the speed of the later ones. Nothing is kept but the warmed
 * threads (the hits are dropped): a second instance warms its own.
 */
import type { Queryable } from '../../server/db.ts';
import { cityToday, cityYear } from '../../shared/clock.ts';
import { defaultSettings } from '../catalogue/settings.ts';
import { unitNamesAsOf } from '../org/names.ts';
import { employedPeoplePage } from '../people/fact-readers.ts';
import { type BatchJob, type DigestBatch, discoverableAwards } from './discovery.ts';
import { discoveryWorker } from './discovery-pool.ts';
import { fetchDigestDoc } from './history-digest.ts';

/** People in the warm-up page, and how many times each thread evaluates it: enough calls of the engine's hot
 *  functions for V8 to optimise them (measured with `npm run bench -- rules`), well under a second per thread. */
const WARM_PEOPLE = 2_000;
const WARM_ROUNDS = 4;

export interface WarmResult { threads: number; people: number; ms: number }

/**
 * Starts the discovery workers and has each evaluate one page of stored histories a few times. On an empty
 * database the threads still start and load the law. Never throws: a warm-up that fails only leaves the first
 * discovery slower.
 */
export async function warmDiscovery(q: Queryable, opts: { people?: number; rounds?: number } = {}): Promise<WarmResult> {
  const started = performance.now();
  const pool = discoveryWorker();
  if (!pool) return { threads: 0, people: 0, ms: 0 };
  const asOf = cityToday();
  const job: BatchJob = {
    filter: { unitIds: 'all', year: cityYear() - 1, asOf, subject: 'individual', status: 'all' },
    settings: defaultSettings(),
    awards: { individual: discoverableAwards('individual', asOf), collective: [] },
  };
  let people = 0;
  try {
    const ids = await employedPeoplePage(q, { asOf, after: 0, limit: opts.people ?? WARM_PEOPLE, unitIds: 'all' });
    const names = await unitNamesAsOf(q, [], asOf);
    const batch: DigestBatch = { count: ids.length, doc: Buffer.from(ids.length ? await fetchDigestDoc(q, ids) : '', 'utf8'), names };
    people = ids.length;
    for (let round = 0; round < (opts.rounds ?? WARM_ROUNDS); round++) await pool.everyThread('digests', batch, job);
  } catch {
    // the database is busy or closing: the threads are started anyway
  }
  return { threads: pool.size, people, ms: performance.now() - started };
}

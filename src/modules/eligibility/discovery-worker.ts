/** Entry of the discovery worker thread: evaluates batches with the pure engine and sends back the rows. */
import { parentPort } from 'node:worker_threads';
import { type BatchJob, type PeopleRowsBatch, evaluatePeopleRows, evaluateUnits } from './discovery.ts';
import type { UnitHistory } from './history.ts';

interface Message { id: number; kind: 'peopleRows' | 'units'; batch: PeopleRowsBatch | UnitHistory[]; job: BatchJob }

parentPort?.on('message', (m: Message) => {
  try {
    const rows = m.kind === 'peopleRows' ? evaluatePeopleRows(m.batch as PeopleRowsBatch, m.job) : evaluateUnits(m.batch as UnitHistory[], m.job);
    parentPort?.postMessage({ id: m.id, rows });
  } catch (error) {
    parentPort?.postMessage({ id: m.id, error: error instanceof Error ? error.message : String(error) });
  }
});

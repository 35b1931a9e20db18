/** Entry of a discovery worker thread: evaluates batches with the pure engine and sends back the hits. */
import { parentPort } from 'node:worker_threads';
import { type BatchJob, type DigestBatch, evaluateDigests, evaluateUnits } from './discovery.ts';
import type { UnitHistory } from './history.ts';

interface Message { id: number; kind: 'digests' | 'units'; batch: DigestBatch | UnitHistory[]; job: BatchJob }

parentPort?.on('message', (m: Message) => {
  try {
    const hits = m.kind === 'digests' ? evaluateDigests(m.batch as DigestBatch, m.job) : evaluateUnits(m.batch as UnitHistory[], m.job);
    parentPort?.postMessage({ id: m.id, hits });
  } catch (error) {
    parentPort?.postMessage({ id: m.id, error: error instanceof Error ? error.message : String(error) });
  }
});

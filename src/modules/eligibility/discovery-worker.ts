/** Entry of a discovery worker thread: evaluates batches with the pure engine and sends back the hits. */
import { parentPort } from 'node:worker_threads';
import { type BatchJob, type DigestBatch, evaluateDigests, evaluateUnits } from './discovery.ts';
import { packHits, transferablesOf } from './discovery-hits.ts';
import type { UnitHistory } from './history.ts';

interface Message { id: number; kind: 'digests' | 'units'; batch: DigestBatch | UnitHistory[]; job: BatchJob }

parentPort?.on('message', (m: Message) => {
  try {
    if (m.kind === 'digests') {
      // People's hits go back as columns (discovery-hits.ts); the few collectives' as they are.
      const packed = packHits(evaluateDigests(m.batch as DigestBatch, m.job), m.job.awards.individual);
      parentPort?.postMessage({ id: m.id, packed }, transferablesOf(packed));
    } else parentPort?.postMessage({ id: m.id, hits: evaluateUnits(m.batch as UnitHistory[], m.job) });
  } catch (error) {
    parentPort?.postMessage({ id: m.id, error: error instanceof Error ? error.message : String(error) });
  }
});

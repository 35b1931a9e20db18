/**
 * The discovery worker: one thread, started on first use and kept (unref'd, so it never holds the process open),
 * that evaluates batches while the main thread reads the next one from the database. If the thread cannot start
 * or dies, discovery evaluates in process — the answer is the same, only slower.
 */
import { Worker } from 'node:worker_threads';
import type { BatchJob, DiscoveryRow, PeopleRowsBatch } from './discovery.ts';
import type { UnitHistory } from './history.ts';

export interface DiscoveryWorker {
  evaluate(kind: 'peopleRows' | 'units', batch: PeopleRowsBatch | UnitHistory[], job: BatchJob): Promise<DiscoveryRow[]>;
}

interface Reply { id: number; rows?: DiscoveryRow[]; error?: string }

let shared: DiscoveryWorker | null | undefined;

function start(): DiscoveryWorker | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./discovery-worker.ts', import.meta.url));
  } catch {
    return null;
  }
  worker.unref();
  let nextId = 1;
  const waiting = new Map<number, { resolve: (rows: DiscoveryRow[]) => void; reject: (e: Error) => void }>();
  worker.on('message', (m: Reply) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.error) w.reject(new Error(m.error));
    else w.resolve(m.rows ?? []);
  });
  const fail = (error: Error) => {
    shared = null; // later discoveries evaluate in process
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`discovery worker exited with code ${code}`)));
  return {
    evaluate: (kind, batch, job) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, kind, batch, job });
      }),
  };
}

/** The shared worker, or null when threads are unavailable. */
export function discoveryWorker(): DiscoveryWorker | null {
  if (shared === undefined) shared = start();
  return shared;
}

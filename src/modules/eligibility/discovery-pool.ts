/**
 * The discovery workers: one thread per core (at most MAX_WORKERS), started on first use and kept (unref'd, so
 * they never hold the process open), that evaluate batches while the main thread reads the next ones from the
 * database. A batch goes to the worker with the fewest batches waiting. If a thread cannot start or dies, the
 * pool carries on with the others, and with none discovery evaluates in process: the answer is the same, only
 * slower.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchJob, DigestBatch, DiscoveryHit } from './discovery.ts';
import { type PackedHits, unpackHits } from './discovery-hits.ts';
import type { UnitHistory } from './history.ts';

export type BatchKind = 'digests' | 'units';

export interface DiscoveryWorker {
  evaluate(kind: BatchKind, batch: DigestBatch | UnitHistory[], job: BatchJob): Promise<DiscoveryHit[]>;
  /** The same batch to every thread alive (the warm-up at start, discovery-warm.ts); the hits are dropped. */
  everyThread(kind: BatchKind, batch: DigestBatch | UnitHistory[], job: BatchJob): Promise<void>;
  /** Batches each thread alive has answered, in thread order. */
  answered(): number[];
  /** Threads alive. */
  readonly size: number;
}

interface Reply { id: number; hits?: DiscoveryHit[]; packed?: PackedHits; error?: string }
interface Waiting { resolve: (hits: DiscoveryHit[]) => void; reject: (e: Error) => void; unpack: (p: PackedHits) => DiscoveryHit[] }
interface Thread { worker: Worker; waiting: Map<number, Waiting>; answered: number }

/** More threads than cores only compete with the reader; two cover the machines we run on. */
const MAX_WORKERS = 2;

let shared: DiscoveryWorker | null | undefined;

function startThread(onDead: (t: Thread) => void): Thread | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./discovery-worker.ts', import.meta.url));
  } catch {
    return null;
  }
  const thread: Thread = { worker, waiting: new Map(), answered: 0 };
  worker.on('message', (m: Reply) => {
    const w = thread.waiting.get(m.id);
    if (!w) return;
    thread.waiting.delete(m.id);
    thread.answered++;
    if (m.error) w.reject(new Error(m.error));
    else w.resolve(m.packed ? w.unpack(m.packed) : (m.hits ?? []));
  });
  const fail = (error: Error) => {
    onDead(thread);
    for (const w of thread.waiting.values()) w.reject(error);
    thread.waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`discovery worker exited with code ${code}`)));
  // After the listeners: adding a 'message' listener refs the worker's port again, which kept a CLI run (the seed's
  // annual review uses discovery) from ever exiting.
  worker.unref();
  return thread;
}

function startPool(count: number): DiscoveryWorker | null {
  const threads: Thread[] = [];
  const onDead = (t: Thread) => {
    const i = threads.indexOf(t);
    if (i >= 0) threads.splice(i, 1);
    if (threads.length === 0) shared = null; // later discoveries evaluate in process
  };
  for (let i = 0; i < count; i++) {
    const t = startThread(onDead);
    if (t) threads.push(t);
  }
  if (threads.length === 0) return null;
  let nextId = 1;
  const send = (thread: Thread | undefined, kind: BatchKind, batch: DigestBatch | UnitHistory[], job: BatchJob) =>
    new Promise<DiscoveryHit[]>((resolve, reject) => {
      if (!thread) return reject(new Error('no discovery worker alive'));
      const id = nextId++;
      const unpack = (p: PackedHits) => unpackHits(p, job.awards.individual, (batch as DigestBatch).names);
      thread.waiting.set(id, { resolve, reject, unpack });
      thread.worker.postMessage({ id, kind, batch, job });
    });
  return {
    get size() {
      return threads.length;
    },
    evaluate: (kind, batch, job) => send(threads.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a), threads[0]), kind, batch, job),
    everyThread: async (kind, batch, job) => {
      await Promise.all(threads.map((t) => send(t, kind, batch, job).catch(() => undefined)));
    },
    answered: () => threads.map((t) => t.answered),
  };
}

/** The shared pool, or null when threads are unavailable. */
export function discoveryWorker(): DiscoveryWorker | null {
  if (shared === undefined) shared = startPool(Math.max(1, Math.min(MAX_WORKERS, availableParallelism())));
  return shared;
}

/**
 * `npm run bench -- workflow`: the year-end peak on PostgreSQL (DATABASE_URL or 127.0.0.1:5432, a fresh database
 * `vinhdanh_bench_workflow`), against a real server process (src/server/main.ts, listening on a free port) over HTTP:
 *
 * - 200 concurrent clients move dossiers through receive → start_appraisal → return → resubmit → receive … for 60 s.
 *   Each client owns two dossiers and thinks 0.5–1.5 s between steps (a clerk's clicks; with no think time a closed
 *   loop only measures its own queue); now and then it steps on a neighbour's dossier with what it last saw (two
 *   officers at once: one wins, the other gets 409) or double-clicks (the same idempotency key twice at once).
 *   transitions_per_s, transition_p95_ms, transition_p99_ms (every transition request, 409s included), and
 *   lost_or_duplicated: the dossier event log against the clients' own record of the steps answered 200.
 * - inbox_p95_ms: GET /api/v1/inbox of a Board specialist whose city holds 10,000+ open dossiers.
 *
 * BENCH_CLIENTS, BENCH_SECONDS, BENCH_THINK_MS (mean think time) change the load; BENCH_KEEP=1 keeps the database;
 * BENCH_SERVER_NODE_ARGS passes node options to the server process.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { openPostgres } from '../src/server/db.ts';
import { migrate } from '../src/server/migrate.ts';
import { freePort, waitHealthy } from '../tests/support/server-process.ts';
import { note, percentile, report } from './report.ts';
import { type BenchUser, type LoadDossier, type WorkflowWorld, freshDatabase, seedWorkflowWorld } from './workflow-setup.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const WARM_SECONDS = 5;
const OPEN_DOSSIERS = 10_000;
const INBOX_SAMPLES = 200;
const root = new URL('..', import.meta.url).pathname;

/** The step each state asks for in the loop, and at which level it is taken. */
const NEXT: Record<string, { action: string; at: 'sender' | 'receiver' }> = {
  submitted: { action: 'receive', at: 'receiver' },
  resubmitted: { action: 'receive', at: 'receiver' },
  received: { action: 'start_appraisal', at: 'receiver' },
  appraisal: { action: 'return', at: 'receiver' },
  returned: { action: 'resubmit', at: 'sender' },
};
const LOOP_ACTIONS = ['receive', 'start_appraisal', 'return', 'resubmit'];

async function startServer(databaseUrl: string) {
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS: node options for the server only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: '0', MFA_REQUIRED: '0', LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const server = { child, baseUrl: `http://127.0.0.1:${port}`, stderr: () => stderr, exited };
  await waitHealthy(server, 120_000);
  return server;
}

interface Success { id: number; version: number; action: string }
/** A transition's answer: the step taken (or repeated), or the error with what happened meanwhile. */
interface Answer { repeated?: boolean; version: number; state: string; error?: { code: string; details: { currentVersion: number; state: string } } }

/** The clients' run: what they were answered, as they recorded it. */
async function runLoad(baseUrl: string, world: WorkflowWorld) {
  const known = new Map(world.dossiers.map((d) => [d.id, { version: d.version, state: d.state }]));
  const successes: Success[] = [];
  const timings: number[] = [];
  const byAction = new Map<string, number[]>();
  const counts = { inWindow: 0, conflicts: 0, repeated: 0, doubles: 0, pokes: 0, errors: 0 };
  const errors: string[] = [];
  const start = performance.now();
  const windowFrom = start + WARM_SECONDS * 1000;
  const windowTo = windowFrom + SECONDS * 1000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const step = async (d: LoadDossier, specialist: BenchUser, key: string, double: boolean) => {
    const k = known.get(d.id) as { version: number; state: string };
    const next = NEXT[k.state];
    if (!next) throw new Error(`dossier ${d.id} left the loop in state ${k.state}`);
    const body: Record<string, unknown> = { action: next.action, version: k.version, idempotencyKey: key };
    if (next.action === 'return') body.returnReasons = [{ nomineeId: d.nomineeId, partKind: 'achievement_report', criterion: 'initiative', note: 'Thiếu sáng kiến được công nhận' }];
    const cookie = (next.at === 'sender' ? d.officer : specialist).cookie;
    const send = async () => {
      const t = performance.now();
      const res = await fetch(`${baseUrl}/api/v1/dossiers/${d.id}/transitions`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await res.json()) as Answer;
      const inWindow = t >= windowFrom && t < windowTo;
      if (inWindow) {
        timings.push(performance.now() - t);
        byAction.set(next.action, [...(byAction.get(next.action) ?? []), performance.now() - t]);
      }
      return { status: res.status, json, inWindow };
    };
    const answers = double ? await Promise.all([send(), send()]) : [await send()];
    for (const a of answers) {
      const cur = known.get(d.id) as { version: number; state: string };
      if (a.status === 200) {
        if (a.json.repeated) counts.repeated++;
        else {
          successes.push({ id: d.id, version: a.json.version, action: next.action });
          if (a.inWindow) counts.inWindow++;
        }
        if (a.json.version > cur.version) known.set(d.id, { version: a.json.version, state: a.json.state });
      } else if (a.status === 409 && a.json.error?.code === 'VERSION_CONFLICT') {
        counts.conflicts++;
        const { currentVersion, state } = a.json.error.details;
        if (currentVersion > cur.version) known.set(d.id, { version: currentVersion, state });
      } else {
        counts.errors++;
        if (errors.length < 5) errors.push(`${a.status} ${JSON.stringify(a.json).slice(0, 300)}`);
      }
    }
  };

  const client = async (c: number) => {
    const own = [world.dossiers[(2 * c) % world.dossiers.length], world.dossiers[(2 * c + 1) % world.dossiers.length]];
    const specialist = world.specialists[c % world.specialists.length];
    await sleep(Math.random() * THINK_MS);
    for (let n = 0; performance.now() < windowTo; n++) {
      // A neighbour's dossier now and then (with what this client last saw of it), else one of its own.
      const poke = Math.random() < 0.05;
      const d = poke ? world.dossiers[(2 * (c + 1) + (n % 2)) % world.dossiers.length] : own[n % 2];
      const double = !poke && Math.random() < 0.04;
      if (poke) counts.pokes++;
      if (double) counts.doubles++;
      await step(d, specialist, `bench-c${c}-n${n}`, double);
      await sleep(THINK_MS * (0.5 + Math.random()));
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  return { successes, timings, byAction, counts, errors };
}

/** Steps the event log holds that the clients were not answered 200 for, and the reverse. */
async function lostOrDuplicated(databaseUrl: string, world: WorkflowWorld, successes: Success[]): Promise<{ lost: number; duplicated: number; events: number }> {
  const db = await openPostgres(databaseUrl, 1);
  try {
    const events = await db.query<Success>('select dossier_id as id, version, action from dossier_event where dossier_id = any($1::bigint[]) and action = any($2::text[])', [world.dossiers.map((d) => d.id), LOOP_ACTIONS]);
    const key = (s: Success) => `${s.id}:${s.version}:${s.action}`;
    const left = new Map<string, number>();
    for (const s of successes) left.set(key(s), (left.get(key(s)) ?? 0) + 1);
    let duplicated = 0;
    for (const e of events) {
      const n = left.get(key(e)) ?? 0;
      if (n > 0) left.set(key(e), n - 1);
      else duplicated++;
    }
    const lost = [...left.values()].reduce((a, b) => a + b, 0);
    return { lost, duplicated, events: events.length };
  } finally {
    await db.close();
  }
}

async function inboxP95(baseUrl: string, world: WorkflowWorld): Promise<number> {
  const cookie = world.specialists[0].cookie;
  const get = async () => {
    const t = performance.now();
    const res = await fetch(`${baseUrl}/api/v1/inbox`, { headers: { cookie } });
    const body = (await res.json()) as { groups: { kind: string; count: number }[] };
    if (res.status !== 200) throw new Error(`inbox answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return { ms: performance.now() - t, body };
  };
  const first = await get();
  const held = first.body.groups.find((g) => g.kind === 'dossiers.to_appraise')?.count ?? 0;
  if (held < OPEN_DOSSIERS) throw new Error(`the specialist's inbox shows ${held} dossiers to appraise, expected at least ${OPEN_DOSSIERS}`);
  for (let i = 0; i < 10; i++) await get();
  const ms: number[] = [];
  for (let i = 0; i < INBOX_SAMPLES; i++) ms.push((await get()).ms);
  note(`inbox: ${held} dossiers to appraise; p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms over ${INBOX_SAMPLES} requests`);
  return percentile(ms, 95);
}

/** Prints transitions_per_s, transition_p95_ms, transition_p99_ms, lost_or_duplicated and inbox_p95_ms. */
export async function benchWorkflow(): Promise<void> {
  const { url, drop } = await freshDatabase('vinhdanh_bench_workflow');
  try {
    const db = await openPostgres(url, 8);
    let world: WorkflowWorld;
    try {
      await migrate(db);
      world = await seedWorkflowWorld(db, { wards: 20, specialists: 20, loadDossiers: 2 * CLIENTS, open: OPEN_DOSSIERS, log: note });
    } finally {
      await db.close();
    }
    const server = await startServer(url);
    try {
      const load0 = loadavg()[0];
      note(`${CLIENTS} clients, ${WARM_SECONDS} s warm-up + ${SECONDS} s measured, think ${THINK_MS / 2}–${(THINK_MS * 3) / 2} ms; load average ${load0.toFixed(1)} (2 cores, shared)`);
      const run = await runLoad(server.baseUrl, world);
      const c = run.counts;
      note(`load average after: ${loadavg()[0].toFixed(1)}; ${run.timings.length} transition requests in the window, ${c.conflicts} answered 409 (${c.pokes} steps on a neighbour's dossier), ${c.doubles} double clicks (${c.repeated} answered as repeats), ${c.errors} other answers`);
      for (const e of run.errors) note(`unexpected answer: ${e}`);
      if (c.errors > run.timings.length / 100) throw new Error(`${c.errors} requests failed: ${run.errors.join(' | ')}`);
      report('transitions_per_s', c.inWindow / SECONDS, '/s');
      report('transition_p95_ms', percentile(run.timings, 95), 'ms');
      report('transition_p99_ms', percentile(run.timings, 99), 'ms');
      for (const [action, ms] of run.byAction) note(`${action}: ${ms.length} requests, p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms`);
      const check = await lostOrDuplicated(url, world, run.successes);
      note(`event log: ${check.events} loop events, clients recorded ${run.successes.length} steps; lost ${check.lost}, duplicated ${check.duplicated}`);
      report('lost_or_duplicated', check.lost + check.duplicated, 'count');
      report('inbox_p95_ms', await inboxP95(server.baseUrl, world), 'ms');
    } finally {
      server.child.kill('SIGTERM');
      await Promise.race([server.exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  } finally {
    if (process.env.BENCH_KEEP !== '1') await drop();
  }
}

if (import.meta.main) await benchWorkflow();

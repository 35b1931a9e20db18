/**
 * Two app instances on one PostgreSQL database (issue 12 §8): nothing a second instance needs lives in process
 * memory. Two `buildApp` on two pools to the same database, each with its own job runner on one shared pg-boss
 * schema, as two processes behind a load balancer would be; a dossier moves through both.
 *
 * PostgreSQL only (DB_TARGET=postgres): an embedded PGlite database belongs to one process (data-dir-lock.ts), so
 * there is no second instance to start on it.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../tests/support/app.ts';
import { eventually } from '../../tests/support/eventually.ts';
import { TEST_PASSWORD, makeUser, uniqueCccd } from '../../tests/support/factories.ts';
import { PEOPLE_HEADER, upload, xlsxOf } from '../modules/imports/test-helpers.ts';
import { type DossierWorld, api, bodyFor, dossierIn, makeDossierWorld, makeDraft, newKey } from '../modules/dossiers/test-dossiers.ts';

const onPostgres = !!inject('databaseUrl');

/** A real SMTP server in this process: what either instance's job sends arrives here over a socket. */
const mails: { to: string[] }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, done) {
    stream.resume();
    stream.on('end', () => {
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address) });
      done();
    });
  },
});

let a: TestContext;
let b: TestContext;
let smtpUrl: string;
let w: DossierWorld;

describe.skipIf(!onPostgres)('two app instances on one PostgreSQL database (skipped on PGlite: an embedded database has one process)', () => {
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    smtpUrl = `smtp://127.0.0.1:${port}`;
    const env = { SMTP_URL: smtpUrl, LOGIN_RATE_LIMIT: '1000' };
    // One pg-boss schema for both, private to this file: both instances work the same queue.
    const jobs = { schema: `pgboss_two_app_${process.pid}`, pollingIntervalSeconds: 0.5, retryDelaySeconds: 1 };
    a = await createTestContext(env, { jobs });
    b = await createTestContext(env, { jobs });
    w = await makeDossierWorld(a.db);
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('accepts on B a session signed in on A, and a sign-out on B ends it on A', async () => {
    const user = await makeUser(a.db, [{ role: 'viewer', orgUnitId: w.ward }]);
    const login = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((c) => c.name === 'vd_session');
    const cookie = `vd_session=${session?.value}`;
    const me = await call(b.app, cookie, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe(user.username);
    expect((await call(b.app, cookie, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200);
    expect((await call(a.app, cookie, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('counts sign-in attempts of one client address on both instances together (the throttle lives in the database)', async () => {
    // Servers on DATABASE_URL keep the counters in the database (auth/throttle-store.ts); a budget of 3 a minute.
    // SMTP_URL as A and B have it: whether notify e-mails is set per process by the last app built (mail-config.ts).
    const env = { DATABASE_URL: inject('databaseUrl') as string, LOGIN_RATE_LIMIT: '3', LOGIN_LOCKOUT_ATTEMPTS: '100', MFA_REQUIRED: '0', SMTP_URL: smtpUrl };
    const [x, y] = [await createTestContext(env), await createTestContext(env)];
    try {
      const remoteAddress = `198.51.100.${(process.pid % 250) + 1}`;
      const attempt = (c: TestContext) => c.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { username: 'khong-co-ai', password: 'sai-mat-khau-1' } });
      const codes = [];
      for (const c of [x, y, x, y]) codes.push((await attempt(c)).statusCode);
      // Each instance alone would have allowed its two attempts: together they used the budget of three.
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await x.close();
      await y.close();
    }
  });

  it('moves a dossier created on A through B, each seeing the other\'s steps, events and inbox', async () => {
    const d = await makeDraft(a.db, a.app, w);
    const onA = api(a.app);
    const onB = api(b.app);
    const submitted = await onB.send(w.atWard.unit_officer, 'POST', `/dossiers/${d.id}/transitions`, bodyFor('submit', w, d.version, d.nominees));
    expect(submitted.statusCode).toBe(200);
    let version: number = submitted.json().version;
    // The receiving level's specialist sees it arrive on A: the inbox and the notification.
    const inbox = (await onA.send(w.atCity.board_specialist, 'GET', '/inbox')).json();
    const toAppraise = inbox.groups.find((g: { kind: string }) => g.kind === 'dossiers.to_appraise');
    expect(toAppraise.items.map((i: { entityId: number }) => i.entityId)).toContain(d.id);
    const notes = (await onA.send(w.atCity.board_specialist, 'GET', '/notifications')).json();
    const arrived = notes.items.find((n: { kind: string; entityId: number }) => n.kind === 'dossier.arrived' && n.entityId === d.id);
    expect(arrived).toBeDefined();
    // Read on B: A says so.
    expect((await onB.send(w.atCity.board_specialist, 'POST', '/notifications/read', { ids: [arrived.id] })).statusCode).toBe(200);
    const again = (await onA.send(w.atCity.board_specialist, 'GET', '/notifications')).json();
    expect(again.items.find((n: { id: number }) => n.id === arrived.id).readAt).not.toBeNull();
    // Alternate instances step by step; each answer continues from the other's version.
    for (const [i, action] of ['receive', 'start_appraisal', 'to_council'].entries()) {
      const res = await (i % 2 === 0 ? onA : onB).send(w.atCity.board_specialist, 'POST', `/dossiers/${d.id}/transitions`, bodyFor(action, w, version, d.nominees));
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    const seen = await onB.detail(w.atWard.unit_officer, d.id);
    expect({ state: seen.state, version: seen.version }).toEqual({ state: 'council', version });
    const actions = (await a.db.query<{ action: string }>('select action from dossier_event where dossier_id = $1 order by id', [d.id])).map((r) => r.action);
    expect(actions).toEqual(['create', 'submit', 'receive', 'start_appraisal', 'to_council']);
  });

  it('lets exactly one of two simultaneous steps on A and B win; the other gets 409 naming the winner', async () => {
    const onA = api(a.app);
    const onB = api(b.app);
    for (let round = 0; round < 4; round++) {
      const d = await dossierIn(a.db, a.app, w, 'appraisal');
      const [first, second] = round % 2 === 0 ? [onA, onB] : [onB, onA];
      const answers = await Promise.all([
        first.send(w.atCity.board_specialist, 'POST', `/dossiers/${d.id}/transitions`, bodyFor('return', w, d.version, d.nominees)),
        second.send(w.atCity.board_leader, 'POST', `/dossiers/${d.id}/transitions`, bodyFor('reject', w, d.version, d.nominees)),
      ]);
      const won = answers.filter((r) => r.statusCode === 200);
      const lost = answers.filter((r) => r.statusCode !== 200);
      expect(won).toHaveLength(1);
      expect(lost.map((r) => [r.statusCode, r.json().error.code])).toEqual([[409, 'VERSION_CONFLICT']]);
      expect(lost[0].json().error.details).toMatchObject({ state: won[0].json().state, events: [expect.objectContaining({ to: won[0].json().state })] });
      const [{ n }] = await b.db.query<{ n: number }>("select count(*)::int as n from dossier_event where dossier_id = $1 and from_state = 'appraisal'", [d.id]);
      expect(n).toBe(1);
    }
  });

  it('answers a repeated request sent to both instances (same idempotency key) with one step', async () => {
    const d = await dossierIn(a.db, a.app, w, 'received');
    const key = newKey();
    const body = { ...bodyFor('start_appraisal', w, d.version, d.nominees), idempotencyKey: key };
    const answers = await Promise.all([a, b].map((c) => api(c.app).send(w.atCity.board_specialist, 'POST', `/dossiers/${d.id}/transitions`, body)));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(answers.map((r) => r.json().repeated).sort()).toEqual([false, true]);
    const [{ n }] = await a.db.query<{ n: number }>("select count(*)::int as n from dossier_event where dossier_id = $1 and action = 'start_appraisal'", [d.id]);
    expect(n).toBe(1);
  });

  it('runs each job one instance enqueued exactly once, on either instance', async () => {
    // Its own world: the officer's address receives only this test's mail.
    const own = await makeDossierWorld(a.db);
    const address = `officer${own.atWard.unit_officer.id}@example.vn`;
    await a.db.query('update app_user set email = $2 where id = $1', [own.atWard.unit_officer.id, address]);
    const dossiers = [];
    for (let i = 0; i < 6; i++) dossiers.push(await dossierIn(a.db, a.app, own, 'appraisal'));
    // Returns taken on both instances: each enqueues the e-mail job in its transaction.
    const returns = await Promise.all(dossiers.map((d, i) => api((i % 2 === 0 ? a : b).app).send(own.atCity.board_specialist, 'POST', `/dossiers/${d.id}/transitions`, bodyFor('return', own, d.version, d.nominees))));
    expect(returns.map((r) => r.statusCode)).toEqual(dossiers.map(() => 200));
    const sentTo = () => mails.filter((m) => m.to.includes(address)).length;
    await eventually(async () => sentTo() >= dossiers.length, 'the return e-mails to be sent');
    // A moment more: a job run twice (by both instances) would send a second message.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(sentTo()).toBe(dossiers.length);
    const pending = await a.db.query<{ n: number }>("select count(*)::int as n from notification where user_id = $1 and kind = 'dossier.returned' and emailed_at is null", [own.atWard.unit_officer.id]);
    expect(pending[0].n).toBe(0);
  });

  it('parses an upload taken by one instance in a background job, and applies it through the other', async () => {
    const officer = await makeUser(a.db, [{ role: 'unit_officer', orgUnitId: w.ward }]);
    const [{ code }] = await a.db.query<{ code: string }>('select code from org_unit where id = $1', [w.ward]);
    const rows = [1, 2, 3].map((i) => [uniqueCccd(), `Người Nhập ${i}`, 'Nam', '01/01/1985', code, 'Chuyên viên', 'Công chức', 'Không', '01/01/2024']);
    const res = await upload(a.app, officer.cookie, '/api/v1/imports/people', await xlsxOf(PEOPLE_HEADER, rows));
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as number;
    // The file waits on its job row, not in A's memory: B sees the job validated once either instance's worker parsed it.
    let job: { status: string; summary?: { counts?: { created?: number } } } = { status: 'parsing' };
    await eventually(async () => {
      job = (await call(b.app, officer.cookie, { method: 'GET', url: `/api/v1/imports/${id}` })).json();
      return job.status !== 'parsing';
    }, 'the upload to be parsed');
    expect(job.status).toBe('validated');
    const applied = await call(b.app, officer.cookie, { method: 'POST', url: `/api/v1/imports/${id}/apply` });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().created).toBe(3);
    const [{ file }] = await a.db.query<{ file: unknown }>('select file from import_job where id = $1', [id]);
    expect(file).toBeNull(); // the stored file goes once its rows are staged
  });
});

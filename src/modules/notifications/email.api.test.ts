import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { eventually } from '../../../tests/support/eventually.ts';
import { makeUser, makeWorld } from '../../../tests/support/factories.ts';
import { defineNotificationKind } from './kinds.ts';
import { notify } from './notify.ts';

defineNotificationKind('test.dossier_received', { vi: 'Hồ sơ {code} đã được tiếp nhận', en: 'Dossier {code} was received' });

/** A real SMTP server in this process: what the app sends arrives here over a socket (no mock of the mailer). */
interface Mail {
  to: string[];
  raw: string;
}
const inbox: Mail[] = [];
/** Addresses whose next message the server refuses with 451 (try again later), once. */
const refuseOnce = new Set<string>();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, done) {
    const refused = session.envelope.rcptTo.find((r) => refuseOnce.delete(r.address));
    if (refused) {
      stream.resume();
      stream.on('end', () => done(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 })));
      return;
    }
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
      done();
    });
  },
});

/** The decoded subject and text body of a message (RFC 2047 words; quoted-printable or base64 body). */
function decode(raw: string): { subject: string; body: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subjectLine = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  const subject = subjectLine.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
  );
  const bodyRaw = rest.join('\n\n');
  const body = /Content-Transfer-Encoding: base64/i.test(head) ? Buffer.from(bodyRaw.replace(/\s+/g, ''), 'base64').toString('utf8') : qp(bodyRaw.replace(/=\r?\n/g, ''));
  return { subject, body };
}
const qp = (s: string) => Buffer.from(s.replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

let ctx: TestContext;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  ctx = await createTestContext({ SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'https://thidua.example.vn/', MAIL_FROM: 'Ban TĐKT <tdkt@example.vn>' }, { jobs: { retryDelaySeconds: 1 } });
  world = await makeWorld(ctx.db);
});
afterAll(async () => {
  await ctx?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const mailsTo = (address: string) => inbox.filter((m) => m.to.includes(address));
const emailedAt = async (userId: number) =>
  (await ctx.db.query<{ emailed_at: string | null }>('select emailed_at from notification where user_id = $1', [userId])).map((r) => r.emailed_at);

describe('notifications by e-mail (SMTP_URL set)', () => {
  it('sends one e-mail per recipient with an address, after the commit, in their language, with the link', async () => {
    const withMail = await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: world.a }]);
    const english = await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: world.a }]);
    const without = await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: world.a }]);
    // The address is set through user administration (auth), as an admin would.
    for (const [u, email] of [[withMail, `an.${withMail.id}@example.vn`], [english, `en.${english.id}@example.vn`]] as const) {
      const res = await call(ctx.app, world.admin.cookie, { method: 'PATCH', url: `/api/v1/users/${u.id}`, payload: { version: 1, email } });
      expect(res.statusCode).toBe(200);
      expect(res.json().email).toBe(email);
    }
    await ctx.db.query("update app_user set locale = 'en' where id = $1", [english.id]);

    await ctx.db.tx((q) => notify(q, { userIds: [withMail.id, english.id, without.id], kind: 'test.dossier_received', params: { code: 'HS-9' }, link: '/dossiers/9' }));
    await eventually(async () => mailsTo(`an.${withMail.id}@example.vn`).length > 0 && mailsTo(`en.${english.id}@example.vn`).length > 0, 'the e-mails');

    const vi = decode(mailsTo(`an.${withMail.id}@example.vn`)[0].raw);
    expect(vi.subject).toContain('Hồ sơ HS-9 đã được tiếp nhận');
    expect(vi.body).toContain('https://thidua.example.vn/dossiers/9');
    expect(mailsTo(`an.${withMail.id}@example.vn`)[0].raw).toMatch(/^From: .*tdkt@example\.vn/m);
    expect(decode(mailsTo(`en.${english.id}@example.vn`)[0].raw).subject).toContain('Dossier HS-9 was received');
    // Nobody to write to: settled all the same (never retried), and no message anywhere for that account.
    await eventually(async () => (await emailedAt(without.id)).every((at) => at !== null), 'the account without address to be settled');
    expect(inbox.filter((m) => m.to.some((t) => t.includes(String(without.id))))).toEqual([]);
  });

  it('sends nothing for a notification rolled back with its transaction', async () => {
    const u = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: world.a }]);
    await ctx.db.query('update app_user set email = $2 where id = $1', [u.id, `rb.${u.id}@example.vn`]);
    await expect(ctx.db.tx(async (q) => {
      await notify(q, { userIds: [u.id], kind: 'test.dossier_received', params: { code: 'HS-10' } });
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    // A later notification to the same account arrives alone.
    await ctx.db.tx((q) => notify(q, { userIds: [u.id], kind: 'test.dossier_received', params: { code: 'HS-11' } }));
    await eventually(async () => mailsTo(`rb.${u.id}@example.vn`).length > 0, 'the later e-mail');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mailsTo(`rb.${u.id}@example.vn`).map((m) => decode(m.raw).subject)).toEqual([expect.stringContaining('HS-11')]);
  });

  it('retries when the SMTP server refuses, without sending twice what already went out', async () => {
    const first = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: world.a }]);
    const second = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: world.a }]);
    await ctx.db.query('update app_user set email = $2 where id = $1', [first.id, `first.${first.id}@example.vn`]);
    await ctx.db.query('update app_user set email = $2 where id = $1', [second.id, `second.${second.id}@example.vn`]);
    refuseOnce.add(`second.${second.id}@example.vn`);
    await ctx.db.tx((q) => notify(q, { userIds: [first.id, second.id], kind: 'test.dossier_received', params: { code: 'HS-12' } }));
    await eventually(async () => mailsTo(`second.${second.id}@example.vn`).length > 0, 'the refused e-mail on a retry');
    expect(refuseOnce.size).toBe(0); // it was refused once, then accepted
    expect(mailsTo(`first.${first.id}@example.vn`)).toHaveLength(1);
    expect(mailsTo(`second.${second.id}@example.vn`)).toHaveLength(1);
  });

  it('keeps e-mail addresses valid in user administration', async () => {
    const u = await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: world.a }]);
    const bad = await call(ctx.app, world.admin.cookie, { method: 'PATCH', url: `/api/v1/users/${u.id}`, payload: { version: 1, email: 'not an address' } });
    expect(bad.statusCode).toBe(400);
    const cleared = await call(ctx.app, world.admin.cookie, { method: 'PATCH', url: `/api/v1/users/${u.id}`, payload: { version: 1, email: null } });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().email).toBeNull();
  });
});

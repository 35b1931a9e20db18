/** Dossiers with the platform and the register: deadlines on working days, inbox, notifications, decisions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../tests/support/app.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { cityToday } from '../../shared/clock.ts';
import { type DossierWorld, api, bodyFor, dossierIn } from './test-dossiers.ts';
import { makeDossierWorld } from './test-dossiers.ts';
import { makePerson } from '../../../tests/support/factories.ts';
import { dossiersFromReview } from './commands.ts';
import { definedJobs } from '../../server/jobs.ts';
import { remindDeadlines } from './reminders.ts';

let ctx: TestContext;
let w: DossierWorld;
let a: ReturnType<typeof api>;
beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeDossierWorld(ctx.db);
  a = api(ctx.app);
});
afterAll(() => ctx.close());

describe('deadlines, inbox and notifications', () => {
  it('gives a received dossier its appraisal deadline in working days and shows it in the city specialist\'s inbox', async () => {
    const d = await dossierIn(ctx.db, ctx.app, w, 'received');
    const detail = await a.detail(w.atCity.board_specialist, d.id);
    expect(detail.dueOn).toBe(await addWorkingDays(ctx.db, cityToday(), 20));
    const inbox = (await a.send(w.atCity.board_specialist, 'GET', '/inbox')).json();
    const group = inbox.groups.find((g: { kind: string }) => g.kind === 'dossiers.to_appraise');
    expect(group.items.map((i: { entityId: number }) => i.entityId)).toContain(d.id);
    expect(group.items.find((i: { entityId: number }) => i.entityId === d.id)).toMatchObject({ entity: 'dossier', link: `/dossiers/${d.id}`, dueOn: detail.dueOn, overdue: false });
    // Past its deadline it counts as overdue.
    await ctx.db.query("update dossier set due_on = date '2026-01-05' where id = $1", [d.id]);
    const later = (await a.send(w.atCity.board_specialist, 'GET', '/inbox')).json().groups.find((g: { kind: string }) => g.kind === 'dossiers.to_appraise');
    expect(later.overdue).toBeGreaterThanOrEqual(1);
    expect(later.items.find((i: { entityId: number }) => i.entityId === d.id).overdue).toBe(true);
  });

  it('reminds the receiving level the working day before a deadline, once a day, and again once it has passed', async () => {
    expect(definedJobs()).toContain('dossiers.deadline-reminders'); // the daily job (07:00, city time) runs this
    const d = await dossierIn(ctx.db, ctx.app, w, 'received');
    const dueOn = (await a.detail(w.atCity.board_specialist, d.id)).dueOn as string;
    const dayBefore = await addWorkingDays(ctx.db, dueOn, -1);
    const reminders = async () => ((await a.send(w.atCity.board_specialist, 'GET', '/notifications?limit=100')).json().items as { entityId: number | null; kind: string; text: string }[])
      .filter((n) => n.entityId === d.id && n.kind.startsWith('dossier.'));
    const shown = dueOn.split('-').reverse().join('/');

    const twoDaysBefore = await addWorkingDays(ctx.db, dayBefore, -1);
    await ctx.db.tx((q) => remindDeadlines(q, twoDaysBefore));
    expect((await reminders()).filter((n) => n.kind === 'dossier.due')).toHaveLength(0); // two working days ahead: not yet
    await ctx.db.tx((q) => remindDeadlines(q, dayBefore));
    await ctx.db.tx((q) => remindDeadlines(q, dayBefore)); // a second run that day (another instance) adds nothing
    const due = (await reminders()).filter((n) => n.kind === 'dossier.due');
    expect(due).toHaveLength(1);
    expect(due[0].text).toContain(`đến hạn xử lý ngày ${shown}`);

    const dayAfter = await addWorkingDays(ctx.db, dueOn, 1);
    await ctx.db.tx((q) => remindDeadlines(q, dayAfter));
    const overdue = (await reminders()).filter((n) => n.kind === 'dossier.overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0].text).toContain(`quá hạn xử lý (hạn ${shown})`);
    // The sender is not told: it is not theirs to act on.
    const sender = ((await a.send(w.atWard.unit_officer, 'GET', '/notifications?limit=100')).json().items as { entityId: number | null; kind: string }[]);
    expect(sender.filter((n) => n.entityId === d.id && (n.kind === 'dossier.due' || n.kind === 'dossier.overdue'))).toHaveLength(0);
  });

  it('tells the officer who sent it when it comes back, with the reasons', async () => {
    const d = await dossierIn(ctx.db, ctx.app, w, 'returned');
    const list = (await a.send(w.atWard.unit_officer, 'GET', '/notifications')).json();
    const n = list.items.find((x: { entityId: number | null; kind: string }) => x.entityId === d.id && x.kind === 'dossier.returned');
    expect(n).toBeTruthy();
    expect(JSON.stringify(n)).toContain('Thiếu sáng kiến được công nhận');
  });
});

describe('the decisions register', () => {
  it('makes a decision draft when a dossier is decided without a number; issuing it writes the number on the dossier', async () => {
    const d = await dossierIn(ctx.db, ctx.app, w, 'council');
    const body = { ...bodyFor('decide', w, d.version, d.nominees), decision: null };
    const res = await a.send(w.atCity.board_leader, 'POST', `/dossiers/${d.id}/transitions`, body);
    expect(res.json()).toMatchObject({ state: 'decided' });
    const decided = await a.detail(w.atCity.board_leader, d.id);
    // The dossier points at its draft in the register (no number yet), so the leader goes from one to the other.
    expect(decided.decision).toEqual({ number: null, date: null, decisionId: expect.any(Number) });
    const decisionId = decided.decision.decisionId as number;
    const draft = (await a.send(w.atCity.board_leader, 'GET', `/decisions/${decisionId}`)).json();
    expect(draft).toMatchObject({ status: 'draft', awardCode: 'ministerial_provincial_certificate_of_merit' });
    expect(draft.awardees).toEqual([expect.objectContaining({ personId: d.people[0], dossierId: d.id, nomineeId: d.nominees[0] })]);
    const issued = await a.send(w.atCity.board_leader, 'POST', `/decisions/${decisionId}/issue`, { version: draft.version, decidedOn: '2026-12-05', signerName: 'Nguyễn Văn Chủ Tịch', signerTitle: 'Chủ tịch' });
    expect(issued.statusCode, issued.body).toBe(200);
    const after = await a.detail(w.atWard.unit_officer, d.id);
    expect(after.decision).toEqual({ number: issued.json().numberText, date: '2026-12-05', decisionId });
    expect(after.events.at(-1)).toMatchObject({ action: 'decision_issued', from: 'decided', to: 'decided' });
  });

  it('closes a dossier still at the council when a decision answering it is issued', async () => {
    const d = await dossierIn(ctx.db, ctx.app, w, 'council');
    const created = await a.send(w.atCity.board_leader, 'POST', '/decisions', {
      authorityUnitId: w.city, kind: 'QĐ-UBND', awardCode: 'ministerial_provincial_certificate_of_merit', awardType: 'merit', periodFrom: 2025, periodTo: 2025,
      awardees: [{ personId: d.people[0], dossierId: d.id, nomineeId: d.nominees[0] }],
    });
    expect(created.statusCode).toBe(201);
    await a.send(w.atCity.board_leader, 'POST', `/decisions/${created.json().id}/issue`, { version: created.json().version, decidedOn: '2026-12-06', signerName: 'Nguyễn Văn Chủ Tịch', signerTitle: 'Chủ tịch' });
    const after = await a.detail(w.atWard.unit_officer, d.id);
    expect(after).toMatchObject({ state: 'decided', decision: { date: '2026-12-06', decisionId: created.json().id } });
  });
});

describe('dossiers from the annual review', () => {
  it('makes one draft per award from the reviewing unit, in the caller\'s transaction; the same review again answers the same dossiers', async () => {
    const p1 = await makePerson(ctx.db, { unitId: w.ward });
    const p2 = await makePerson(ctx.db, { unitId: w.ward });
    const input = { reviewId: 424242, year: 2025, senderUnitId: w.ward, receiverUnitId: w.city, groups: [
      { awardCode: 'ministerial_provincial_certificate_of_merit', nominees: [{ personId: p1.id }, { personId: p2.id }] },
      { awardCode: 'ministerial_provincial_emulation_fighter', nominees: [{ personId: p1.id }] },
    ] };
    const officer = w.atWard.unit_officer;
    const run = () => ctx.db.tx((q) => dossiersFromReview(q, { id: officer.id, name: officer.username }, { all: false, unitIds: [w.ward] }, input));
    const made = await run();
    expect(made.map((m) => m.awardCode)).toEqual(['ministerial_provincial_certificate_of_merit', 'ministerial_provincial_emulation_fighter']);
    expect(await run()).toEqual(made);
    const first = await a.detail(officer, made[0].dossierId);
    expect(first).toMatchObject({ state: 'draft', awardType: 'merit', year: 2025, senderUnitId: w.ward, receiverUnitId: w.city });
    expect(first.nominees.map((n: { personId: number }) => n.personId)).toEqual([p1.id, p2.id]);
  });
});

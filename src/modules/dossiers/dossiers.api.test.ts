import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../../../tests/support/app.ts';
import { samplePdf } from './pdf.ts';
import { type DossierWorld, api, bodyFor, dossierIn, makeDossierWorld, makeDraft, newKey } from './test-dossiers.ts';

let ctx: TestContext;
let w: DossierWorld;
let a: ReturnType<typeof api>;
beforeAll(async () => {
  ctx = await createTestContext();
  w = await makeDossierWorld(ctx.db);
  a = api(ctx.app);
});
afterAll(() => ctx.close());

const count = async (sql: string, params: unknown[]) => (await ctx.db.query<{ n: number }>(sql, params))[0].n;

describe('a dossier from the ward to the city', () => {
  it('goes draft → submitted → received → appraisal → council → decided, each step an event with who and when', async () => {
    const d = await dossierIn(ctx.db, ctx.app, w, 'decided');
    const detail = await a.detail(w.atWard.unit_officer, d.id);
    expect(detail.state).toBe('decided');
    expect(detail.decision).toEqual({ number: '123/QĐ-UBND', date: '2026-12-01', decisionId: null });
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'receive', 'start_appraisal', 'to_council', 'decide']);
    expect(detail.events[1]).toMatchObject({ actor: w.atWard.unit_officer.username, from: 'draft', to: 'submitted' });
    expect(detail.nominees[0].check.award).toBe('ministerial_provincial_certificate_of_merit');
    expect(await count("select count(*)::int as n from audit_log where entity = 'dossier' and entity_id = $1 and action like 'dossier.%'", [String(d.id)])).toBeGreaterThanOrEqual(6);
  });

  it('refuses to send a dossier with a part missing, naming the part and the nominee, and changes nothing', async () => {
    const d = await makeDraft(ctx.db, ctx.app, w, { complete: false });
    const res = await a.send(w.atWard.unit_officer, 'POST', `/dossiers/${d.id}/transitions`, { action: 'submit', version: d.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'DOSSIER_GUARD_FAILED', details: { guard: 'required_parts' } });
    expect(res.json().error.details.missing.map((m: { kind: string }) => m.kind)).toEqual(['submission_letter', 'achievement_report', 'council_minutes']);
    expect((await a.detail(w.atWard.unit_officer, d.id)).state).toBe('draft');
  });

  it('refuses to send a nominee the engine does not pass until an override gives the reason', async () => {
    const d = await makeDraft(ctx.db, ctx.app, w, {});
    const detail = await a.detail(w.atWard.unit_officer, d.id);
    const n = detail.nominees[0];
    expect(n.eligible).not.toBe('true'); // a fresh person has no ratings: the engine does not pass them
    let version = (await a.send(w.atWard.unit_officer, 'PUT', `/dossiers/${d.id}/nominees/${n.id}/override`, { version: d.version, reason: null })).json().version;
    const refused = await a.send(w.atWard.unit_officer, 'POST', `/dossiers/${d.id}/transitions`, { action: 'submit', version });
    expect(refused.json().error).toMatchObject({ code: 'DOSSIER_GUARD_FAILED', details: { guard: 'checks_pass_or_overridden', nominees: [{ nomineeId: n.id }] } });
    version = (await a.send(w.atWard.unit_officer, 'PUT', `/dossiers/${d.id}/nominees/${n.id}/override`, { version, reason: 'Hội đồng xét thấy xứng đáng' })).json().version;
    expect((await a.send(w.atWard.unit_officer, 'POST', `/dossiers/${d.id}/transitions`, { action: 'submit', version })).statusCode).toBe(200);
  });

  it('shows the sender what it sent and the city what waits for it', async () => {
    const d = await dossierIn(ctx.db, ctx.app, w, 'submitted');
    const sent = (await a.send(w.atWard.unit_officer, 'GET', '/dossiers?box=sent')).json();
    const waiting = (await a.send(w.atCity.board_specialist, 'GET', '/dossiers?box=waiting')).json();
    expect(sent.items.map((x: { id: number }) => x.id)).toContain(d.id);
    expect(waiting.items.find((x: { id: number }) => x.id === d.id)).toMatchObject({ holderUnitId: w.city, state: 'submitted' });
    expect(waiting.items.find((x: { id: number }) => x.id === d.id).dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const stranger = await a.send(w.otherOfficer, 'GET', `/dossiers/${d.id}`);
    expect(stranger.statusCode).toBe(404);
  });
});

describe('the engine check kept at submission', () => {
  it('shows a later change of the nominee\'s data as a difference, without applying it', async () => {
    const d = await dossierIn(ctx.db, ctx.app, w, 'submitted');
    const before = await a.detail(w.atCity.board_specialist, d.id);
    expect(before.nominees[0].difference).toMatchObject({ changed: false });
    // Ratings recorded after submission (as the ratings module would): the kept check stays as it was.
    for (const year of [2021, 2022, 2023, 2024, 2025]) await ctx.db.query("insert into person_year_rating (person_id, year, rating) values ($1, $2, 'excellent')", [d.people[0], year]);
    const after = await a.detail(w.atCity.board_specialist, d.id);
    expect(after.nominees[0].check).toEqual(before.nominees[0].check);
    expect(after.nominees[0].eligible).toBe(before.nominees[0].eligible);
    expect(after.nominees[0].difference.changed).toBe(true);
    expect(after.nominees[0].difference.criteria.length).toBeGreaterThan(0);
  });
});

describe('returned with reasons', () => {
  it('goes back to the sender with which nominee, part and criterion; the sender fixes and resubmits; the reasons are resolved', async () => {
    const d = await dossierIn(ctx.db, ctx.app, w, 'appraisal');
    const ret = await a.send(w.atCity.board_specialist, 'POST', `/dossiers/${d.id}/transitions`, bodyFor('return', w, d.version, d.nominees));
    expect(ret.json()).toMatchObject({ state: 'returned' });
    const back = await a.detail(w.atWard.unit_officer, d.id);
    expect(back.holderUnitId).toBe(w.ward);
    expect(back.returnReasons).toEqual([expect.objectContaining({ nomineeId: d.nominees[0], partKind: 'achievement_report', criterion: 'initiative', note: 'Thiếu sáng kiến được công nhận', resolvedEventId: null })]);
    expect(back.actions.map((x: { action: string }) => x.action)).toEqual(expect.arrayContaining(['resubmit', 'withdraw']));
    // The sender adds the missing recognition and sends it again.
    const part = await a.upload(w.atWard.unit_officer, `/dossiers/${d.id}/parts?version=${back.version}&kind=initiative_recognition&nomineeId=${d.nominees[0]}`, samplePdf('sang kien'), 'sang-kien.pdf');
    expect(part.statusCode).toBe(201);
    const re = await a.send(w.atWard.unit_officer, 'POST', `/dossiers/${d.id}/transitions`, { action: 'resubmit', version: part.json().version });
    expect(re.json()).toMatchObject({ state: 'resubmitted' });
    const after = await a.detail(w.atCity.board_specialist, d.id);
    expect(after.returnReasons[0].resolvedEventId).toBe(after.events.at(-1).id);
    expect(after.holderUnitId).toBe(w.city);
  });

  it('refuses a return without reasons, or naming a nominee of another dossier', async () => {
    const d = await dossierIn(ctx.db, ctx.app, w, 'received');
    const none = await a.send(w.atCity.board_specialist, 'POST', `/dossiers/${d.id}/transitions`, { action: 'return', version: d.version });
    expect(none.json().error).toMatchObject({ code: 'DOSSIER_GUARD_FAILED', details: { guard: 'return_reasons_given' } });
    const other = await dossierIn(ctx.db, ctx.app, w, 'draft');
    const wrong = await a.send(w.atCity.board_specialist, 'POST', `/dossiers/${d.id}/transitions`, { action: 'return', version: d.version, returnReasons: [{ nomineeId: other.nominees[0], note: 'x' }] });
    expect(wrong.json().error).toMatchObject({ code: 'DOSSIER_GUARD_FAILED', details: { field: 'returnReasons.0.nomineeId' } });
  });
});

describe('bad input and concurrency', () => {
  it('creates one dossier for a double click (same idempotency key)', async () => {
    const key = newKey();
    const body = { title: 'Bấm hai lần', awardType: 'merit', awardCode: 'ministerial_provincial_certificate_of_merit', senderUnitId: w.ward, receiverUnitId: w.city, idempotencyKey: key };
    const [r1, r2] = await Promise.all([a.send(w.atWard.unit_officer, 'POST', '/dossiers', body), a.send(w.atWard.unit_officer, 'POST', '/dossiers', body)]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 201]);
    expect(r1.json().id).toBe(r2.json().id);
    expect(await count('select count(*)::int as n from dossier where idempotency_key = $1', [key])).toBe(1);
  });

  it('answers a repeated submit (same key) with what the first did, and a stale version with 409 and what happened', async () => {
    const d = await makeDraft(ctx.db, ctx.app, w, {});
    const key = newKey();
    const first = await a.send(w.atWard.unit_officer, 'POST', `/dossiers/${d.id}/transitions`, { action: 'submit', version: d.version, idempotencyKey: key });
    const again = await a.send(w.atWard.unit_officer, 'POST', `/dossiers/${d.id}/transitions`, { action: 'submit', version: d.version, idempotencyKey: key });
    expect(first.json()).toMatchObject({ state: 'submitted', repeated: false });
    expect(again.json()).toMatchObject({ state: 'submitted', repeated: true, version: first.json().version });
    const stale = await a.send(w.atWard.unit_officer, 'POST', `/dossiers/${d.id}/transitions`, { action: 'withdraw', version: d.version, reason: 'rút' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { state: 'submitted', events: [{ action: 'submit', actor: w.atWard.unit_officer.username, from: 'draft', to: 'submitted' }] } });
    expect(await count('select count(*)::int as n from dossier_event where dossier_id = $1', [d.id])).toBe(2);
    const reused = await a.send(w.atWard.unit_officer, 'POST', `/dossiers/${d.id}/transitions`, { action: 'withdraw', version: first.json().version, reason: 'rút', idempotencyKey: key });
    expect(reused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ field: 'idempotencyKey', rule: 'used_for_another_request' }] } });
  });

  it('refuses the same person for the same award while another dossier is pending, saying where it is', async () => {
    const d = await dossierIn(ctx.db, ctx.app, w, 'submitted');
    const res = await a.send(w.atWard.unit_officer, 'POST', '/dossiers', {
      title: 'Trùng', awardType: 'merit', awardCode: 'ministerial_provincial_certificate_of_merit', senderUnitId: w.ward, receiverUnitId: w.city, nominees: [{ personId: d.people[0] }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'DOSSIER_DUPLICATE_NOMINEE', details: { dossierId: d.id, holderUnitId: w.city, holderUnitName: 'UBND thành phố thử', state: 'submitted' } });
    expect(res.json().error.message).toContain('UBND thành phố thử');
    // Another award for the same person is a different proposal.
    const other = await a.send(w.atWard.unit_officer, 'POST', '/dossiers', {
      title: 'Khác', awardType: 'merit', awardCode: 'certificate_of_commendation', senderUnitId: w.ward, receiverUnitId: w.ward, nominees: [{ personId: d.people[0] }],
    });
    expect(other.statusCode).toBe(201);
  });

  it('takes PDF only, judged by content: a renamed text file or an HTML page is refused; a part downloads as an attachment', async () => {
    const d = await makeDraft(ctx.db, ctx.app, w, { complete: false });
    const url = (v: number) => `/dossiers/${d.id}/parts?version=${v}&kind=other`;
    const txt = await a.upload(w.atWard.unit_officer, url(d.version), Buffer.from('Chỉ là văn bản'), 'to-trinh.pdf');
    expect(txt.json().error).toMatchObject({ code: 'DOSSIER_PART_NOT_PDF', details: { check: 'not_pdf_header' } });
    const html = await a.upload(w.atWard.unit_officer, url(d.version), Buffer.from('<html><script>alert(1)</script></html>'), 'x.pdf');
    expect(html.json().error.code).toBe('DOSSIER_PART_NOT_PDF');
    const fake = await a.upload(w.atWard.unit_officer, url(d.version), Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>'), 'x.pdf');
    expect(fake.json().error).toMatchObject({ code: 'DOSSIER_PART_NOT_PDF', details: { check: 'no_eof_marker' } });
    const big = await a.upload(w.atWard.unit_officer, url(d.version), Buffer.concat([samplePdf(), Buffer.alloc(10 * 1_048_576 + 1)]), 'big.pdf');
    expect(big.statusCode).toBe(413);
    expect(await count('select count(*)::int as n from dossier_part where dossier_id = $1', [d.id])).toBe(0);
    const good = await a.upload(w.atWard.unit_officer, url(d.version), samplePdf('to trinh'), 'Tờ trình.pdf');
    expect(good.statusCode).toBe(201);
    const file = await a.send(w.otherOfficer, 'GET', `/dossiers/${d.id}/parts/${good.json().part.id}/file`);
    expect(file.statusCode).toBe(404); // another commune's officer does not see it
    const own = await a.send(w.atWard.viewer, 'GET', `/dossiers/${d.id}/parts/${good.json().part.id}/file`);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toMatch(/^attachment; filename="To trinh.pdf"; filename\*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh\.pdf$/);
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(own.rawPayload.equals(samplePdf('to trinh'))).toBe(true);
  });
});

describe('sudden awards, consultation and concurrence', () => {
  it('fast-tracks a sudden award from the draft to appraisal and counts the days from the act to the decision', async () => {
    const d = await makeDraft(ctx.db, ctx.app, w, { awardType: 'sudden', actDate: '2026-11-20' });
    const fast = await a.send(w.atWard.unit_officer, 'POST', `/dossiers/${d.id}/transitions`, { action: 'fast_track', version: d.version });
    expect(fast.json()).toMatchObject({ state: 'appraisal' });
    const dec = await a.send(w.atCity.board_leader, 'POST', `/dossiers/${d.id}/transitions`, { action: 'decide_fast', version: fast.json().version, decision: { number: '9/QĐ-UBND', date: '2026-11-27' } });
    expect(dec.json()).toMatchObject({ state: 'decided' });
    expect((await a.detail(w.atWard.unit_officer, d.id)).daysFromAct).toBe(7);
    // A merit dossier has no fast track.
    const merit = await makeDraft(ctx.db, ctx.app, w, {});
    const refused = await a.send(w.atWard.unit_officer, 'POST', `/dossiers/${merit.id}/transitions`, { action: 'fast_track', version: merit.version });
    expect(refused.json().error).toMatchObject({ code: 'DOSSIER_ACTION_NOT_ALLOWED', details: { rule: 'award_type' } });
  });

  it('posts a state-level award for 10 working days; the council decides only after the window, with comments and concurrences answered', async () => {
    const d = await dossierIn(ctx.db, ctx.app, w, 'consultation', { award: 'labor_order_3rd_class' });
    let detail = await a.detail(w.atCity.board_specialist, d.id);
    expect(detail.consultation).toMatchObject({ days: 10, basis: expect.stringContaining('Điều 44 khoản 2') });
    expect(detail.consultation.until).toBe(detail.dueOn);
    const comment = await a.send(w.atCity.board_specialist, 'POST', `/dossiers/${d.id}/comments`, { version: d.version, nomineeId: d.nominees[0], commenter: 'Ông Lê Văn B', content: 'Đồng ý đề nghị' });
    expect(comment.statusCode).toBe(201);
    const conc = await a.send(w.atCity.board_specialist, 'POST', `/dossiers/${d.id}/concurrences`, { version: comment.json().version, agency: 'Công an thành phố' });
    expect(conc.json().concurrence.dueOn).toMatch(/^\d{4}-/);
    let version = conc.json().version;
    const early = await a.send(w.atCity.board_leader, 'POST', `/dossiers/${d.id}/transitions`, bodyFor('decide', w, version, d.nominees));
    expect(early.json().error).toMatchObject({ code: 'DOSSIER_GUARD_FAILED', details: { guard: 'consultation_done', rule: 'consultation_window_open' } });
    await ctx.db.query("update dossier set consultation_until = date '2026-01-02' where id = $1", [d.id]); // the window has passed
    const unanswered = await a.send(w.atCity.board_leader, 'POST', `/dossiers/${d.id}/transitions`, bodyFor('decide', w, version, d.nominees));
    expect(unanswered.json().error).toMatchObject({ code: 'DOSSIER_GUARD_FAILED', details: { guard: 'concurrences_answered', open: [{ agency: 'Công an thành phố' }] } });
    const ans = await a.send(w.atCity.board_specialist, 'POST', `/dossiers/${d.id}/concurrences/${conc.json().concurrence.id}/answer`, { version: 1, answer: 'agree' });
    version = ans.json().version;
    expect((await a.send(w.atCity.board_leader, 'POST', `/dossiers/${d.id}/transitions`, bodyFor('decide', w, version, d.nominees))).json().state).toBe('decided');
    detail = await a.detail(w.atCity.board_specialist, d.id);
    expect(detail.comments[0]).toMatchObject({ commenter: 'Ông Lê Văn B', content: 'Đồng ý đề nghị' });
    expect(detail.concurrences[0]).toMatchObject({ answer: 'agree' });
  });

  it('refuses a consultation for an award that needs none', async () => {
    const d = await dossierIn(ctx.db, ctx.app, w, 'council');
    const res = await a.send(w.atCity.board_specialist, 'POST', `/dossiers/${d.id}/transitions`, { action: 'open_consultation', version: d.version });
    expect(res.json().error).toMatchObject({ code: 'DOSSIER_GUARD_FAILED', details: { guard: 'consultation_required' } });
  });

  it('forwards to the next level as a new draft linked to its source, with the nominees and their kept checks', async () => {
    const d = await dossierIn(ctx.db, ctx.app, w, 'forwarded');
    const src = await a.detail(w.atCity.board_specialist, d.id);
    expect(src.forwardedDossierIds).toHaveLength(1);
    const next = await a.detail(w.atCity.board_specialist, src.forwardedDossierIds[0]);
    expect(next).toMatchObject({ state: 'draft', sourceDossierId: d.id, senderUnitId: w.city, receiverUnitId: w.nation, hop: 2 });
    expect(next.nominees.map((n: { personId: number }) => n.personId)).toEqual(d.people);
    expect(next.nominees[0].check).toEqual(src.nominees[0].check);
    expect(next.parts.map((p: { kind: string }) => p.kind)).not.toContain('submission_letter');
  });

  it('addresses a dossier only to the sender itself or a unit above it, and forwards only upwards', async () => {
    const body = { title: 'Sai cấp', awardType: 'merit', awardCode: 'certificate_of_commendation', senderUnitId: w.ward, receiverUnitId: w.other };
    const sideways = await a.send(w.atWard.unit_officer, 'POST', '/dossiers', body);
    expect(sideways.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ field: 'receiverUnitId', rule: 'not_a_higher_level' }] } });
    const levels = (await a.send(w.atWard.unit_officer, 'GET', `/dossiers/receivers?senderUnitId=${w.ward}`)).json();
    expect(levels.units.map((u: { id: number }) => u.id)).toEqual([w.ward, w.city, w.nation]);
    const d = await dossierIn(ctx.db, ctx.app, w, 'council');
    const down = await a.send(w.atCity.board_specialist, 'POST', `/dossiers/${d.id}/transitions`, { action: 'forward', version: d.version, forwardTo: w.ward });
    expect(down.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ field: 'forwardTo', rule: 'not_a_higher_level' }] } });
  });
});

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { convertDocxToPdf } from '../../../tests/support/libreoffice.ts';
import { pdfText } from '../../../tests/support/pdf-text.ts';
import { type DossierWorld, api, makeDossierWorld, makeDraft } from '../dossiers/test-dossiers.ts';
import { checkDecree30 } from './decree30-check.ts';
import { type DocRef, renderDraft } from './service.ts';
import { sampleDocuments } from './samples.ts';
import { runCli } from '../../cli/cli.ts';
import { loadConfig } from '../../server/config.ts';

let ctx: TestContext;
let city: number;
let ward: number;
let other: number;
let board: string;
let officer: string;
let outsider: string;
let viewer: string;
let w: DossierWorld;
/** Every .docx a test downloaded, converted by LibreOffice at the end in one run. */
const docxFiles: Record<string, { bytes: Buffer; expect: string[] }> = {};
/** One of each kind made in these tests, for the samples. */
const refs: DocRef[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  city = await makeUnit(ctx.db, { kind: 'city_committee', name: 'Ủy ban nhân dân thành phố Thử Văn Bản' });
  ward = await makeUnit(ctx.db, { parentId: city, kind: 'ward', name: 'Phường Ỷ Lan' });
  other = await makeUnit(ctx.db, { parentId: city, kind: 'commune', name: 'Xã Khác Hẳn' });
  board = (await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: city }])).cookie;
  officer = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: ward }])).cookie;
  outsider = (await makeUser(ctx.db, [{ role: 'unit_leader', orgUnitId: other }])).cookie;
  viewer = (await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: ward }])).cookie;
  w = await makeDossierWorld(ctx.db);
});
afterAll(() => ctx.close());

const req = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => call(ctx.app, cookie, { method, url: `/api/v1${url}`, payload });
const ok = async (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
  const res = await req(cookie, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 400)}`).toBeLessThan(300);
  return res.json();
};
const file = async (cookie: string, url: string, format: 'docx' | 'pdf') => {
  const res = await req(cookie, 'GET', `${url}/file?format=${format}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-disposition']).toContain(`.${format}`);
  return res.rawPayload;
};

/** Every Vietnamese vowel with every tone mark, and đ/Đ: names made of them must come back letter for letter. */
const ALL_DIACRITICS = 'Ạ Ả Ã À Á Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ Đ Ẹ Ẻ Ẽ È É Ê Ề Ế Ể Ễ Ệ Ị Ỉ Ĩ Ì Í Ọ Ỏ Õ Ò Ó Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ Ụ Ủ Ũ Ù Ú Ư Ừ Ứ Ử Ữ Ự Ỵ Ỷ Ỹ Ỳ Ý';
const lower = ALL_DIACRITICS.toLocaleLowerCase('vi');

async function decisionDraft(awardees: object[], more: object = {}) {
  return ok(board, 'POST', '/decisions', {
    authorityUnitId: city, kind: 'QĐ-UBND', awardCode: 'advanced_worker', awardType: 'merit', periodFrom: 2025, periodTo: 2025,
    signerName: 'Trần Thị Ưng Ý', signerTitle: 'Phó Chủ tịch', awardees, ...more,
  });
}

describe('a decision and its attached list', () => {
  it('is drafted from the data, edited before issue, issued with the decision and never made again', async () => {
    const p1 = await makePerson(ctx.db, { unitId: ward, fullName: `Nguyễn ${ALL_DIACRITICS}` });
    const p2 = await makePerson(ctx.db, { unitId: ward, fullName: `Lê ${lower}` });
    const d = await decisionDraft([{ personId: p1.id }, { personId: p2.id }, { unitId: ward, awardCode: 'advanced_labor_collective' }]);
    const draft = await ok(board, 'GET', `/decisions/${d.id}/document`);
    expect(draft).toMatchObject({ kind: 'decision', status: 'draft', version: 1, edited: [] });
    expect(draft.content.articles[0]).toBe('Điều 1. Tặng danh hiệu "Lao động tiên tiến" cho 2 cá nhân; tặng danh hiệu "Tập thể lao động tiên tiến" cho 1 tập thể (có danh sách kèm theo) đã có thành tích trong năm 2025.');

    // Edit the summary; a key of another kind is refused naming it; an old version is refused.
    const bad = await req(board, 'PUT', `/decisions/${d.id}/document`, { version: 1, content: { reporterName: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'DOCUMENT_CONTENT_INVALID', details: { field: 'reporterName' } });
    const saved = await ok(board, 'PUT', `/decisions/${d.id}/document`, { version: 1, content: { summary: 'Về việc tặng danh hiệu "Lao động tiên tiến" năm 2025 (đã sửa)' } });
    expect(saved).toMatchObject({ version: 2, edited: ['summary'] });
    expect((await req(board, 'PUT', `/decisions/${d.id}/document`, { version: 1, content: { summary: 'x' } })).statusCode).toBe(409);
    // Officers of the ward read it only once issued (decision.read covers issued decisions of their people), never edit it.
    expect((await req(outsider, 'GET', `/decisions/${d.id}/document`)).statusCode).toBe(404);

    const draftPdf = await pdfText(await file(board, `/decisions/${d.id}/document`, 'pdf'));
    expect(draftPdf).toContain('(đã sửa)');
    expect(draftPdf).toMatch(/Số: +\/QĐ-UBND/);

    const issued = await ok(board, 'POST', `/decisions/${d.id}/issue`, { version: d.version, decidedOn: '2026-01-05' });
    expect(issued.numberText).toBe('01/QĐ-UBND');
    const doc = await ok(viewer, 'GET', `/decisions/${d.id}/document`);
    expect(doc).toMatchObject({ status: 'issued', content: { summary: expect.stringContaining('(đã sửa)') } });
    const pdf = await file(viewer, `/decisions/${d.id}/document`, 'pdf');
    const docx = await file(viewer, `/decisions/${d.id}/document`, 'docx');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(doc.pdfSha256);
    expect(createHash('sha256').update(docx).digest('hex')).toBe(doc.docxSha256);
    // Read again later: the same bytes, not made again.
    expect((await file(board, `/decisions/${d.id}/document`, 'pdf')).equals(pdf)).toBe(true);
    const edit = await req(board, 'PUT', `/decisions/${d.id}/document`, { version: 2, content: { summary: 'x' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('DOCUMENT_ISSUED');

    const text = await pdfText(pdf);
    for (const s of ['Số: 01/QĐ-UBND', 'Hà Nội, ngày 05 tháng 01 năm 2026', 'QUYẾT ĐỊNH', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Thị Ưng Ý', `Nguyễn ${ALL_DIACRITICS}`, `Lê ${lower}`, 'Phường Ỷ Lan',
      '(Kèm theo Quyết định số 01/QĐ-UBND ngày 05 tháng 01 năm 2026)', 'Tổng số: 1 tập thể, 2 cá nhân', '- Lưu: VT, SNV.']) expect(text.replace(/\s+/g, ' ')).toContain(s);
    expect(checkDecree30(docx, (await renderDraft(ctx.db, { kind: 'decision', refId: d.id })).model.expect)).toEqual([]);
    // What was issued cannot be changed in the database either.
    await expect(ctx.db.query(`update document set content = '{}'::jsonb where kind = 'decision' and ref_id = $1`, [d.id])).rejects.toThrow(/never changed/);
    refs.push({ kind: 'decision', refId: d.id });
    docxFiles['decision.docx'] = { bytes: docx, expect: ['Số: 01/QĐ-UBND', 'ngày 05 tháng 01 năm 2026', `Nguyễn ${ALL_DIACRITICS}`, `Lê ${lower}`, 'PHÓ CHỦ TỊCH'] };
  });

  it('refuses a decision without a signer naming the field, and makes one with no awardee yet', async () => {
    const d = await decisionDraft([], { signerName: null });
    const res = await req(board, 'GET', `/decisions/${d.id}/document/file?format=docx`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'DOCUMENT_INCOMPLETE', details: { field: 'signerName' } });
    // Its text can still be edited; the state says what is missing.
    const view = await ok(board, 'PUT', `/decisions/${d.id}/document`, { version: 1, content: { proposer: 'Theo đề nghị của Trưởng Ban Thi đua - Khen thưởng' } });
    expect(view.problem).toEqual({ code: 'DOCUMENT_INCOMPLETE', field: 'signerName' });
    const signed = await decisionDraft([]);
    const text = await pdfText(await file(board, `/decisions/${signed.id}/document`, 'pdf'));
    expect(text).toContain('(Chưa có tập thể, cá nhân nào trong danh sách)');
    expect(text).toContain('Tổng số: 0 tập thể, 0 cá nhân');
  });

  it('follows the wording an administrator edits, by version, within the Board only', async () => {
    const list = await ok(board, 'GET', '/document-wordings');
    const wardDefault = list.items.find((x: { unitKind: string | null }) => x.unitKind === 'ward');
    expect(wardDefault).toMatchObject({ place: '{UNIT_PLACE}', headTitle: 'CHỦ TỊCH' });
    expect((await req(officer, 'GET', '/document-wordings')).statusCode).toBe(403);

    const own = await ok(board, 'POST', '/document-wordings', { unitId: ward });
    expect(own).toMatchObject({ unitId: ward, place: 'Ỷ Lan', issuingBody: 'ỦY BAN NHÂN DÂN PHƯỜNG Ỷ LAN' });
    const { id, version, unitId: _u, unitKind: _k, unitName: _n, ...fields } = own;
    const changed = await ok(board, 'PUT', `/document-wordings/${id}`, { ...fields, version, place: 'Ỷ Lan Mới', bases: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'] });
    expect(changed.version).toBe(version + 1);
    expect((await req(board, 'PUT', `/document-wordings/${id}`, { ...fields, version })).statusCode).toBe(409);
    const empty = await req(board, 'PUT', `/document-wordings/${id}`, { ...fields, version: changed.version, issuingBody: '' });
    expect(empty.statusCode).toBe(400);

    const person = await makePerson(ctx.db, { unitId: ward, fullName: 'Phạm Văn Đức' });
    const d = await ok(board, 'POST', '/decisions', { authorityUnitId: ward, kind: 'QĐ-UBND', awardCode: 'advanced_worker', awardType: 'merit', periodFrom: 2025, periodTo: 2025, signerName: 'Vũ Thị Hạnh', signerTitle: 'Chủ tịch', awardees: [{ personId: person.id }] });
    const text = (await pdfText(await file(board, `/decisions/${d.id}/document`, 'pdf'))).replace(/\s+/g, ' ');
    expect(text).toMatch(/Ỷ Lan Mới, ngày +tháng +năm 2026/);
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG Ỷ LAN');
    expect(text).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Theo đề nghị');
    expect(text).not.toContain('KT. CHỦ TỊCH');
  });
});

describe('the papers of a dossier', () => {
  it('submission letter, cover list and each nominee\'s report: edited, checked, issued once', async () => {
    const d = await makeDraft(ctx.db, ctx.app, w, { nominees: 2 });
    const a = api(ctx.app);
    const officerW = w.atWard.unit_officer;
    const base = `/dossiers/${d.id}/documents/submission_letter`;
    const letter = (await a.send(officerW, 'GET', base)).json();
    expect(letter).toMatchObject({ kind: 'submission_letter', status: 'draft', content: { recipientTo: 'UBND thành phố thử' } });
    const saved = (await a.send(officerW, 'PUT', base, { version: letter.version, content: { number: '7', signerName: 'Đỗ Thị Ánh' } })).json();
    expect(saved.edited.sort()).toEqual(['number', 'signerName']);
    // Someone outside the dossier's units sees nothing.
    expect((await a.send(w.otherOfficer, 'GET', base)).statusCode).toBe(404);

    const letterDocx = await file(officerW.cookie, base, 'docx');
    const letterPdf = await pdfText(await file(officerW.cookie, base, 'pdf'));
    for (const s of ['TỜ TRÌNH', 'Số: 07/TTr-UBND', 'Kính gửi: UBND thành phố thử.', 'Nguyễn Văn Đề Cử 1', 'Nguyễn Văn Đề Cử 2', '- Như trên;', 'Đỗ Thị Ánh']) expect(letterPdf.replace(/\s+/g, ' ')).toContain(s);
    expect(checkDecree30(letterDocx, (await renderDraft(ctx.db, { kind: 'submission_letter', refId: d.id })).model.expect)).toEqual([]);

    const issued = (await a.send(officerW, 'POST', `${base}/issue`, { version: saved.version })).json();
    expect(issued.status).toBe('issued');
    expect((await a.send(officerW, 'POST', `${base}/issue`, { version: issued.version })).json().error.code).toBe('DOCUMENT_ISSUED');
    expect((await file(officerW.cookie, base, 'docx')).equals(await file(officerW.cookie, base, 'docx'))).toBe(true);

    const cover = `/dossiers/${d.id}/documents/dossier_cover`;
    const coverDocx = await file(officerW.cookie, cover, 'docx');
    const coverText = (await pdfText(await file(officerW.cookie, cover, 'pdf'))).replace(/\s+/g, ' ');
    expect(coverText).toContain('DANH MỤC HỒ SƠ');
    expect(coverText).toContain('Báo cáo thành tích của Nguyễn Văn Đề Cử 1');
    expect(checkDecree30(coverDocx, (await renderDraft(ctx.db, { kind: 'dossier_cover', refId: d.id })).model.expect)).toEqual([]);

    const report = `/dossiers/${d.id}/nominees/${d.nominees[0]}/report`;
    const r = (await a.send(officerW, 'GET', report)).json();
    expect(r.content.profile[0]).toContain('Nguyễn Văn Đề Cử 1');
    const edited = (await a.send(officerW, 'PUT', report, { version: r.version, content: { achievements: ['Hoàn thành xuất sắc 120% chỉ tiêu năm 2025; sáng kiến "Số hóa hồ sơ" được công nhận ngày 15/11/2025.'] } })).json();
    expect(edited.edited).toEqual(['achievements']);
    const reportDocx = await file(officerW.cookie, report, 'docx');
    const reportText = (await pdfText(await file(officerW.cookie, report, 'pdf'))).replace(/\s+/g, ' ');
    for (const s of ['BÁO CÁO THÀNH TÍCH', 'I. SƠ LƯỢC LÝ LỊCH', '120% chỉ tiêu năm 2025', '15/11/2025', 'NGƯỜI BÁO CÁO THÀNH TÍCH']) expect(reportText).toContain(s);
    expect(checkDecree30(reportDocx, (await renderDraft(ctx.db, { kind: 'achievement_report', refId: d.nominees[0], dossierId: d.id })).model.expect)).toEqual([]);
    // A nominee of another dossier is not found under this one.
    const other = await makeDraft(ctx.db, ctx.app, w, { nominees: 1, complete: false });
    expect((await a.send(officerW, 'GET', `/dossiers/${d.id}/nominees/${other.nominees[0]}/report`)).statusCode).toBe(404);

    refs.push({ kind: 'submission_letter', refId: d.id }, { kind: 'dossier_cover', refId: d.id }, { kind: 'achievement_report', refId: d.nominees[0], dossierId: d.id });
    Object.assign(docxFiles, {
      'letter.docx': { bytes: letterDocx, expect: ['Số: 07/TTr-UBND', 'Nguyễn Văn Đề Cử 2'] },
      'cover.docx': { bytes: coverDocx, expect: ['DANH MỤC HỒ SƠ'] },
      'report.docx': { bytes: reportDocx, expect: ['15/11/2025', 'Nguyễn Văn Đề Cử 1'] },
    });
  });
});

describe('the minutes of a council session', () => {
  it('carry the counts once the vote is closed, and are refused while it is open', async () => {
    const people = await Promise.all([1, 2].map((i) => makePerson(ctx.db, { unitId: ward, fullName: `Hoàng Thị Ứng Viên ${i}` })));
    const members = Array.from({ length: 10 }, (_, i) => ({ name: `Thành Viên Hội Đồng ${i + 1}`, role: i === 0 ? 'chair' : i === 9 ? 'secretary' : 'member' }));
    const s = await ok(board, 'POST', '/councils', {
      orgUnitId: city, purpose: 'other', refId: null, title: 'Họp Hội đồng TĐKT xét khen thưởng năm 2025', meetsOn: '2026-01-08', ballot: 'paper', members,
      candidates: people.map((p) => ({ personId: p.id, awardCode: 'grassroots_emulation_fighter' })),
    });
    const open = await req(board, 'GET', `/councils/${s.id}/minutes/file?format=pdf`);
    expect(open.statusCode).toBe(422);
    expect(open.json().error.details.field).toBe('result');
    const counted = await ok(board, 'PUT', `/councils/${s.id}/counts`, { version: s.version, counts: [{ candidateId: s.candidates[0].id, yes: 9, no: 1, blank: 0 }, { candidateId: s.candidates[1].id, yes: 6, no: 3, blank: 1 }] });
    await ok(board, 'POST', `/councils/${s.id}/close`, { version: counted.version });

    const docx = await file(board, `/councils/${s.id}/minutes`, 'docx');
    const text = (await pdfText(await file(board, `/councils/${s.id}/minutes`, 'pdf'))).replace(/\s+/g, ' ');
    for (const x of ['BIÊN BẢN', 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', 'Hà Nội, ngày 08 tháng 01 năm 2026', 'Hoàng Thị Ứng Viên 1 Chiến sĩ thi đua cơ sở 9 1 0 90%', 'Hoàng Thị Ứng Viên 2', '6 3 1 60%', 'Không đạt', '10/10 thành viên có mặt', 'Thành Viên Hội Đồng 1']) expect(text).toContain(x);
    expect(checkDecree30(docx, (await renderDraft(ctx.db, { kind: 'council_minutes', refId: s.id })).model.expect)).toEqual([]);
    expect((await req(officer, 'GET', `/councils/${s.id}/minutes`)).statusCode).toBe(404);
    refs.push({ kind: 'council_minutes', refId: s.id });
    docxFiles['minutes.docx'] = { bytes: docx, expect: ['Hoàng Thị Ứng Viên 1', 'Không đạt'] };
  });
});

describe('every .docx', () => {
  it('opens in LibreOffice and reads back with its diacritics, numbers and dates', async () => {
    expect(Object.keys(docxFiles).length).toBe(5);
    const pdfs = convertDocxToPdf(Object.fromEntries(Object.entries(docxFiles).map(([k, v]) => [k, v.bytes])));
    for (const [name, { expect: wanted }] of Object.entries(docxFiles)) {
      const text = (await pdfText(pdfs[name])).replace(/\s+/g, ' ');
      for (const s of wanted) expect(text, name).toContain(s);
    }
  }, 240_000);
});

describe('samples for review', () => {
  it('writes one .docx and .pdf of each kind, each passing the Decree 30 checks', async () => {
    expect(refs.map((r) => r.kind).sort()).toEqual(['achievement_report', 'council_minutes', 'decision', 'dossier_cover', 'submission_letter']);
    const dir = mkdtempSync(join(tmpdir(), 'vd-samples-'));
    const written = await sampleDocuments(ctx.db, dir, refs);
    expect(written.map((x) => x.failures)).toEqual([[], [], [], [], []]);
    for (const x of written) for (const ext of ['docx', 'pdf']) expect(existsSync(join(dir, `${x.file}.${ext}`)), `${x.file}.${ext}`).toBe(true);
  });

  it('the command asks for a folder', async () => {
    const lines: string[] = [];
    const code = await runCli(['sample-documents'], {
      config: loadConfig({}), out: (l) => lines.push(l), err: (l) => lines.push(l), interactive: false,
      readHidden: async () => '', openDb: async () => ctx.db, ownsDb: false,
    });
    expect(code).toBe(2);
    expect(lines.join('\n')).toContain('sample-documents');
  });
});

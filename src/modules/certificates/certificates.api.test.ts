import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { pdfPageSizes, pdfText } from '../../../tests/support/pdf-text.ts';
import { onDecisionIssued } from '../decisions/hooks.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_ALPHABET } from './codes.ts';
import { sampleCertificates } from './samples.ts';

let ctx: TestContext;
let top: number;
let ward: number;
let board: string;
let officer: string;
let viewer: string;

// Registered after the certificates' own handler (imported with the app): a failure after the certificates were
// made undoes the issue, register numbers included.
onDecisionIssued(async (_q, issued) => {
  if (issued.awardees.some((a) => a.dossierId === 777_777)) throw new Error('a later handler failed');
});

beforeAll(async () => {
  ctx = await createTestContext();
  top = await makeUnit(ctx.db, { kind: 'city_committee', name: 'UBND thành phố chứng nhận' });
  ward = await makeUnit(ctx.db, { parentId: top, kind: 'ward', name: 'Phường Ngọc Hà' });
  board = (await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: top }])).cookie;
  officer = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: ward }])).cookie;
  viewer = (await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: ward }])).cookie;
});
afterAll(() => ctx.close());

const api = (cookie: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => call(ctx.app, cookie, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });

/** An authority of its own: its register starts at 1. */
const authority = (name = 'Sở cấp bằng') => makeUnit(ctx.db, { parentId: top, kind: 'other', name });

async function issued(unit: number, awardees: object[], more: { awardCode?: string; decidedOn?: string; periodFrom?: number } = {}) {
  const year = more.periodFrom ?? 2025;
  const res = await api(board, 'POST', '/decisions', {
    authorityUnitId: unit, kind: 'QĐ-UBND', awardCode: more.awardCode ?? 'ministerial_provincial_certificate_of_merit', awardType: 'merit',
    periodFrom: year, periodTo: year, signerName: 'Trần Sỹ Thanh', signerTitle: 'CHỦ TỊCH', awardees,
  });
  expect(res.statusCode, res.body).toBe(201);
  const d = res.json() as { id: number; version: number };
  const done = await api(board, 'POST', `/decisions/${d.id}/issue`, { version: d.version, decidedOn: more.decidedOn ?? '2026-01-15' });
  return { id: d.id, res: done };
}

interface Cert { id: number; awardeeId: number; name: string; unitName: string | null; registerNumber: number; year: number; code: string; shortCode: string; verifyUrl: string; revokedOn: string | null; blankCode: string }
const certificates = async (cookie: string, decisionId: number) => {
  const res = await api(cookie, 'GET', `/decisions/${decisionId}/certificates`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Cert[]; canPrint: boolean };
};

describe('certificates made at issue', () => {
  it('gives one per awardee with consecutive register numbers per authority and year, unguessable codes and short codes', async () => {
    const unit = await authority();
    const people = await Promise.all(['Nguyễn Thị Ánh Tuyết', 'Phạm Đức Hưởng', 'Lê Quỳnh Ỷ'].map((n) => makePerson(ctx.db, { unitId: ward, fullName: n })));
    const first = await issued(unit, [...people.map((p) => ({ personId: p.id })), { unitId: ward }]);
    expect(first.res.statusCode, first.res.body).toBe(200);
    const list = await certificates(board, first.id);
    expect(list.canPrint).toBe(true);
    expect(list.items.map((c) => c.registerNumber)).toEqual([1, 2, 3, 4]);
    expect(list.items.map((c) => c.name)).toEqual(['Nguyễn Thị Ánh Tuyết', 'Phạm Đức Hưởng', 'Lê Quỳnh Ỷ', 'Phường Ngọc Hà']);
    expect(list.items[0]).toMatchObject({ unitName: 'Phường Ngọc Hà', year: 2026, blankCode: 'certificate_of_merit_a3', revokedOn: null });
    expect(list.items[3].unitName).toBeNull();
    const alphabet = new RegExp(`^[${CODE_ALPHABET}]{20}$`);
    for (const c of list.items) {
      expect(c.code).toMatch(alphabet);
      expect(c.code).not.toMatch(/[01ILO]/);
      expect(c.shortCode).toMatch(new RegExp(`^[${CODE_ALPHABET}]{5}-[${CODE_ALPHABET}]{5}$`));
      expect(c.verifyUrl).toBe(`http://localhost:3000/verify/${c.code}`);
    }
    expect(new Set(list.items.map((c) => c.code)).size).toBe(4);

    // The next decision of the same authority and year continues the series; another year starts again at 1.
    const p4 = await makePerson(ctx.db, { unitId: ward });
    const second = await issued(unit, [{ personId: p4.id }]);
    expect((await certificates(board, second.id)).items.map((c) => c.registerNumber)).toEqual([5]);
    const p5 = await makePerson(ctx.db, { unitId: ward });
    const older = await issued(unit, [{ personId: p5.id }], { decidedOn: '2025-12-30' });
    expect((await certificates(board, older.id)).items.map((c) => [c.year, c.registerNumber])).toEqual([[2025, 1]]);
  });

  it('leaves no gap when the issue fails after the certificates were made', async () => {
    const unit = await authority();
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => makePerson(ctx.db, { unitId: ward })));
    const ok = await issued(unit, [{ personId: a.id }]);
    expect((await certificates(board, ok.id)).items.map((x) => x.registerNumber)).toEqual([1]);
    const failing = await issued(unit, [{ personId: b.id, dossierId: 777_777 }]);
    expect(failing.res.statusCode).toBe(500);
    const next = await issued(unit, [{ personId: c.id }]);
    expect((await certificates(board, next.id)).items.map((x) => x.registerNumber)).toEqual([2]);
  });

  it('numbers decisions issued at the same time consecutively, none twice', async () => {
    const unit = await authority();
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => makePerson(ctx.db, { unitId: ward })));
    const team = await makeUnit(ctx.db, { parentId: ward, kind: 'other', name: 'Tổ dân phố số 5' });
    const drafts = await Promise.all(people.map(async (p, i) => {
      const res = await api(board, 'POST', '/decisions', {
        authorityUnitId: unit, kind: 'QĐ-UBND', awardCode: 'ministerial_provincial_certificate_of_merit', awardType: 'merit', periodFrom: 2025, periodTo: 2025,
        signerName: 'Trần Sỹ Thanh', awardees: i === 0 ? [{ personId: p.id }, { unitId: team }] : [{ personId: p.id }],
      });
      return res.json() as { id: number; version: number };
    }));
    const results = await Promise.all(drafts.map((d) => api(board, 'POST', `/decisions/${d.id}/issue`, { version: d.version, decidedOn: '2026-02-01' })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const numbers = (await Promise.all(drafts.map((d) => certificates(board, d.id)))).flatMap((l) => l.items.map((c) => c.registerNumber));
    expect(numbers.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('shows a decision’s certificates to its readers only; printing needs certificate.print on the authority', async () => {
    const unit = await authority();
    const p = await makePerson(ctx.db, { unitId: ward });
    const d = await issued(unit, [{ personId: p.id }]);
    expect((await certificates(viewer, d.id)).canPrint).toBe(false);
    const outsiderUnit = await makeUnit(ctx.db, { parentId: top, kind: 'commune', name: 'Xã Ngoài' });
    const outsider = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: outsiderUnit }])).cookie;
    expect((await api(outsider, 'GET', `/decisions/${d.id}/certificates`)).statusCode).toBe(404);
    expect((await api(viewer, 'GET', `/decisions/${d.id}/certificates.pdf`)).statusCode).toBe(403);
    // The ward's officer covers the awardee but not the authority's register.
    expect((await api(officer, 'GET', `/decisions/${d.id}/certificates.pdf`)).statusCode).toBe(404);
    expect((await api(null, 'GET', `/decisions/${d.id}/certificates`)).statusCode).toBe(401);
  });
});

describe('certificate PDFs', () => {
  it('prints the blank variant on the blank’s sheet with only the fields, and the colour variant with its heading', async () => {
    const unit = await authority('Ủy ban nhân dân thành phố Hà Nội');
    const giver = await makePerson(ctx.db, { unitId: ward, fullName: 'Hoàng Thị Ngọc Huyền' });
    const fighter = await makePerson(ctx.db, { unitId: ward, fullName: 'Đặng Văn Ước' });
    const d = await issued(unit, [{ personId: giver.id }]);
    const t = await issued(unit, [{ personId: fighter.id }], { awardCode: 'grassroots_emulation_fighter' });
    expect(t.res.statusCode, t.res.body).toBe(200);
    const [cert] = (await certificates(board, d.id)).items;

    const blank = await api(board, 'GET', `/decisions/${d.id}/certificates.pdf?variant=blank`);
    expect(blank.statusCode, blank.body).toBe(200);
    expect(blank.headers['content-type']).toBe('application/pdf');
    const bytes = blank.rawPayload;
    expect(await pdfPageSizes(bytes)).toEqual([[1191, 842]]); // A3 landscape, 420 × 297 mm
    const text = await pdfText(bytes);
    expect(text).toContain('Hoàng Thị Ngọc Huyền');
    expect(text).toContain('Phường Ngọc Hà');
    expect(text).toContain('Đã có thành tích xuất sắc trong công tác năm 2025');
    expect(text).toContain('Quyết định số 01/QĐ-UBND ngày 15/01/2026');
    expect(text).toContain(`Số sổ khen thưởng: ${cert.registerNumber}/2026`);
    expect(text).toContain('Hà Nội, ngày 15 tháng 01 năm 2026');
    expect(text).toContain('Trần Sỹ Thanh');
    expect(text).toContain('CHỦ TỊCH');
    expect(text).toContain(`Mã xác minh: ${cert.shortCode}`);
    // The blank already carries the heading: a blank print does not write it again.
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

    const colour = await api(board, 'GET', `/decisions/${d.id}/certificates.pdf?variant=colour`);
    expect(colour.statusCode).toBe(200);
    const ctext = await pdfText(colour.rawPayload);
    expect(ctext).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(ctext).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(ctext).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI');
    expect(ctext).toContain('BẰNG KHEN CỦA BỘ, BAN, NGÀNH, TỈNH');
    expect(ctext).toContain('Hoàng Thị Ngọc Huyền');

    // A title is printed on its own blank ("Tặng danh hiệu").
    const title = await api(board, 'GET', `/decisions/${t.id}/certificates.pdf?variant=colour`);
    const ttext = await pdfText(title.rawPayload);
    expect(ttext).toContain('TẶNG DANH HIỆU');
    expect(ttext).toContain('Đạt danh hiệu Chiến sĩ thi đua cơ sở năm 2025');

    const one = await api(board, 'GET', `/decisions/${d.id}/certificates/${cert.id}/pdf?variant=blank`);
    expect(one.statusCode).toBe(200);
    expect(await pdfPageSizes(one.rawPayload)).toHaveLength(1);
    expect((await api(board, 'GET', `/decisions/${d.id}/certificates/999999999/pdf`)).statusCode).toBe(404);
  });

  it('wraps a very long collective name and unit name instead of cutting them', async () => {
    const unit = await authority();
    const longName = 'Phòng Quản lý đô thị, Tài nguyên và Môi trường, Kinh tế, Hạ tầng, Văn hóa, Khoa học và Thông tin thuộc Ủy ban nhân dân phường Ngọc Hà, thành phố Hà Nội';
    const collective = await makeUnit(ctx.db, { parentId: ward, kind: 'other', name: longName });
    const p = await makePerson(ctx.db, { unitId: collective, fullName: 'Tôn Nữ Thị Huyền Trang Khánh Ngọc Bảo Quỳnh Như Ý' });
    const d = await issued(unit, [{ unitId: collective }, { personId: p.id }]);
    expect(d.res.statusCode, d.res.body).toBe(200);
    const pdf = await api(board, 'GET', `/decisions/${d.id}/certificates.pdf?variant=colour`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const flat = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(flat).toContain(longName);
    expect(flat).toContain('Tôn Nữ Thị Huyền Trang Khánh Ngọc Bảo Quỳnh Như Ý');
  });
});

describe('printer calibrations', () => {
  it('are saved per unit, printer and blank, audited and versioned; one pushing a field off the sheet is refused naming it', async () => {
    const unit = await authority();
    const off = await api(board, 'POST', '/certificates/calibrations', { ownerUnitId: unit, printer: 'HP LaserJet A3', blankCode: 'certificate_of_merit_a3', offsetXMm: 0, offsetYMm: 40 });
    expect(off.statusCode, off.body).toBe(400);
    expect(off.json().error).toMatchObject({ code: 'CERTIFICATE_FIELD_OFF_SHEET', details: { field: 'signer_name', fields: ['signer_name', 'short_code', 'qr'], blank: 'certificate_of_merit_a3' } });
    expect(off.json().error.message).toContain('signer_name');
    const left = await api(board, 'POST', '/certificates/calibrations', { ownerUnitId: unit, printer: 'HP LaserJet A3', blankCode: 'certificate_of_merit_a3', offsetXMm: -45, offsetYMm: 0 });
    expect(left.json().error.details.field).toBe('decision');

    const made = await api(board, 'POST', '/certificates/calibrations', { ownerUnitId: unit, printer: 'HP LaserJet A3', blankCode: 'certificate_of_merit_a3', offsetXMm: 2.5, offsetYMm: -1.5 });
    expect(made.statusCode, made.body).toBe(201);
    const cal = made.json() as { id: number; version: number };
    expect(made.json()).toMatchObject({ offsetXMm: 2.5, offsetYMm: -1.5, printer: 'HP LaserJet A3', blankName: 'Bằng khen (phôi A3 ngang)' });
    const twice = await api(board, 'POST', '/certificates/calibrations', { ownerUnitId: unit, printer: 'HP LaserJet A3', blankCode: 'certificate_of_merit_a3', offsetXMm: 0, offsetYMm: 0 });
    expect(twice.statusCode).toBe(409);
    expect((await api(board, 'POST', '/certificates/calibrations', { ownerUnitId: unit, printer: 'X', blankCode: 'nope', offsetXMm: 0, offsetYMm: 0 })).json().error.code).toBe('CERTIFICATE_BLANK_UNKNOWN');

    const moved = await api(board, 'PUT', `/certificates/calibrations/${cal.id}`, { offsetXMm: 3, offsetYMm: 1, version: cal.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ offsetXMm: 3, offsetYMm: 1, version: 2 });
    const stale = await api(board, 'PUT', `/certificates/calibrations/${cal.id}`, { offsetXMm: 4, offsetYMm: 1, version: cal.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.fields).toContain('offsetXMm');
    const offSheet = await api(board, 'PUT', `/certificates/calibrations/${cal.id}`, { offsetXMm: 0, offsetYMm: 21, version: 2 });
    expect(offSheet.json().error).toMatchObject({ code: 'CERTIFICATE_FIELD_OFF_SHEET', details: { field: 'short_code', fields: ['short_code'] } });

    const audit = await ctx.db.query<{ action: string }>(`select action from audit_log where entity = 'printer_calibration' and entity_id = $1 order by id`, [String(cal.id)]);
    expect(audit.map((a) => a.action)).toEqual(['certificate.calibration.create', 'certificate.calibration.update']);

    const list = await api(board, 'GET', '/certificates/calibrations');
    expect((list.json() as { items: { id: number }[] }).items.map((c) => c.id)).toContain(cal.id);
    // Outside the scope: not listed, not changeable.
    const other = await makeUnit(ctx.db, { parentId: top, kind: 'commune', name: 'Xã In Riêng' });
    const otherOfficer = (await makeUser(ctx.db, [{ role: 'unit_officer', orgUnitId: other }])).cookie;
    expect((await api(otherOfficer, 'GET', '/certificates/calibrations')).json().items).toEqual([]);
    expect((await api(otherOfficer, 'PUT', `/certificates/calibrations/${cal.id}`, { offsetXMm: 0, offsetYMm: 0, version: 2 })).statusCode).toBe(404);
    expect((await api(viewer, 'GET', '/certificates/calibrations')).statusCode).toBe(403);

    // The test page: the blank's sheet, rulers, each field outlined and named, the printer and its offset.
    const page = await api(board, 'GET', `/certificates/blanks/certificate_of_merit_a3/test-page.pdf?calibrationId=${cal.id}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(await pdfPageSizes(page.rawPayload)).toEqual([[1191, 842]]);
    const text = await pdfText(page.rawPayload);
    expect(text).toContain('TRANG THỬ CĂN CHỈNH — Bằng khen (phôi A3 ngang)');
    expect(text).toContain('Máy in: HP LaserJet A3 · độ lệch x = 3 mm, y = 1 mm');
    for (const f of ['name', 'unit', 'award_text', 'decision', 'register', 'place_date', 'signer_title', 'signer_name', 'short_code', 'qr']) expect(text).toContain(f);
    expect(text).toContain('100');
    const a4 = await api(board, 'GET', '/certificates/blanks/certificate_of_commendation_a4/test-page.pdf');
    expect(await pdfPageSizes(a4.rawPayload)).toEqual([[842, 595]]);
    expect((await api(board, 'GET', `/certificates/blanks/certificate_of_commendation_a4/test-page.pdf?calibrationId=${cal.id}`)).statusCode).toBe(404);

    // Printing with the printer's calibration moves every field by its offset (the QR and texts stay on the sheet).
    const p = await makePerson(ctx.db, { unitId: ward, fullName: 'Vũ Thị Thu Hà' });
    const d = await issued(unit, [{ personId: p.id }]);
    const printed = await api(board, 'GET', `/decisions/${d.id}/certificates.pdf?variant=blank&printer=${encodeURIComponent('HP LaserJet A3')}`);
    expect(printed.statusCode, printed.body).toBe(200);
    expect(await pdfText(printed.rawPayload)).toContain('Vũ Thị Thu Hà');
  });
});

describe('public verification', () => {
  it('answers valid, revoked with the date and the revoking decision, or unknown — without login, showing only what the certificate shows', async () => {
    const unit = await authority();
    const [a, b] = await Promise.all(['Bùi Thị Xuân', 'Ngô Quyền'].map((n) => makePerson(ctx.db, { unitId: ward, fullName: n })));
    const d = await issued(unit, [{ personId: a.id }, { personId: b.id }]);
    const [ca, cb] = (await certificates(board, d.id)).items;

    const valid = await api(null, 'GET', `/public/verify/${ca.code}`);
    expect(valid.statusCode, valid.body).toBe(200);
    expect(valid.json()).toEqual({
      status: 'valid',
      certificate: { name: 'Bùi Thị Xuân', unit: 'Phường Ngọc Hà', award: 'Bằng khen của Bộ, ban, ngành, tỉnh', decisionNumber: '01/QĐ-UBND', decidedOn: '2026-01-15', signedBy: null },
      revocation: null,
    });
    // The short code as typed: lower case, with or without its dash.
    expect((await api(null, 'GET', `/public/verify/${ca.shortCode.toLowerCase()}`)).json().status).toBe('valid');
    expect((await api(null, 'GET', `/public/verify/${ca.shortCode.replace('-', '')}`)).json().certificate.name).toBe('Bùi Thị Xuân');
    for (const wrong of ['AAAAAAAAAAAAAAAAAAAA', 'ABCDE-FGHJK', 'O0O0O', ca.code.slice(0, 19), `${ca.code}2`]) {
      expect((await api(null, 'GET', `/public/verify/${encodeURIComponent(wrong)}`)).json()).toEqual({ status: 'unknown', certificate: null, revocation: null });
    }

    // Revoke one awardee (decisions' revocation): the verification says so at once, the other stays valid.
    const dv = (await api(board, 'GET', `/decisions/${d.id}`)).json() as { version: number };
    const rev = await api(board, 'POST', `/decisions/${d.id}/revocations`, {
      version: dv.version, awardeeIds: [cb.awardeeId], ground: REVOCATION_GROUND, reason: 'Khai man thành tích', legalBasis: 'Điều 93 Luật Thi đua, khen thưởng 2022',
      decidedOn: '2026-03-02', signerName: 'Trần Sỹ Thanh', signerTitle: 'CHỦ TỊCH',
    });
    expect(rev.statusCode, rev.body).toBe(201);
    const revoked = (await api(null, 'GET', `/public/verify/${cb.code}`)).json();
    expect(revoked).toMatchObject({ status: 'revoked', certificate: { name: 'Ngô Quyền' }, revocation: { revokedOn: '2026-03-02', revokingNumber: rev.json().numberText, revokingDate: '2026-03-02' } });
    expect(JSON.stringify(revoked)).not.toContain('Khai man');
    expect((await api(null, 'GET', `/public/verify/${ca.code}`)).json().status).toBe('valid');
    expect((await certificates(board, d.id)).items.map((c) => c.revokedOn)).toEqual([null, '2026-03-02']);
    // A whole decision's print leaves the revoked one out.
    const flat = await pdfText((await api(board, 'GET', `/decisions/${d.id}/certificates.pdf`)).rawPayload);
    expect(flat).toContain('Bùi Thị Xuân');
    expect(flat).not.toContain('Ngô Quyền');

    // A verified signed copy of the decision (signatures' table, written here as its upload would): "signed by".
    await ctx.db.query(
      `insert into decision_signature (decision_id, pdf, sha256, file_name, signer_name, organisation, serial, signed_at, sub_filter, digest_algorithm, verified_at)
       values ($1, '\\x00', 'x', 'qd.pdf', 'TRẦN SỸ THANH', 'UBND THÀNH PHỐ HÀ NỘI', '01', '2026-01-15T08:00:00Z', 'adbe.pkcs7.detached', 'sha256', now())`,
      [d.id],
    );
    expect((await api(null, 'GET', `/public/verify/${ca.code}`)).json().certificate.signedBy).toMatchObject({ name: 'TRẦN SỸ THANH', organisation: 'UBND THÀNH PHỐ HÀ NỘI' });
  });

  it('is rate-limited per client address', async () => {
    const limited = await createTestContext({ VERIFY_RATE_LIMIT: '3' });
    try {
      // Addresses of this run only: on PostgreSQL the counters live in the shared test database for a minute.
      const ip = (n: number) => `198.51.${Math.floor(Math.random() * 250)}.${n}`;
      const [a, b] = [ip(7), ip(8)];
      const hit = (addr: string) => limited.app.inject({ method: 'GET', url: '/api/v1/public/verify/ABCDEFGHJKMNPQRSTUVW', remoteAddress: addr });
      for (let i = 0; i < 3; i += 1) expect((await hit(a)).statusCode).toBe(200);
      const over = await hit(a);
      expect(over.statusCode).toBe(429);
      expect(over.json().error.code).toBe('RATE_LIMITED');
      expect((await hit(b)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('samples for review', () => {
  it('writes each blank in both variants and its test page, from issued certificates where there are some', async () => {
    const p = await makePerson(ctx.db, { unitId: ward, fullName: 'Phan Bội Châu' });
    expect((await issued(await authority(), [{ personId: p.id }])).res.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'certificate-samples-'));
    const names = await sampleCertificates(ctx.db, dir);
    expect(names).toHaveLength(15);
    expect(names).toContain('chung-nhan-certificate_of_merit_a3-ban-mau.pdf');
    const merit = await pdfText(readFileSync(join(dir, 'chung-nhan-certificate_of_merit_a3-in-phoi.pdf')));
    expect(merit).toContain('Phan Bội Châu'); // the newest Bằng khen issued
    expect(merit).toContain('Quyết định số 01/QĐ-UBND ngày 15/01/2026');
    const commendation = await pdfText(readFileSync(join(dir, 'chung-nhan-certificate_of_commendation_a4-ban-mau.pdf')));
    expect(commendation).toContain('GIẤY KHEN');
  });
});

const REVOCATION_GROUND = 'fraudulent_declaration';

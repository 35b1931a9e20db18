import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, call, createTestContext } from '../../../tests/support/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../tests/support/factories.ts';
import { type Identity, decisionPdf, issueCert, makeRootCa, pemBundle, signPdf } from '../../../tests/support/sign-pdf.ts';
import { decisionSignature } from './read.ts';

const DAY = 86_400_000;
let ctx: TestContext;
let city: number;
let ward: number;
let board: string;
let wardViewer: string;
let outsider: string;
let admin: string;
let root: Identity;
let intermediate: Identity;
let signer: Identity;
let rogueRoot: Identity;
let rogueSigner: Identity;
let base: Buffer;

beforeAll(async () => {
  // The city's CA: root (in the SIGNATURE_TRUST_ROOTS file) → intermediate → the chairman's signing certificate.
  root = await makeRootCa('CN=Test Root CA Việt Nam, O=Bộ Thử nghiệm, C=VN');
  intermediate = await issueCert(root, 'CN=Test CA Chữ ký số Chính phủ, O=Ban Cơ yếu Thử, C=VN', { ca: true });
  signer = await issueCert(intermediate, 'CN=Nguyễn Văn Chủ, O=UBND Thành phố Thử, C=VN');
  // Someone's own CA nobody trusts, with a signer of the same name.
  rogueRoot = await makeRootCa('CN=Rogue Root, C=VN');
  rogueSigner = await issueCert(rogueRoot, 'CN=Nguyễn Văn Chủ, O=UBND Thành phố Thử, C=VN');
  const dir = mkdtempSync(join(tmpdir(), 'vd-roots-'));
  writeFileSync(join(dir, 'roots.pem'), pemBundle(root));
  ctx = await createTestContext({ SIGNATURE_TRUST_ROOTS: join(dir, 'roots.pem') });
  city = await makeUnit(ctx.db, { kind: 'city_committee', name: 'UBND thành phố ký số' });
  ward = await makeUnit(ctx.db, { parentId: city, kind: 'ward', name: 'Phường Ký Số' });
  const other = await makeUnit(ctx.db, { parentId: city, kind: 'commune', name: 'Xã Không Liên Quan' });
  board = (await makeUser(ctx.db, [{ role: 'board_specialist', orgUnitId: city }])).cookie;
  admin = (await makeUser(ctx.db, [{ role: 'system_admin', orgUnitId: city }])).cookie;
  wardViewer = (await makeUser(ctx.db, [{ role: 'viewer', orgUnitId: ward }])).cookie;
  outsider = (await makeUser(ctx.db, [{ role: 'unit_leader', orgUnitId: other }])).cookie;
  base = await decisionPdf();
});
afterAll(() => ctx?.close());

const api = (cookie: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => call(ctx.app, cookie, { method, url: `/api/v1${url}`, payload });
function upload(cookie: string, decisionId: number, file: Buffer, fileName = 'QD-da-ky.pdf') {
  const boundary = `----vd${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return call(ctx.app, cookie, { method: 'POST', url: `/api/v1/decisions/${decisionId}/signed-copies`, payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

/** A decision of the city awarding someone of the ward, issued unless `draft`. */
async function decision(draft = false): Promise<number> {
  const p = await makePerson(ctx.db, { unitId: ward, fullName: 'Trần Thị Khen' });
  const made = await api(board, 'POST', '/decisions', {
    authorityUnitId: city, kind: 'QĐ-UBND', awardCode: 'advanced_worker', awardType: 'merit', periodFrom: 2025, periodTo: 2025,
    signerName: 'Nguyễn Văn Chủ', signerTitle: 'CHỦ TỊCH', awardees: [{ personId: p.id }],
  });
  expect(made.statusCode, made.body).toBe(201);
  if (draft) return made.json().id;
  const issued = await api(board, 'POST', `/decisions/${made.json().id}/issue`, { version: made.json().version, decidedOn: '2026-01-15' });
  expect(issued.statusCode, issued.body).toBe(200);
  return made.json().id;
}

const refusal = (res: { statusCode: number; json: () => { error: { code: string; message: string; details: Record<string, unknown> } } }) => ({ status: res.statusCode, ...res.json().error });

describe('signed copy of a decision', () => {
  it('verifies a good signature, stores the PDF and shows who signed it, to readers in scope only', async () => {
    const id = await decision();
    const signedAt = new Date(Date.now() - 3_600_000);
    const pdf = await signPdf(base, signer, { signingTime: signedAt });
    const res = await upload(board, id, pdf);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      decisionId: id, signerName: 'Nguyễn Văn Chủ', organisation: 'UBND Thành phố Thử', issuerName: 'Test CA Chữ ký số Chính phủ',
      subFilter: 'adbe.pkcs7.detached', digestAlgorithm: 'SHA-256', sizeBytes: pdf.length,
    });
    expect(new Date(res.json().signedAt).getTime()).toBe(Math.floor(signedAt.getTime() / 1000) * 1000);
    expect(await decisionSignature(ctx.db, id)).toEqual({ signerName: 'Nguyễn Văn Chủ', organisation: 'UBND Thành phố Thử', signedAt: res.json().signedAt });

    // A reader of the ward the decision awards sees it and downloads the very bytes, as an attachment.
    const list = await api(wardViewer, 'GET', `/decisions/${id}/signed-copies`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ canUpload: false, items: [{ id: res.json().id, signerName: 'Nguyễn Văn Chủ' }] });
    expect((await api(board, 'GET', `/decisions/${id}/signed-copies`)).json().canUpload).toBe(true);
    const file = await api(wardViewer, 'GET', `/decisions/${id}/signed-copies/${res.json().id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="QD-da-ky.pdf"/);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    // Outside the scope: nothing to see, nothing to upload.
    expect((await api(outsider, 'GET', `/decisions/${id}/signed-copies`)).statusCode).toBe(404);
    expect((await upload(outsider, id, pdf)).statusCode).toBe(404);
    expect((await upload(wardViewer, id, pdf)).statusCode).toBe(403);
    // The upload is in the audit log.
    const [logged] = await ctx.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'signatures.upload' and entity_id = $1`, [String(res.json().id)]);
    expect(logged.n).toBe(1);
  });

  it('accepts the PAdES sub-filter (ETSI.CAdES.detached)', async () => {
    const id = await decision();
    const res = await upload(board, id, await signPdf(base, signer, { subFilter: 'ETSI.CAdES.detached' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().subFilter).toBe('ETSI.CAdES.detached');
  });

  it('refuses a file changed after signing: a changed byte, or bytes appended after the signature', async () => {
    const id = await decision();
    const pdf = await signPdf(base, signer);
    const tampered = Buffer.from(pdf);
    const at = pdf.indexOf('Adobe.PPKLite');
    tampered[at] = 'a'.charCodeAt(0);
    expect(refusal(await upload(board, id, tampered))).toMatchObject({ status: 422, code: 'SIGNATURE_DIGEST_MISMATCH', details: { algorithm: 'SHA-256' } });
    const appended = Buffer.concat([pdf, Buffer.from('\n9 0 obj\n(Thêm sau khi ký)\nendobj\n%%EOF\n', 'utf8')]);
    expect(refusal(await upload(board, id, appended))).toMatchObject({ status: 422, code: 'SIGNATURE_BYTE_RANGE', details: { reason: 'bytes_after_range' } });
    expect((await api(board, 'GET', `/decisions/${id}/signed-copies`)).json().items).toEqual([]);
    expect(await decisionSignature(ctx.db, id)).toBeNull();
  });

  it('checks the last signature of a PDF signed twice (the one covering the whole file)', async () => {
    const id = await decision();
    const countersigner = await issueCert(intermediate, 'CN=Đỗ Thị Văn Thư, O=Văn phòng UBND Thành phố Thử, C=VN');
    const twice = await signPdf(await signPdf(base, signer), countersigner);
    const res = await upload(board, id, twice);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ signerName: 'Đỗ Thị Văn Thư', organisation: 'Văn phòng UBND Thành phố Thử' });
    // The second signature by an untrusted CA is not hidden by a good first one.
    expect(refusal(await upload(board, id, await signPdf(await signPdf(base, signer), rogueSigner)))).toMatchObject({ code: 'SIGNATURE_UNTRUSTED' });
  });

  it('refuses a signature that does not verify with the certificate it names', async () => {
    const id = await decision();
    const forged = await signPdf(base, signer, { privateKey: rogueSigner.keys.privateKey });
    expect(refusal(await upload(board, id, forged))).toMatchObject({ status: 422, code: 'SIGNATURE_INVALID', details: { reason: 'signature_does_not_verify' } });
  });

  it('refuses a signer certified by an untrusted CA, until an admin trusts that root', async () => {
    const id = await decision();
    const pdf = await signPdf(base, rogueSigner);
    const refused = refusal(await upload(board, id, pdf));
    expect(refused).toMatchObject({ status: 422, code: 'SIGNATURE_UNTRUSTED', details: { signer: 'Nguyễn Văn Chủ', issuer: 'Rogue Root' } });
    expect(refused.message).toContain('Rogue Root');

    // Only document.template may add a root; a board specialist has it, a ward viewer does not.
    const rogueRootPem = rogueRoot.pem;
    const denied = await api(wardViewer, 'POST', '/signature-roots', { label: 'Không', content: rogueRootPem });
    expect(denied.statusCode, denied.body).toBe(403);
    const added = await api(admin, 'POST', '/signature-roots', { label: 'CA thử nghiệm thứ hai', content: rogueRootPem });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ label: 'CA thử nghiệm thứ hai', subject: expect.stringContaining('CN=Rogue Root') });
    expect(refusal(await api(admin, 'POST', '/signature-roots', { label: 'Lần nữa', content: rogueRootPem }))).toMatchObject({ code: 'SIGNATURE_ROOT_INVALID', details: { reason: 'already_trusted' } });
    expect(refusal(await api(admin, 'POST', '/signature-roots', { label: 'Không gốc', content: intermediate.pem }))).toMatchObject({ code: 'SIGNATURE_ROOT_INVALID', details: { reason: 'not_self_signed' } });
    expect((await upload(board, id, pdf)).statusCode).toBe(201);

    // Removed again (by version): new uploads signed under it are refused, the copy verified before stays.
    const roots = (await api(admin, 'GET', '/signature-roots')).json();
    expect(roots.configuredCount).toBe(1);
    const mine = roots.items.find((r: { id: number }) => r.id === added.json().id);
    expect((await api(admin, 'DELETE', `/signature-roots/${mine.id}?version=${mine.version + 1}`)).statusCode).toBe(409);
    expect((await api(admin, 'DELETE', `/signature-roots/${mine.id}?version=${mine.version}`)).statusCode).toBe(200);
    const id2 = await decision();
    expect(refusal(await upload(board, id2, pdf))).toMatchObject({ code: 'SIGNATURE_UNTRUSTED' });
    expect((await api(board, 'GET', `/decisions/${id}/signed-copies`)).json().items).toHaveLength(1);
    const [logged] = await ctx.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action in ('signatures.add_root', 'signatures.remove_root') and entity_id = $1`, [String(mine.id)]);
    expect(logged.n).toBe(2);
  });

  it('refuses a chain the PDF does not carry (no intermediate, nothing to build it from)', async () => {
    const id = await decision();
    expect(refusal(await upload(board, id, await signPdf(base, signer, { withoutChain: true })))).toMatchObject({ code: 'SIGNATURE_UNTRUSTED' });
  });

  it('judges validity at the signing time: expired then → refused; expired since → accepted', async () => {
    const expired = await issueCert(intermediate, 'CN=Lê Văn Hết Hạn, O=UBND Thành phố Thử, C=VN', { notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - 30 * DAY) });
    const id = await decision();
    const late = await signPdf(base, expired, { signingTime: new Date(Date.now() - 10 * DAY) });
    expect(refusal(await upload(board, id, late))).toMatchObject({ status: 422, code: 'SIGNATURE_CERT_EXPIRED', details: { subject: 'Lê Văn Hết Hạn' } });
    const inTime = await signPdf(base, expired, { signingTime: new Date(Date.now() - 60 * DAY) });
    const ok = await upload(board, id, inTime);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().signerName).toBe('Lê Văn Hết Hạn');
  });

  it('refuses what is no signed PDF, and a decision not issued', async () => {
    const id = await decision();
    expect(refusal(await upload(board, id, Buffer.from('<html>not a pdf</html>'), 'qd.pdf'))).toMatchObject({ status: 400, code: 'SIGNATURE_NOT_PDF', details: { check: 'not_pdf_header' } });
    expect(refusal(await upload(board, id, base))).toMatchObject({ status: 422, code: 'SIGNATURE_MISSING' });
    const draft = await decision(true);
    expect(refusal(await upload(board, draft, await signPdf(base, signer)))).toMatchObject({ status: 409, code: 'SIGNATURE_DECISION_NOT_ISSUED', details: { status: 'draft' } });
  });

  it('keeps every verified copy: a new upload is shown, the old one stays downloadable', async () => {
    const id = await decision();
    const first = await upload(board, id, await signPdf(base, signer, { signingTime: new Date(Date.now() - 2 * DAY) }), 'ban-1.pdf');
    const secondSigner = await issueCert(intermediate, 'CN=Phạm Thị Phó, O=UBND Thành phố Thử, C=VN');
    const secondPdf = await signPdf(base, secondSigner);
    const second = await upload(board, id, secondPdf, 'ban-2.pdf');
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    const items = (await api(board, 'GET', `/decisions/${id}/signed-copies`)).json().items;
    expect(items.map((i: { fileName: string }) => i.fileName)).toEqual(['ban-2.pdf', 'ban-1.pdf']);
    expect((await decisionSignature(ctx.db, id))?.signerName).toBe('Phạm Thị Phó');
    const old = await api(board, 'GET', `/decisions/${id}/signed-copies/${first.json().id}/file`);
    expect(old.statusCode).toBe(200);
    expect(old.rawPayload.equals(secondPdf)).toBe(false);
    expect(old.rawPayload.toString('latin1')).toContain('/ByteRange');
  });
});

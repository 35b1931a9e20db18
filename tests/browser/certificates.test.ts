import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, login, newPage, screenshot, useBrowser } from './harness.ts';
import { apiCall, unitIdByCode } from './support.ts';

// Issue 13 §2 (H2): an issued decision lists its certificates with register numbers and codes and downloads them as
// one PDF; the QR's address opens the public verification page without signing in and says "valid"; revoked, it
// says "revoked" with the date and the revoking decision; the short code typed on the page finds it too; the
// calibration page lists the blanks and their test pages.

const POLL = { timeout: 20_000 };

interface Cert { id: number; name: string; code: string; shortCode: string; verifyUrl: string; awardeeId: number; registerNumber: number }

describe('certificates and their public verification (issue 13)', () => {
  const browser = useBrowser();
  const pages: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const p of pages) await p.close();
  });

  it('lists and downloads the certificates, and the verification page says valid, then revoked', async () => {
    const page = await newPage(browser());
    pages.push(page);
    await login(page, 'chuyenvien');
    const city = await unitIdByCode(page, 'HN');
    const people = await apiCall<{ items: { id: number; fullName: string }[] }>(page, 'GET', '/people?limit=2&offset=300');
    const draft = await apiCall<{ id: number; version: number }>(page, 'POST', '/decisions', {
      authorityUnitId: city, kind: 'QĐ-UBND', awardCode: 'ministerial_provincial_certificate_of_merit', awardType: 'merit', periodFrom: 2013, periodTo: 2013,
      signerName: 'Trần Sỹ Thanh', signerTitle: 'CHỦ TỊCH', awardees: people.items.map((p) => ({ personId: p.id })),
    });
    const issued = await apiCall<{ id: number; version: number; numberText: string }>(page, 'POST', `/decisions/${draft.id}/issue`, { version: draft.version });
    const { items } = await apiCall<{ items: Cert[] }>(page, 'GET', `/decisions/${issued.id}/certificates`);
    expect(items).toHaveLength(2);

    await page.goto(`${baseUrl()}/decisions/${issued.id}`);
    await page.getByTestId('certificates-panel').waitFor(POLL);
    const table = await page.getByTestId('certificates-table').innerText();
    for (const c of items) {
      expect(table).toContain(c.name);
      expect(table).toContain(c.shortCode);
    }
    const href = await page.getByTestId('certificates-download-all').getAttribute('href');
    expect(href).toContain(`/api/v1/decisions/${issued.id}/certificates.pdf`);
    const pdf = await page.request.get(`${baseUrl()}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'certificates-panel');

    // The QR's address, opened by anyone: no sign-in.
    const visitor = await newPage(browser());
    pages.push(visitor);
    const [first, second] = items;
    await visitor.goto(`${baseUrl()}${new URL(first.verifyUrl).pathname}`);
    await visitor.getByTestId('verify-result').waitFor(POLL);
    expect(await visitor.getByTestId('verify-status').innerText()).toBe('Hợp lệ');
    const details = await visitor.getByTestId('verify-details').innerText();
    expect(details).toContain(first.name);
    expect(details).toContain(issued.numberText);
    expect(await visitor.getByTestId('app-shell').count()).toBe(0);
    await screenshot(visitor, 'verify-valid');

    // Revoke the second awardee; the page says so with the date and the revoking decision.
    const fresh = await apiCall<{ version: number; decidedOn: string }>(page, 'GET', `/decisions/${issued.id}`);
    const revocation = await apiCall<{ numberText: string }>(page, 'POST', `/decisions/${issued.id}/revocations`, {
      version: fresh.version, awardeeIds: [second.awardeeId], ground: 'fraudulent_declaration', reason: 'Kê khai không trung thực',
      legalBasis: 'Điều 93 Luật Thi đua, khen thưởng 2022', decidedOn: fresh.decidedOn, signerName: 'Trần Sỹ Thanh',
    });
    await visitor.goto(`${baseUrl()}/xac-minh`);
    await visitor.getByTestId('verify-input').fill(second.shortCode.toLowerCase());
    await visitor.getByTestId('verify-submit').click();
    await visitor.getByTestId('verify-result').waitFor(POLL);
    expect(await visitor.getByTestId('verify-status').innerText()).toBe('Đã bị hủy bỏ');
    expect(await visitor.getByTestId('verify-revocation').innerText()).toContain(revocation.numberText);
    await screenshot(visitor, 'verify-revoked');

    await visitor.goto(`${baseUrl()}/verify/ABCDEFGHJKMNPQRSTUVW`);
    await visitor.getByTestId('verify-result').waitFor(POLL);
    expect(await visitor.getByTestId('verify-status').innerText()).toBe('Không tìm thấy');

    // The calibration page: the blanks with their test pages.
    await page.getByTestId('menu-calibrations').click();
    await page.getByTestId('calibrations-page').waitFor(POLL);
    expect(await page.getByTestId('blanks-table').innerText()).toContain('Bằng khen (phôi A3 ngang)');
  });
});

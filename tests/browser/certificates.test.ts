import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip } from '../../src/modules/documents/zip-read.ts';
import { baseUrl, login, newPage, screenshot, useBrowser } from './harness.ts';
import { apiCall, unitIdByCode } from './support.ts';

// Issue 13's journey: a decision issued from its page (the number given then) and its document downloaded as .docx;
// its certificates listed with register numbers and codes and downloaded as one PDF; the QR's address opens the
// public verification page without signing in and says "valid"; an awardee revoked from the decision's page, and the
// page says "revoked" with the revoking decision; the short code typed on the page finds it too; the calibration
// page lists the blanks and their test pages.

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
    // Issued from the decision's page, as the Board's specialist does: the number is given now, the decision's
    // document is issued with it and the certificates are registered.
    await page.goto(`${baseUrl()}/decisions/${draft.id}`);
    await page.getByTestId('decision-issue').click();
    await page.locator('.ant-popover:visible .ant-popconfirm-buttons .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('decision-status').innerText(), POLL).toBe('Đã ban hành');
    const issued = await apiCall<{ id: number; version: number; numberText: string }>(page, 'GET', `/decisions/${draft.id}`);
    expect(issued.numberText).toMatch(/^\d{2,}\/QĐ-UBND$/);
    const { items } = await apiCall<{ items: Cert[] }>(page, 'GET', `/decisions/${issued.id}/certificates`);
    expect(items).toHaveLength(2);

    // The decision itself, downloaded from its panel: a .docx carrying the number it was issued with.
    await expect.poll(() => page.getByTestId('decision-document-status').innerText(), POLL).toContain('Đã ban hành');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('decision-document-docx').click()]);
    const docx = readFileSync(await download.path() as string);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(readZip(docx).get('word/document.xml')?.toString('utf8')).toContain(issued.numberText);

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
    await page.getByTestId('revocation-panel').waitFor(POLL);
    await page.getByTestId('revoke-open').click();
    await page.getByTestId('revoke').waitFor(POLL);
    await page.getByTestId('revoke-awardees').getByText(first.name).click(); // only the second awardee
    await page.getByTestId('revoke-reason').fill('Kê khai không trung thực');
    await page.getByTestId('revoke-submit').click();
    await page.getByTestId(`revoked-${second.awardeeId}`).waitFor(POLL);
    const revocation = { numberText: await page.getByTestId('revocation-number').innerText() };
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
    await expect.poll(() => page.getByTestId('blanks-table').innerText(), POLL).toContain('Bằng khen (phôi A3 ngang)'); // once loaded
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { type Identity, decisionPdf, issueCert, makeRootCa, signPdf } from '../support/sign-pdf.ts';
import { baseUrl, login, newPage, screenshot, useBrowser } from './harness.ts';
import { apiCall } from './support.ts';

// Issue 13 §5: a Board specialist uploads the digitally signed PDF of an issued decision of the city; the panel
// says who signed it and when. A copy changed after signing is refused with a message saying so. The test CA's root
// is added as a trusted root on the admin page first (the server of the journeys has no SIGNATURE_TRUST_ROOTS).

const POLL = { timeout: 20_000 };

describe('the signed copy of a decision (issue 13)', () => {
  const browser = useBrowser();
  const pages: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const p of pages) await p.close();
  });

  it('a board specialist uploads the signed PDF and sees "Đã ký số bởi …"; a tampered copy is refused', async () => {
    const root = await makeRootCa(`CN=Root CA hành trình ${Date.now()}, C=VN`);
    const ca = await issueCert(root, 'CN=CA Chữ ký số Thử, C=VN', { ca: true });
    const signer: Identity = await issueCert(ca, 'CN=Trần Sỹ Thanh, O=UBND Thành phố Hà Nội, C=VN');

    // The Board specialist (document.template) trusts the test CA's root on the admin page: a non-root is refused.
    const page = await newPage(browser());
    pages.push(page);
    await login(page, 'chuyenvien');
    await page.getByTestId('menu-signature-roots').click();
    await page.getByTestId('signature-roots').waitFor();
    const addRoot = async (label: string, pem: string) => {
      await page.getByTestId('signature-root-add').click();
      await page.getByTestId('signature-root-label').fill(label);
      await page.getByTestId('signature-root-pem').fill(pem);
      await page.getByTestId('signature-root-submit').click();
    };
    await addRoot('CA trung gian (sai)', ca.pem);
    await expect.poll(() => page.getByTestId('signature-root-error').innerText(), POLL).toContain('Chứng thư gốc không hợp lệ');
    await page.getByTestId('signature-root-pem').fill(root.pem);
    await page.getByTestId('signature-root-label').fill('CA thử của hành trình');
    await page.getByTestId('signature-root-submit').click();
    await expect.poll(() => page.getByTestId('signature-roots-table').innerText(), POLL).toContain('CA thử của hành trình');
    const list = await apiCall<{ items: { id: number }[] }>(page, 'GET', '/decisions?status=issued&limit=1');
    expect(list.items.length).toBe(1);
    const id = list.items[0].id;
    await page.goto(`${baseUrl()}/decisions/${id}`);
    await page.getByTestId('signature-panel').waitFor();
    await page.getByTestId('signature-none').waitFor();

    const base = await decisionPdf();
    const signedAt = new Date('2026-12-01T03:15:00Z');
    const good = await signPdf(base, signer, { signingTime: signedAt });
    await page.getByTestId('signature-file').setInputFiles({ name: 'QD-da-ky.pdf', mimeType: 'application/pdf', buffer: good });
    // 03:15 UTC is 10:15 in Hà Nội.
    await expect.poll(() => page.getByTestId('signature-signed-by').innerText(), POLL).toBe('Đã ký số bởi Trần Sỹ Thanh (UBND Thành phố Hà Nội), ngày 01/12/2026 10:15');
    await expect.poll(() => page.getByTestId('signature-history').locator('tbody tr').count(), POLL).toBe(1);

    const tampered = Buffer.from(await signPdf(base, signer));
    tampered[tampered.indexOf('Adobe.PPKLite')] = 'a'.charCodeAt(0);
    await page.getByTestId('signature-file').setInputFiles({ name: 'QD-sua.pdf', mimeType: 'application/pdf', buffer: tampered });
    await expect.poll(() => page.getByTestId('signature-error').innerText(), POLL).toContain('Tệp đã bị sửa sau khi ký');
    // Nothing stored: the verified copy is still the one shown.
    expect(await page.getByTestId('signature-history').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('signature-signed-by').innerText()).toContain('Trần Sỹ Thanh');
    await screenshot(page, 'signature-panel');
  });
});

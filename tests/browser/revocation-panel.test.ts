import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, login, newPage, screenshot, useBrowser } from './harness.ts';
import { apiCall, unitIdByCode } from './support.ts';

// Issue 13 §4 (H3's panel): a Board specialist revokes an award of an issued decision of the city from the decision
// page (awardee, reason, basis, date, signer), sees it marked revoked with the revoking number, records the recovery
// of the certificate and the money, and the person's page strikes the award through with the date.

const POLL = { timeout: 20_000 };

describe('revoking an award from the decision page (issue 13)', () => {
  const browser = useBrowser();
  const pages: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const p of pages) await p.close();
  });

  it('revokes, marks the awardee, records recovery, and the person page strikes the award through', async () => {
    const page = await newPage(browser());
    pages.push(page);
    await login(page, 'chuyenvien');
    const city = await unitIdByCode(page, 'HN');
    const people = await apiCall<{ items: { id: number; fullName: string }[] }>(page, 'GET', '/people?limit=2');
    const [p, other] = people.items;
    const draft = await apiCall<{ id: number; version: number }>(page, 'POST', '/decisions', {
      authorityUnitId: city, kind: 'QĐ-UBND', awardCode: 'certificate_of_commendation', awardType: 'merit', periodFrom: 2016, periodTo: 2017,
      signerName: 'Trần Sỹ Thanh', signerTitle: 'CHỦ TỊCH', awardees: [{ personId: p.id }, { personId: other.id }],
    });
    const issued = await apiCall<{ id: number; decidedOn: string; awardees: { id: number; personId: number }[] }>(page, 'POST', `/decisions/${draft.id}/issue`, { version: draft.version });
    const mine = issued.awardees.find((a) => a.personId === p.id) as { id: number };
    const theirs = issued.awardees.find((a) => a.personId === other.id) as { id: number };

    await page.goto(`${baseUrl()}/decisions/${issued.id}`);
    await page.getByTestId('revocation-panel').waitFor();
    await page.getByTestId('revoke-open').click();
    await page.getByTestId('revoke').waitFor();
    // Only the first awardee: untick the other.
    await page.getByTestId('revoke-awardees').getByText(other.fullName).click();
    await page.getByTestId('revoke-reason').fill('Kê khai thành tích không trung thực');
    await page.getByTestId('revoke-submit').click();
    await page.getByTestId(`revoked-${mine.id}`).waitFor(POLL);
    expect(await page.getByTestId(`revoked-${theirs.id}`).count()).toBe(0);
    const number = await page.getByTestId('revocation-number').innerText();
    expect(number).toMatch(/^\d{2,}\/QĐ-UBND$/);

    expect(await page.getByTestId(`recovery-state-${mine.id}`).innerText()).toBe('Chưa thu hồi');
    await page.getByTestId(`recovery-open-${mine.id}`).click();
    await page.getByTestId('recovery-note').fill('Đã nộp lại bằng khen');
    // Recovered today (the revocation's date by default is today too).
    await page.getByTestId('recovery-certificate-date').click();
    await page.keyboard.type(issued.decidedOn.split('-').reverse().join('/'));
    await page.keyboard.press('Enter');
    await page.getByTestId('recovery-submit').click();
    await expect.poll(() => page.getByTestId(`recovery-state-${mine.id}`).innerText(), POLL).toContain('Đã thu hồi hiện vật');
    await screenshot(page, 'revocation-panel');

    await page.goto(`${baseUrl()}/people/${p.id}`);
    await page.getByTestId(`person-revoked-${mine.id}`).waitFor(POLL);
    expect(await page.getByTestId(`person-revoked-${mine.id}`).innerText()).toContain(number);
    expect(await page.getByTestId('person-awards').locator('del').count()).toBeGreaterThan(0);
  });
});

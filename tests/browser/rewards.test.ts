import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, login, newPage, screenshot, useBrowser } from './harness.ts';
import { apiCall, uniq, unitIdByCode } from './support.ts';

// Issue 13 §3 (H5): the decision page shows each awardee's reward money, the total in figures and in words and the
// fund figures; issuing beyond the authority's fund asks for confirmation and issues once confirmed; the fund
// ledger page shows the authority's budget and what its decisions committed.

const POLL = { timeout: 20_000 };

describe('reward money and the fund warning (issue 13)', () => {
  const browser = useBrowser();
  const pages: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const p of pages) await p.close();
  });

  it('shows the money, warns before exceeding the fund, issues on confirmation, and the ledger counts it', async () => {
    const page = await newPage(browser());
    pages.push(page);
    await login(page, 'admin');
    const city = await unitIdByCode(page, 'HN');
    // An authority of its own: no other journey issues against its fund.
    const name = `Phòng Tài chính thử ${uniq()}`;
    const unit = await apiCall<{ id: number }>(page, 'POST', '/org/units', { code: `TC${uniq()}`, kind: 'other', name, parentId: city, establishedOn: '2020-01-01' });
    const people = await apiCall<{ items: { id: number; fullName: string }[] }>(page, 'GET', '/people?limit=2&offset=120');
    const draft = await apiCall<{ id: number; version: number }>(page, 'POST', '/decisions', {
      authorityUnitId: unit.id, kind: 'QĐ-TCT', awardCode: 'certificate_of_commendation', awardType: 'merit', periodFrom: 2011, periodTo: 2012,
      signerName: 'Lê Văn Ký', signerTitle: 'TRƯỞNG PHÒNG', awardees: people.items.map((p) => ({ personId: p.id })),
    });
    const year = (await apiCall<{ decidedOn: string }>(page, 'GET', `/decisions/${draft.id}/fund-check`)).decidedOn.slice(0, 4);
    const budget = await page.request.fetch(`${baseUrl()}/api/v1/rewards/funds/${unit.id}/${year}`, {
      method: 'PUT', headers: { origin: baseUrl(), 'content-type': 'application/json' }, data: JSON.stringify({ budget: 100_000, version: 0 }),
    });
    expect(budget.status()).toBe(200);
    const money = await apiCall<{ total: number; totalInWords: string }>(page, 'GET', `/decisions/${draft.id}/rewards`);
    expect(money.total).toBeGreaterThan(100_000);

    await page.goto(`${baseUrl()}/decisions/${draft.id}`);
    await page.getByTestId('rewards-panel').waitFor(POLL);
    await page.getByTestId('fund-figures').waitFor(POLL);
    await expect.poll(() => page.getByTestId('rewards-words').innerText(), POLL).toBe(money.totalInWords);
    await expect.poll(() => page.getByTestId('fund-figures').innerText(), POLL).toContain('vượt số còn lại của quỹ');

    await page.getByTestId('decision-issue').click();
    await page.locator('.ant-popover:visible .ant-popconfirm-buttons .ant-btn-primary').click();
    // FUND_EXCEEDED: the figures and a confirmation; confirmed, the issue is sent again accepting the warning.
    await page.getByTestId('fund-accept').waitFor(POLL);
    expect(await page.locator('.ant-modal-confirm').innerText()).toContain('100.000');
    await screenshot(page, 'rewards-fund-warning');
    await page.getByTestId('fund-accept').click();
    await expect.poll(() => page.getByTestId('decision-status').innerText(), POLL).toBe('Đã ban hành');
    await page.getByTestId('rewards-xlsx').waitFor(POLL);
    await page.getByTestId('rewards-pdf').waitFor();
    await screenshot(page, 'rewards-panel');

    await page.getByTestId('menu-reward-funds').click();
    await page.waitForURL('**/rewards/funds');
    await page.locator('.ant-table-row', { hasText: name }).click(POLL);
    await page.getByTestId('fund-ledger').waitFor(POLL);
    await expect.poll(() => page.getByTestId('ledger-committed').innerText(), POLL).toBe(money.total.toLocaleString('de-DE'));
    expect(await page.getByTestId('ledger-budget').innerText()).toBe('100.000');
    await screenshot(page, 'rewards-ledger');
  });
});

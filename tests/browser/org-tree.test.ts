import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, newPage, openBrowser } from './harness.ts';

async function chooseAsOf(page: Page, ddmmyyyy: string) {
  await page.getByTestId('org-asof').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(ddmmyyyy);
  await page.keyboard.press('Enter');
}

describe('organisation tree as of a date', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await openBrowser();
    page = await newPage(browser);
    await login(page, 'chuyenvien');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the former districts on 2024-12-31 and the new wards on 2025-07-01', async () => {
    await page.getByTestId('org-node-HN').waitFor();
    await chooseAsOf(page, '31/12/2024');
    await page.waitForURL(/asOf=2024-12-31/);
    await page.getByTestId('org-filter').locator('input').fill('quan ba dinh');
    await page.getByTestId('org-node-D01').waitFor();
    expect(await page.getByTestId('org-node-00004').count()).toBe(0);

    await chooseAsOf(page, '01/07/2025');
    await page.waitForURL(/asOf=2025-07-01/);
    await page.getByTestId('org-filter').locator('input').fill('phuong ba dinh');
    await page.getByTestId('org-node-00004').waitFor();
    expect(await page.getByTestId('org-node-D01').count()).toBe(0);
  });

  it('opens a unit with its predecessors', async () => {
    await page.getByTestId('org-node-00004').click();
    await page.getByTestId('unit-name').waitFor();
    expect(await page.getByTestId('unit-name').innerText()).toBe('Phường Ba Đình');
    expect(await page.getByTestId('unit-code').innerText()).toBe('00004');
    const predecessors = await page.getByTestId('unit-predecessors').innerText();
    expect(predecessors).toContain('Tiền thân');
    expect(predecessors).toContain('Phường Ba Đình (cũ, thuộc Quận Ba Đình)');
  });

  it('a former ward shows who worked there before the merger, and links to its successor', async () => {
    await page.getByTestId('unit-predecessors-F00004-1').click();
    await expect.poll(() => page.getByTestId('unit-name').innerText()).toBe('Phường Ba Đình (cũ, thuộc Quận Ba Đình)');
    const title = page.locator('.ant-card-head-title', { hasText: 'Người công tác tại đơn vị ngày' });
    await expect.poll(() => title.innerText()).toMatch(/30\/06\/2025/);
    await expect.poll(() => page.getByTestId('unit-people').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('unit-successors').innerText()).toContain('Phường Ba Đình');
  });
});

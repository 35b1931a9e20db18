import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, login, newPage, openBrowser } from './harness.ts';
import { apiCall, uniq, unitIdByCode } from './support.ts';

const POLL = { timeout: 15_000 };

describe('reorganising units', () => {
  let browser: Browser;
  let page: Page;
  const tag = uniq();
  const a = { code: `A${tag}`, name: `Trường thử Ánh Dương ${tag}` };
  const b = { code: `B${tag}`, name: `Trường thử Bình Minh ${tag}` };
  let aId = 0;

  beforeAll(async () => {
    browser = await openBrowser();
    page = await newPage(browser);
    await login(page, 'chuyenvien');
    const parentId = await unitIdByCode(page, '00004');
    for (const u of [a, b]) {
      const created = await apiCall<{ id: number }>(page, 'POST', '/org/units', { ...u, kind: 'public_service_unit', parentId, establishedOn: '2025-08-01' });
      if (u === a) aId = created.id;
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows an API error next to the field (duplicate code)', async () => {
    await page.goto(`${baseUrl()}/org/units/${aId}`);
    await page.getByTestId('unit-action-create').click();
    await page.getByTestId('unit-create-code').fill(b.code);
    await page.getByTestId('unit-create-name').fill('Trùng mã');
    await page.getByTestId('unit-create-kind').click();
    await page.keyboard.press('Enter');
    await page.getByTestId('unit-create-submit').click();
    await expect.poll(() => page.getByTestId('unit-create').innerText(), POLL).toContain(`Mã đơn vị ${b.code} đã tồn tại`);
    expect(await page.getByTestId('unit-create').locator('.ant-form-item-explain-error').first().innerText()).toContain('đã tồn tại');
    await page.keyboard.press('Escape');
  });

  it('merges two units into a new one and shows its predecessors', async () => {
    await page.goto(`${baseUrl()}/org/units/${aId}`);
    await page.getByTestId('unit-action-merge').click();
    await page.getByTestId('merge').waitFor();
    await page.getByTestId('merge-sources').click();
    await page.keyboard.type(`binh minh ${tag}`.toLowerCase());
    await page.locator('.ant-select-tree-title', { hasText: b.name }).click();
    await page.getByTestId('merge-code').fill(`M${tag}`);
    await page.getByTestId('merge-name').fill(`Trường hợp nhất ${tag}`);
    await page.getByTestId('merge-submit').click();
    await expect.poll(() => page.getByTestId('unit-name').innerText(), POLL).toBe(`Trường hợp nhất ${tag}`);
    const predecessors = await page.getByTestId('unit-predecessors').innerText();
    expect(predecessors).toContain(a.name);
    expect(predecessors).toContain(b.name);
    await page.getByTestId(`unit-predecessors-${a.code}`).click();
    await expect.poll(() => page.getByTestId('unit-successors').innerText(), POLL).toContain(`Trường hợp nhất ${tag}`);
  });
});

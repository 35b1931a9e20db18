import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, login, newPage, useBrowser } from './harness.ts';
import { apiCall } from './support.ts';

const POLL = { timeout: 20_000 };

/** Opens an antd Select by test id and clicks the option with this exact title. */
async function pickOption(page: Page, testId: string, title: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

const rowAttributes = (page: Page) =>
  page.getByTestId('discovery-row').evaluateAll((rows) => rows.map((r) => ({
    status: r.getAttribute('data-status'),
    direct: r.querySelector('[data-testid="discovery-highlight"]')?.textContent ?? null,
    leader: r.querySelector('[data-testid="discovery-leader-tag"]') !== null,
  })));

describe('discovery of candidates', () => {
  const browser = useBrowser();

  it('lists who is eligible for "Lao động tiên tiến" in 2025 across the city, filters direct workers, exports to Excel', async () => {
    const page = await newPage(browser());
    await login(page, 'chuyenvien');
    await page.getByTestId('menu-discovery').click();
    await page.waitForURL(/\/discovery/);

    const { awards } = await apiCall<{ awards: { code: string; nameVi: string }[] }>(page, 'GET', '/eligibility/awards');
    const award = awards.find((a) => a.code === 'advanced_worker');
    if (!award) throw new Error('the engine does not list advanced_worker');
    await pickOption(page, 'discovery-year', '2025');
    await pickOption(page, 'discovery-award', award.nameVi);
    await page.waitForURL(/award=advanced_worker/);
    expect(await page.getByTestId('discovery-year').innerText()).toContain('2025');

    // Default status filter: eligible only.
    await expect.poll(async () => (await rowAttributes(page)).length, POLL).toBeGreaterThan(0);
    await expect.poll(async () => (await rowAttributes(page)).every((r) => r.status === 'eligible'), POLL).toBe(true);
    const counts = await page.getByTestId('discovery-counts').innerText();
    expect(counts).toMatch(/Đủ điều kiện: [1-9]\d*/);

    // Direct workers only (the law's priority): every row carries the "Trực tiếp" tag, none the leader tag.
    await page.getByTestId('discovery-leader').getByText('Người lao động trực tiếp').click();
    await page.waitForURL(/leader=false/);
    const onlyDirect = async () => {
      const rows = await rowAttributes(page);
      return rows.length > 0 && rows.every((r) => r.direct === 'Trực tiếp' && !r.leader && r.status === 'eligible');
    };
    await expect.poll(onlyDirect, POLL).toBe(true);

    // The filters live in the URL: a reload keeps them.
    await page.reload();
    await expect.poll(onlyDirect, POLL).toBe(true);
    expect(page.url()).toMatch(/leader=false/);

    // The export link carries the same filters and answers an .xlsx (a zip: "PK").
    const href = await page.getByTestId('discovery-export').getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/discovery\/export\.xlsx\?/);
    expect(href).toContain('award=advanced_worker');
    expect(href).toContain('leader=false');
    expect(href).not.toContain('page=');
    const file = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: 'same-origin' });
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, head: String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0), size: bytes.length };
    }, href as string);
    expect(file.status).toBe(200);
    expect(file.head).toBe('PK');
    expect(file.size).toBeGreaterThan(1000);
    await page.context().close();
  });

  it('checks a selected list together, against the maximum numbers', async () => {
    const page = await newPage(browser());
    await login(page, 'chuyenvien');
    await page.goto(`${baseUrl()}/discovery?year=2025&status=eligible&subject=individual`);
    await expect.poll(() => page.getByTestId('discovery-row').count(), POLL).toBeGreaterThan(1);
    await page.getByTestId('discovery-row').nth(0).locator('.ant-checkbox-input').check();
    await page.getByTestId('discovery-row').nth(1).locator('.ant-checkbox-input').check();
    await page.getByTestId('discovery-batch-check').click();
    const result = page.getByTestId('batch-result');
    await expect.poll(() => result.locator('[data-testid="quota-ok"], [data-testid="quota-violation"]').count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => result.getByTestId('eligibility-status').count(), POLL).toBe(2);
    await page.context().close();
  });

  it("finds the ward's named cases: one step short, frozen by a review, hidden by discipline, a small team at 69 %", async () => {
    const page = await newPage(browser());
    await login(page, 'canbo.badinh');
    await page.goto(`${baseUrl()}/discovery?year=2025&status=all`);
    const rowsText = async () => (await page.getByTestId('discovery-row').allInnerTexts()).join('\n');
    // Trần Thị Minh Khuê: CSTĐCS 2024 and 2025 only — one more year for Chiến sĩ thi đua thành phố.
    await page.goto(`${baseUrl()}/discovery?year=2025&status=near&award=ministerial_provincial_emulation_fighter&pageSize=200`);
    await expect.poll(rowsText, POLL).toContain('Trần Thị Minh Khuê');
    expect(await rowsText()).toMatch(/Thêm 1 lần liên tục Chiến sĩ thi đua cơ sở/);
    // Lê Quang Khải has the three years and the city-scope initiative: eligible.
    await page.goto(`${baseUrl()}/discovery?year=2025&status=eligible&award=ministerial_provincial_emulation_fighter&pageSize=200`);
    await expect.poll(rowsText, POLL).toContain('Lê Quang Khải');
    // The team with 9 of 13 advanced workers is one step from Tập thể lao động tiên tiến and is highlighted as small.
    await page.goto(`${baseUrl()}/discovery?year=2025&status=near&award=advanced_labor_collective&subject=collective&pageSize=200`);
    await expect.poll(rowsText, POLL).toContain('Tổ Một cửa phường Ba Đình');
    const team = page.getByTestId('discovery-row').filter({ hasText: 'Tổ Một cửa phường Ba Đình' });
    expect(await team.getAttribute('data-highlight')).toBe('true');
    expect(await team.innerText()).toMatch(/10\/13/);
    // Nobody under an open review or still serving a discipline is proposed for anything.
    await page.goto(`${baseUrl()}/discovery?year=2025&status=all&pageSize=500`);
    await expect.poll(async () => (await page.getByTestId('discovery-row').count()) > 0, POLL).toBe(true);
    const all = await rowsText();
    expect(all).not.toContain('Đỗ Minh Triết');
    expect(all).not.toContain('Nguyễn Hữu Thiện');
    await page.context().close();
  });
});

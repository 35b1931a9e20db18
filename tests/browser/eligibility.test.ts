import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, login, newPage, useBrowser } from './harness.ts';
import { apiCall, uniq } from './support.ts';

const POLL = { timeout: 20_000 };
const YEAR = 2025;

interface DiscoveryAnswer { rows: { personId: number | null; unitId: number; award: string; status: string }[] }

/** Opens an antd Select by test id and clicks the option with this exact title. */
async function pickOption(page: Page, testId: string, title: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

describe('eligibility panel', () => {
  const browser = useBrowser();

  it('the person page checks every award and names the legal basis of each criterion', async () => {
    const page = await newPage(browser());
    await login(page, 'chuyenvien');
    // Someone the discovery list finds eligible for "Lao động tiên tiến" in 2025: the panel must agree.
    const found = await apiCall<DiscoveryAnswer>(page, 'GET', `/discovery?year=${YEAR}&award=advanced_worker&status=eligible&subject=individual&pageSize=1`);
    const personId = found.rows[0]?.personId;
    expect(personId).toBeTypeOf('number');

    await page.goto(`${baseUrl()}/people/${personId}`);
    await page.getByTestId('eligibility-panel').waitFor();
    await pickOption(page, 'eligibility-year', String(YEAR));
    const row = page.locator('[data-testid="eligibility-row"][data-award="advanced_worker"]');
    await expect.poll(() => row.getAttribute('data-status'), POLL).toBe('eligible');
    expect(await page.getByTestId('eligibility-row').count()).toBeGreaterThan(1);
    for (const status of await page.getByTestId('eligibility-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))) {
      expect(['eligible', 'needs_review', 'awarded', 'not_eligible']).toContain(status);
    }
    expect(await row.innerText()).toContain('Đủ điều kiện');

    // The criteria open on demand; each names what was checked and its legal basis (an article, "Điều").
    await row.getByTestId('eligibility-criteria-toggle').click();
    const criteria = row.getByTestId('eligibility-criteria');
    await expect.poll(() => criteria.innerText(), POLL).toMatch(/Điều \d+/);
    expect(await criteria.locator('[data-testid="eligibility-criterion"]').count()).toBeGreaterThan(0);

    // A row not eligible says what is missing.
    const notEligible = page.locator('[data-testid="eligibility-row"][data-status="not_eligible"]');
    if ((await notEligible.count()) > 0) expect(await notEligible.first().getByTestId('eligibility-missing').innerText()).toMatch(/^Còn thiếu: /);

    // In English the reasons come from the engine's English texts.
    await page.getByTestId('lang-en').click();
    await expect.poll(() => row.innerText(), POLL).toContain('Eligible');
    await page.getByTestId('lang-vi').click();
    await expect.poll(() => row.innerText(), POLL).toContain('Đủ điều kiện');
    await page.context().close();
  });

  it('the unit page checks the collective awards', async () => {
    const page = await newPage(browser());
    await login(page, 'chuyenvien');
    const found = await apiCall<DiscoveryAnswer>(page, 'GET', `/discovery?year=${YEAR}&status=all&subject=collective&pageSize=1`);
    const unitId = found.rows[0]?.unitId;
    expect(unitId).toBeTypeOf('number');
    await page.goto(`${baseUrl()}/org/units/${unitId}`);
    await page.getByTestId('eligibility-panel').waitFor();
    await pickOption(page, 'eligibility-year', String(YEAR));
    await expect.poll(() => page.getByTestId('eligibility-row').count(), POLL).toBeGreaterThan(0);
    await page.context().close();
  });

  it('shows a title already conferred for the year as awarded, and a chain one year short with what is missing', async () => {
    const page = await newPage(browser());
    await login(page, 'canbo.badinh');
    const found = await apiCall<{ items: { id: number }[] }>(page, 'GET', `/people?q=${encodeURIComponent('Trần Thị Minh Khuê')}`);
    await page.goto(`${baseUrl()}/people/${found.items[0].id}`);
    await page.getByTestId('eligibility-panel').waitFor();
    await pickOption(page, 'eligibility-year', String(YEAR));
    const worker = page.locator('[data-testid="eligibility-row"][data-award="advanced_worker"]');
    await expect.poll(() => worker.getAttribute('data-status'), POLL).toBe('awarded');
    expect(await worker.innerText()).toContain('Đã được khen');
    const fighter = page.locator('[data-testid="eligibility-row"][data-award="ministerial_provincial_emulation_fighter"]');
    await expect.poll(() => fighter.getAttribute('data-status'), POLL).toBe('not_eligible');
    expect(await fighter.getByTestId('eligibility-missing').innerText()).toContain('Thêm 1 lần liên tục Chiến sĩ thi đua cơ sở');
    await page.context().close();
  });
});

describe('regulation settings and quotas', () => {
  const browser = useBrowser();
  const KEY = 'new_recruit_min_months_tt15_2025';

  /** Types a value into a setting's number editor and saves the row. */
  async function saveSetting(page: Page, value: number): Promise<void> {
    const row = page.locator(`[data-testid="settings-row"][data-key="${KEY}"]`);
    await row.locator('input').fill(String(value));
    await row.getByTestId('settings-save').click();
    await expect.poll(() => row.getByTestId('settings-save').isDisabled(), POLL).toBe(true);
  }

  it('the administrator changes a threshold; it persists after a reload', async () => {
    const page = await newPage(browser());
    await login(page, 'admin');
    await page.getByTestId('menu-settings').click();
    const row = page.locator(`[data-testid="settings-row"][data-key="${KEY}"]`);
    await row.waitFor();
    const before = Number(await row.locator('input').inputValue());
    expect(Number.isFinite(before)).toBe(true);
    // Three values different from the current one, within the setting's range (0–24 months).
    const step = before <= 9 ? 1 : -1;
    const [changed, theirs, mine] = [before + step, before + 2 * step, before + 3 * step];
    try {
      await saveSetting(page, changed);
      await page.reload();
      await expect.poll(() => row.locator('input').inputValue(), POLL).toBe(String(changed));

      // Someone else saves first: saving the stale version shows the conflict, and reload offers the latest.
      const settings = await apiCall<{ settings: { key: string; version: number }[] }>(page, 'GET', '/catalogue/settings');
      const version = settings.settings.find((s) => s.key === KEY)?.version;
      const res = await page.request.fetch(`${baseUrl()}/api/v1/catalogue/settings/${KEY}`, {
        method: 'PUT', headers: { origin: baseUrl(), 'content-type': 'application/json' }, data: JSON.stringify({ value: theirs, version }),
      });
      expect(res.status()).toBe(200);
      await row.locator('input').fill(String(mine));
      await row.getByTestId('settings-save').click();
      await page.getByTestId('settings-error').waitFor();
      expect(await page.getByTestId('settings-error').innerText()).toMatch(/người khác/);
      await page.getByTestId('conflict-reload').click();
      await expect.poll(() => row.locator('input').inputValue(), POLL).toBe(String(theirs));
    } finally {
      await saveSetting(page, before);
      await page.reload();
      await expect.poll(() => row.locator('input').inputValue(), POLL).toBe(String(before));
    }
    await page.context().close();
  });

  it('only the administrator sees the settings; the board specialist adds a quota', async () => {
    const page = await newPage(browser());
    await login(page, 'chuyenvien');
    expect(await page.getByTestId('menu-settings').count()).toBe(0);
    await page.getByTestId('menu-quotas').click();
    await page.getByTestId('quota-add').click();
    await page.getByTestId('quota-form').waitFor();
    const basis = `Quyết định thử ${uniq()}`;
    await page.getByTestId('quota-form-award').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByTestId('quota-form-max').fill('7');
    await page.getByTestId('quota-form-basis').fill(basis);
    await page.getByTestId('quota-form-submit').click();
    const added = page.getByTestId('quota-row').filter({ hasText: basis });
    await expect.poll(() => added.count(), POLL).toBe(1);
    expect(await added.getByTestId('quota-usage').innerText()).toMatch(/^\d+\/7$/);
    await page.context().close();
  });

});

import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../src/shared/vietnamese.ts';
import { baseUrl, login, newPage, useBrowser } from './harness.ts';
import { apiCall, unitIdByCode } from './support.ts';

// The annual review page (bình xét): open a review, see the engine's candidates, choose, put them to the council.
const POLL = { timeout: 20_000 };

describe('annual review page', () => {
  const browser = useBrowser();

  it('opens a review of a unit, lists the candidates with their registration, saves a choice and opens the council', async () => {
    const page = await newPage(browser());
    await login(page, 'canbo.badinh');
    // A unit under Phường Ba Đình with candidates for 2025 (the ward's own review is left to the year-end journey).
    const ward = await unitIdByCode(page, '00004');
    const tree = await apiCall<{ units: { id: number; name: string; parentId: number | null }[] }>(page, 'GET', '/org/tree');
    let unit: { id: number; name: string } | undefined;
    for (const u of tree.units.filter((x) => x.parentId === ward)) {
      const found = await apiCall<{ rows: unknown[] }>(page, 'GET', `/discovery?unitId=${u.id}&year=2025&status=eligible`);
      if (found.rows.length > 1) { unit = u; break; }
    }
    if (!unit) throw new Error('no unit under Phường Ba Đình has two candidates for 2025 in the demo city');
    await page.goto(`${baseUrl()}/reviews`);
    await page.getByTestId('review-create').click();
    await page.getByTestId('review-form').waitFor();
    await page.getByTestId('review-form-unit').click();
    await page.keyboard.type(foldVietnamese(unit.name));
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: unit.name }).first().click();
    await page.getByTestId('review-form-year').fill('2025');
    await page.getByTestId('review-form-submit').click();
    await expect.poll(() => page.url(), POLL).toMatch(/\/reviews\/\d+$/);
    await expect.poll(() => page.getByTestId('review-status').innerText(), POLL).toBe('Đang chọn đối tượng');
    const rows = page.locator('[data-testid="review-candidates"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), POLL).toBeGreaterThan(0);
    expect(await page.locator('[data-testid^="review-registration-"]').first().innerText()).toMatch(/Đã đăng ký|Chưa đăng ký|Không yêu cầu/);

    const first = page.locator('[data-testid^="review-include-"]').first();
    const id = (await first.getAttribute('data-testid'))?.replace('review-include-', '');
    await first.click();
    await page.getByTestId('review-save-choice').click();
    await expect.poll(() => page.getByTestId('review-save-choice').isDisabled(), POLL).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByTestId(`review-include-${id}`).isChecked(), POLL).toBe(false);

    await page.getByTestId('review-open-council').click();
    await page.getByTestId('review-council').waitFor();
    await page.getByTestId('review-council-member-0').fill('Nguyễn Văn Chủ Tịch');
    await page.getByTestId('review-council-submit').click();
    await expect.poll(() => page.getByTestId('review-status').innerText(), POLL).toBe('Hội đồng đang xét');
    await page.getByTestId('review-council-link').waitFor();
  });
});

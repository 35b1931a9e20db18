import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, login, newPage, useBrowser } from './harness.ts';
import { apiCall, randomCccd, uniq, unitIdByCode } from './support.ts';

// Issue 12 review: a form's unit picker shows the tree as of the form's date, not today's.
const POLL = { timeout: 15_000 };

async function pickDate(page: Page, testId: string, ddmmyyyy: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(ddmmyyyy);
  await page.keyboard.press('Enter');
}

/** The unit names the open picker offers for a search (their ancestors, shown as the path, left out). */
async function offered(page: Page, search: string): Promise<string[]> {
  await page.getByTestId('person-transfer-unit').click();
  await page.keyboard.type(search);
  const titles = page.locator('.ant-select-dropdown:visible .ant-select-tree-title');
  await titles.first().waitFor();
  const names = await titles.allInnerTexts();
  await page.keyboard.press('Escape');
  return names.filter((n) => n.includes(search));
}

describe('unit pickers use the tree as of the form date', () => {
  const browser = useBrowser();

  it('a transfer dated before a unit was dissolved offers it; dated after, it offers only units that exist then', async () => {
    const page = await newPage(browser());
    await login(page, 'chuyenvien');
    const ward = await unitIdByCode(page, '00004');
    const tag = uniq();
    const gone = await apiCall<{ id: number; version: number }>(page, 'POST', '/org/units', { code: `GT${tag}`, kind: 'public_service_unit', name: `Trường Giải Thể ${tag}`, parentId: ward, establishedOn: '2025-07-01' });
    await apiCall(page, 'POST', `/org/units/${gone.id}/dissolve`, { version: gone.version, effectiveOn: '2026-03-01' });
    await apiCall(page, 'POST', '/org/units', { code: `TM${tag}`, kind: 'public_service_unit', name: `Trường Thành Lập ${tag}`, parentId: ward, establishedOn: '2026-05-01' });
    const person = await apiCall<{ id: number }>(page, 'POST', '/people', {
      nationalId: randomCccd('male', 1985), fullName: `Vũ Văn Chọn ${tag}`, gender: 'male', birthDate: '1985-02-02',
      employment: { unitId: ward, position: 'Chuyên viên', category: 'civil_servant', isLeader: false, fromDate: '2025-07-01' },
    });
    await page.goto(`${baseUrl()}/people/${person.id}`);
    await page.getByTestId('person-transfer-open').click();
    await page.getByTestId('person-transfer').waitFor();

    await pickDate(page, 'person-transfer-from', '01/06/2026');
    await expect.poll(() => offered(page, tag), POLL).toEqual([`Trường Thành Lập ${tag}`]);
    await pickDate(page, 'person-transfer-from', '01/12/2025');
    await expect.poll(() => offered(page, tag), POLL).toEqual([`Trường Giải Thể ${tag}`]);
  });
});

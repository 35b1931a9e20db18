import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, login, newPage, useBrowser } from './harness.ts';
import { randomCccd, uniq } from './support.ts';

/** Fills the downloaded people template with rows and returns the file. */
async function fileFrom(page: Page, rows: string[][]): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const res = await page.request.get(`${baseUrl()}/api/v1/imports/templates/people`);
  expect(res.ok()).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  rows.forEach((r, i) => r.forEach((v, c) => { ws.getCell(i + 2, c + 1).value = v; }));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { name: 'danh-sach.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer };
}

const POLL = { timeout: 15_000 };

describe('importing people from Excel', () => {
  const browser = useBrowser();

  it('lists three bad rows by row and column, blocks apply, then applies the corrected file', async () => {
    const page = await newPage(browser());
    await login(page, 'canbo.badinh');
    const tag = uniq();
    const good = ['', `Nguyễn Văn Nhập ${tag}`, 'Nam', '05/03/1985', '00004', 'Chuyên viên', 'Cán bộ, công chức', 'Không', '01/01/2026'];
    good[0] = randomCccd('male', 1985);
    const second = ['', `Trần Thị Nhập ${tag}`, 'Nữ', '06/07/1987', '00004', 'Văn thư', 'Cán bộ, công chức', 'Không', '01/01/2026'];
    second[0] = randomCccd('female', 1987);
    const third = ['', `Lê Văn Nhập ${tag}`, 'Nam', '07/08/1990', '00004', 'Kế toán', 'Cán bộ, công chức', 'Không', '01/01/2026'];
    third[0] = randomCccd('male', 1990);
    const fourth = ['', `Vũ Thị Nhập ${tag}`, 'Nữ', '08/09/1992', '00004', 'Chuyên viên', 'Cán bộ, công chức', 'Có', '01/01/2026'];
    fourth[0] = randomCccd('female', 1992);
    // Three bad rows (sheet rows 3–5): a CCCD with no such province, a missing name, an unknown unit code.
    const badCccd = [...second];
    badCccd[0] = `999${second[0].slice(3)}`;
    const noName = [...third];
    noName[1] = '';
    const badUnit = [...fourth];
    badUnit[4] = '99999';

    await page.getByTestId('menu-imports').click();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-upload-input').setInputFiles(await fileFrom(page, [good, badCccd, noName, badUnit]));
    await page.getByTestId('import-error-row').first().waitFor();
    const errors = await page.getByTestId('import-error-row').allInnerTexts();
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/3[\s\S]*Số CCCD[\s\S]*mã tỉnh/);
    expect(errors[1]).toMatch(/4[\s\S]*Họ và tên[\s\S]*bắt buộc/);
    expect(errors[2]).toMatch(/5[\s\S]*Mã đơn vị[\s\S]*99999/);
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);

    await page.getByTestId('import-upload-input').setInputFiles(await fileFrom(page, [good, second, third, fourth]));
    await expect.poll(() => page.getByTestId('import-status').innerText(), POLL).toBe('Hợp lệ');
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(false);
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').innerText()).toContain('Thêm mới 4');

    await page.getByTestId('menu-people').click();
    await page.getByTestId('people-search').locator('input').fill(`nhap ${tag}`);
    await expect.poll(() => page.getByTestId('people-row').count(), POLL).toBe(4);
  });
});

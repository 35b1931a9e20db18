import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, login, newPage, openBrowser } from './harness.ts';
import { foldVietnamese } from '../../src/shared/vietnamese.ts';
import { apiCall, randomCccd, uniq, unitIdByCode } from './support.ts';

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

  it('merges a unit with a seeded school: the successor shows both predecessors, their people and records', async () => {
    // A seeded school of Phường Ba Đình with at least one collective title: its record must carry over.
    const wardId = await unitIdByCode(page, '00004');
    const tree = await apiCall<{ units: { id: number; code: string; name: string; parentId: number | null; kind: string }[] }>(page, 'GET', '/org/tree');
    const schools = tree.units.filter((u) => u.parentId === wardId && u.kind === 'public_service_unit' && u.code !== a.code && u.code !== b.code);
    let school: { id: number; code: string; name: string } | undefined;
    for (const s of schools) {
      const records = await apiCall<{ titles: unknown[] }>(page, 'GET', `/units/${s.id}/records`);
      if (records.titles.length > 0) { school = s; break; }
    }
    if (!school) throw new Error('the demo city has no titled school under Phường Ba Đình');
    const personName = `Phan Văn Sáp ${tag}`;
    await apiCall(page, 'POST', '/people', { nationalId: randomCccd('male', 1980), fullName: personName, gender: 'male', birthDate: '1980-04-04', employment: { unitId: aId, position: 'Giáo viên', category: 'public_employee', isLeader: false, fromDate: '2025-09-01' } });

    await page.goto(`${baseUrl()}/org/units/${aId}`);
    await page.getByTestId('unit-action-merge').click();
    await page.getByTestId('merge').waitFor();
    await page.getByTestId('merge-sources').click();
    await page.keyboard.type(foldVietnamese(school.name));
    await page.locator('.ant-select-tree-title', { hasText: school.name }).first().click();
    await page.getByTestId('merge-code').fill(`M${tag}`);
    await page.getByTestId('merge-name').fill(`Trường hợp nhất ${tag}`);
    await page.getByTestId('merge-submit').click();
    await expect.poll(() => page.getByTestId('unit-name').innerText(), POLL).toBe(`Trường hợp nhất ${tag}`);
    const predecessors = await page.getByTestId('unit-predecessors').innerText();
    expect(predecessors).toContain(a.name);
    expect(predecessors).toContain(school.name);
    // History carried over: the people of both predecessors now work here, and the school's titles are listed as inherited.
    await expect.poll(() => page.getByTestId('unit-people').innerText(), POLL).toContain(personName);
    await expect.poll(() => page.getByTestId('unit-titles').innerText(), POLL).toContain(school.name);
    expect(await page.getByTestId('unit-titles').innerText()).toContain('Từ đơn vị tiền thân');
    await page.getByTestId(`unit-predecessors-${a.code}`).click();
    await expect.poll(() => page.getByTestId('unit-successors').innerText(), POLL).toContain(`Trường hợp nhất ${tag}`);
  });
});

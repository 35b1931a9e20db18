import { describe, expect, it } from 'vitest';
import { baseUrl, login, newPage, useBrowser } from './harness.ts';
import { apiCall, randomCccd, uniq, unitIdByCode } from './support.ts';

const POLL = { timeout: 15_000 };

describe('editing a person', () => {
  const browser = useBrowser();

  it('reports a concurrent edit, names the changed field and reloads', async () => {
    const first = await newPage(browser());
    await login(first, 'chuyenvien');
    const unitId = await unitIdByCode(first, '00004');
    const tag = uniq();
    const person = await apiCall<{ id: number }>(first, 'POST', '/people', {
      nationalId: randomCccd('female', 1990), fullName: `Lê Thị Thử ${tag}`, gender: 'female', birthDate: '1990-04-02',
      employment: { unitId, position: 'Chuyên viên', category: 'civil_servant', isLeader: false, fromDate: '2025-09-01' },
    });
    const second = await first.context().newPage();
    for (const p of [first, second]) {
      await p.goto(`${baseUrl()}/people/${person.id}`);
      await p.getByTestId('person-name').waitFor();
    }

    await first.getByTestId('person-edit-open').click();
    // The page shows the CCCD masked; the form holds the full number (loaded through the audited read), never the mask.
    expect(await first.getByTestId('person-cccd').innerText()).toMatch(/^\d{3}\*{6}\d{3}$/);
    await expect.poll(() => first.getByTestId('person-edit-cccd').inputValue(), POLL).toMatch(/^\d{12}$/);
    await first.getByTestId('person-edit-name').fill(`Lê Thị Sửa ${tag}`);
    await first.getByTestId('person-edit-submit').click();
    await expect.poll(() => first.getByTestId('person-name').innerText(), POLL).toBe(`Lê Thị Sửa ${tag}`);

    await second.getByTestId('person-edit-open').click();
    await second.getByTestId('person-edit-birth').click();
    await second.keyboard.press('Control+A');
    await second.keyboard.type('03/04/1990');
    await second.keyboard.press('Enter');
    await second.getByTestId('person-edit-submit').click();
    await second.getByTestId('conflict-notice').waitFor();
    const notice = await second.getByTestId('conflict-notice').innerText();
    expect(notice).toContain('Bản ghi đã được người khác sửa');
    expect(notice).toContain('Họ và tên');
    await second.getByTestId('conflict-reload').click();
    await expect.poll(() => second.getByTestId('person-name').innerText(), POLL).toBe(`Lê Thị Sửa ${tag}`);
  });
});

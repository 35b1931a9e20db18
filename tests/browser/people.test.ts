import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../src/shared/vietnamese.ts';
import { login, newPage, useBrowser } from './harness.ts';

const POLL = { timeout: 15_000 };

describe('people search', () => {
  const browser = useBrowser();

  it('finds people without accents and opens a person page with ratings', async () => {
    const page = await newPage(browser());
    await login(page, 'chuyenvien');
    await page.getByTestId('menu-people').click();
    await page.getByTestId('people-row').first().waitFor();
    await page.getByTestId('people-search').locator('input').fill('nguyen thi');
    await page.waitForURL(/q=nguyen/);
    // Every row of the answer matches the accent-free query.
    const allMatch = async () => {
      const rows = await page.getByTestId('people-row').allInnerTexts();
      return rows.length > 0 && rows.every((r) => foldVietnamese(r).includes('nguyen') && foldVietnamese(r).includes('thi'));
    };
    await expect.poll(allMatch, POLL).toBe(true);

    await page.getByTestId('people-row').first().locator('a').first().click();
    await page.getByTestId('person-name').waitFor();
    expect(foldVietnamese(await page.getByTestId('person-name').innerText())).toContain('nguyen');
    // CCCD masked by default (Decree 13/2023); "Hiện" shows the full number (an audited read) that the mask hides.
    const masked = await page.getByTestId('person-cccd').innerText();
    expect(masked).toMatch(/^\d{3}\*{6}\d{3}$/);
    expect(await page.getByTestId('person-birth').innerText()).toMatch(/^\d{4}$/);
    expect(await page.getByTestId('person-reveal').innerText()).toBe('Hiện');
    await page.getByTestId('person-reveal').click();
    await expect.poll(() => page.getByTestId('person-cccd').innerText(), POLL).toMatch(/^\d{12}$/);
    const full = await page.getByTestId('person-cccd').innerText();
    expect([full.slice(0, 3), full.slice(-3)]).toEqual([masked.slice(0, 3), masked.slice(-3)]);
    expect(await page.getByTestId('person-birth').innerText()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await expect.poll(() => page.getByTestId('person-years').innerText(), POLL).toMatch(/Hoàn thành (xuất sắc |tốt )?nhiệm vụ/);
    await page.context().close();
  });
});

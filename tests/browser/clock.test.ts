import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, baseUrl, openBrowser } from './harness.ts';
import { apiCall } from './support.ts';

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** The text of a date picker (the test id sits on its input or on a wrapper around it). */
const pickerValue = (page: Page, testId: string) =>
  page.getByTestId(testId).first().evaluate((el) => (el instanceof HTMLInputElement ? el : el.querySelector('input'))?.value ?? '');

// A browser on the other side of the date line (UTC+14): its own "today" is not the city's for 7 hours a day.
describe("the web app takes the city's date, not the browser's", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await openBrowser();
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Pacific/Kiritimati', viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    await page.goto(`${baseUrl()}/login`);
    await page.getByTestId('login-username').fill('canbo.badinh');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-shell').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the tree and the eligibility panel open on the day the server says it is in the city', async () => {
    const health = await (await page.request.get(`${baseUrl()}/api/health`)).json() as { timeZone: string; today: string };
    expect(health.timeZone).toBe('Asia/Ho_Chi_Minh');
    await page.goto(`${baseUrl()}/org`);
    await expect.poll(() => pickerValue(page, 'org-asof')).toBe(ddmmyyyy(health.today));

    const people = await apiCall<{ items: { id: number }[] }>(page, 'GET', '/people?limit=1');
    await page.goto(`${baseUrl()}/people/${people.items[0].id}`);
    await page.getByTestId('eligibility-panel').waitFor();
    await expect.poll(() => pickerValue(page, 'eligibility-asof')).toBe(ddmmyyyy(health.today));
  });
});

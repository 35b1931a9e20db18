import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const DEMO_PASSWORD = 'VinhDanh@2026';

/** The URL of the server started by global-setup.ts. */
export const baseUrl = (): string => inject('baseUrl');

/** Launches Debian's Chromium headless with the flags this closed network needs. */
export async function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    // Each context is a fresh, empty profile already (playwright-core refuses --user-data-dir in launch).
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A new page (own cookies) in Vietnamese, 1400×900. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Signs in through the login form and waits for the app shell. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-shell').waitFor();
}

/** Saves a screenshot under .test-artifacts/screens for a failing or interesting step. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`../../.test-artifacts/screens/${name}.png`, import.meta.url).pathname, fullPage: true });
}

/** One Chromium for the enclosing describe block: launched before its tests, closed after. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser as Browser;
}

import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, login, newPage, screenshot, useBrowser } from './harness.ts';
import { apiCall, uniq, unitIdByCode } from './support.ts';

const POLL = { timeout: 15_000 };
// A code is accepted once: the sign-in uses the next period's code (the server accepts ±1 period).
const codeAt = (secret: string, steps: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + steps * 30_000 });

async function signInWithPassword(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor();
}

describe('two-factor sign-in', () => {
  const browser = useBrowser();

  it('an administrator enrols, signs in with a code, then with a recovery code that works only once', async () => {
    // A fresh system administrator (other journeys sign in as `admin` with the password only).
    const admin = await newPage(browser());
    await login(admin, 'admin');
    const username = `qt.${uniq().toLowerCase()}`;
    const initial = 'Cay-Da-Dau-Lang-2026';
    const password = 'Tra-Sen-Ho-Tay-Sang-2026';
    await apiCall(admin, 'POST', '/users', { username, displayName: 'Quản trị Hai Lớp', password: initial, roles: [{ role: 'system_admin', orgUnitId: await unitIdByCode(admin, '00004') }] });
    await admin.context().close();

    const page = await newPage(browser());
    await signInWithPassword(page, username, initial);
    await page.getByTestId('password-forced').waitFor();
    await page.getByTestId('password-current').fill(initial);
    await page.getByTestId('password-new').fill(password);
    await page.getByTestId('password-confirm').fill(password);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('app-shell').waitFor();

    // Enrol: the secret as the page shows it, a code computed from it, ten recovery codes shown once.
    await page.getByTestId('menu-security').click();
    await page.getByTestId('mfa-start').click();
    await page.getByTestId('mfa-qr').waitFor();
    await screenshot(page, 'mfa-enrolment');
    const secret = (await page.getByTestId('mfa-secret').innerText()).match(/[A-Z2-7]{32}/)?.[0] as string;
    expect(secret).toBeTruthy();
    await page.getByTestId('mfa-code').fill(codeAt(secret, 0));
    await page.getByTestId('mfa-confirm').click();
    await page.getByTestId('mfa-recovery-codes').waitFor();
    const codes = await page.getByTestId('mfa-recovery-code').allInnerTexts();
    expect(codes).toHaveLength(10);
    await screenshot(page, 'mfa-recovery-codes');
    await page.getByTestId('mfa-recovery-done').click();
    await expect.poll(() => page.getByTestId('mfa-state').innerText(), POLL).toContain('Đang bật');
    await signOut(page);

    // Password, then a code of the app.
    await signInWithPassword(page, username, password);
    await page.getByTestId('login-mfa').waitFor();
    expect(await page.getByTestId('app-shell').count()).toBe(0);
    await screenshot(page, 'mfa-login-code');
    await page.getByTestId('login-code').fill(codeAt(secret, 1));
    await page.getByTestId('login-verify').click();
    await page.getByTestId('app-shell').waitFor();
    expect(await page.getByTestId('user-name').innerText()).toBe('Quản trị Hai Lớp');
    await signOut(page);

    // Password, then a recovery code: once.
    for (const attempt of ['first', 'second'] as const) {
      await signInWithPassword(page, username, password);
      await page.getByTestId('login-use-recovery').click();
      await page.getByTestId('login-recovery-code').fill(codes[0]);
      await page.getByTestId('login-verify').click();
      if (attempt === 'first') {
        await page.getByTestId('app-shell').waitFor();
        await page.getByTestId('menu-security').click();
        await expect.poll(() => page.getByTestId('mfa-codes-left').innerText(), POLL).toContain('9');
        await signOut(page);
      } else {
        await expect.poll(() => page.getByTestId('login-error').innerText(), POLL).toContain('Mã xác thực không đúng');
        expect(await page.getByTestId('app-shell').count()).toBe(0);
      }
    }
    await page.context().close();
  });
});

import { describe, expect, it } from 'vitest';
import { baseUrl, login, newPage, useBrowser } from './harness.ts';
import { apiCall, uniq, unitIdByCode } from './support.ts';

const POLL = { timeout: 15_000 };

describe('user administration and audit', () => {
  const browser = useBrowser();

  it('a new user must change the password before using the app', async () => {
    const admin = await newPage(browser());
    await login(admin, 'admin');
    const username = `moi.${uniq().toLowerCase()}`;
    const orgUnitId = await unitIdByCode(admin, '00004');
    await apiCall(admin, 'POST', '/users', { username, displayName: 'Người dùng mới', password: 'BanDau2026x', roles: [{ role: 'viewer', orgUnitId }] });
    await admin.getByTestId('menu-users').click();
    await expect.poll(() => admin.getByTestId(`user-row-${username}`).innerText(), POLL).toContain('Phải đổi mật khẩu');

    const user = await newPage(browser());
    await user.goto(`${baseUrl()}/login`);
    await user.getByTestId('login-username').fill(username);
    await user.getByTestId('login-password').fill('BanDau2026x');
    await user.getByTestId('login-submit').click();
    await user.getByTestId('password-forced').waitFor();
    await user.getByTestId('password-current').fill('BanDau2026x');
    await user.getByTestId('password-new').fill('MatKhauMoi2026');
    await user.getByTestId('password-confirm').fill('MatKhauMoi2026');
    await user.getByTestId('password-submit').click();
    await user.getByTestId('app-shell').waitFor();
    expect(await user.getByTestId('user-name').innerText()).toBe('Người dùng mới');
  });

  it('shows the audit log with a before/after diff', async () => {
    const page = await newPage(browser());
    await login(page, 'admin');
    await page.getByTestId('menu-audit').click();
    await page.getByTestId('audit-row').first().waitFor();
    const first = page.getByTestId('audit-row').first();
    await first.click();
    await expect.poll(() => page.locator('[data-testid^="audit-diff-"]').count(), POLL).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { baseUrl, login, newPage, useBrowser } from './harness.ts';

const POLL = { timeout: 15_000 };

describe('sign-in', () => {
  const browser = useBrowser();

  it('shows a Vietnamese error for a wrong password, then signs in and out', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl()}/org`);
    await page.getByTestId('login-username').fill('chuyenvien');
    await page.getByTestId('login-password').fill('sai-mat-khau');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').innerText(), POLL).toContain('Tên đăng nhập hoặc mật khẩu không đúng');

    await page.getByTestId('login-password').fill('VinhDanh@2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-shell').waitFor();
    expect(await page.getByTestId('app-name').innerText()).toBe('vinhdanh — Thi đua, Khen thưởng');
    expect(await page.getByTestId('user-name').innerText()).toContain('Nguyễn Thị Thu Hà');

    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    await page.goto(`${baseUrl()}/people`);
    await page.getByTestId('login-username').waitFor();
    await page.context().close();
  });

  it('hides menu items and disables actions the user may not take', async () => {
    const page = await newPage(browser());
    await login(page, 'xem');
    expect(await page.getByTestId('menu-people').count()).toBe(1);
    expect(await page.getByTestId('menu-imports').count()).toBe(0);
    expect(await page.getByTestId('menu-users').count()).toBe(0);
    expect(await page.getByTestId('menu-audit').count()).toBe(0);
    await page.getByTestId('menu-people').click();
    await page.getByTestId('people-row').first().locator('a').first().click();
    await page.getByTestId('person-name').waitFor();
    expect(await page.getByTestId('person-edit-open').isDisabled()).toBe(true);
    expect(await page.getByTestId('person-transfer-open').isDisabled()).toBe(true);
    await page.getByTestId('person-edit-open').locator('..').hover();
    await expect.poll(() => page.locator('.ant-tooltip').innerText(), POLL).toContain('Bạn không có quyền');
    await page.context().close();
  });

  it('switches the language to English and keeps it after a reload', async () => {
    const page = await newPage(browser());
    await login(page, 'truongban');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('menu-org').innerText(), POLL).toBe('Organisation');
    await page.reload();
    await page.getByTestId('app-shell').waitFor();
    await expect.poll(() => page.getByTestId('menu-org').innerText(), POLL).toBe('Organisation');
    await page.getByTestId('lang-vi').click();
    await expect.poll(() => page.getByTestId('menu-org').innerText(), POLL).toBe('Cơ cấu tổ chức');
    await page.context().close();
  });
});

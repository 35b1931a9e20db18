import { Alert, App, Button, Card, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../api.ts';
import { LanguageSwitch } from '../components/AppLayout.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { markFieldErrors } from '../lib/forms.ts';
import { useLocale } from '../lib/locale.tsx';
import { useMe, useSetMe } from '../lib/me.ts';
import type { ChangePasswordRequest } from '../types.ts';

interface Values { currentPassword: string; newPassword: string; confirm: string }

/** Own password change; `forced` after sign-in when the account must change its password. */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const setMe = useSetMe();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword } satisfies ChangePasswordRequest);
      message.success(t('password.done'));
      form.resetFields();
      if (me) setMe({ ...me, mustChangePassword: false });
    } catch (e) {
      markFieldErrors(form, e, locale, ['currentPassword', 'newPassword']);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const card = (
    <Card title={t('password.title')} style={{ width: 420 }}>
      {forced ? <Alert type="warning" showIcon title={t('password.forced')} style={{ marginBottom: 12 }} data-testid="password-forced" /> : null}
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password data-testid="password-current" autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} extra={t('password.hint')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password data-testid="password-new" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))) }),
          ]}
        >
          <Input.Password data-testid="password-confirm" autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">{t('password.submit')}</Button>
      </Form>
    </Card>
  );
  if (!forced) return card;
  const logout = async () => {
    await post('/auth/logout').catch(() => {});
    setMe(null);
  };
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 12, background: '#f5f5f5' }}>
      <Space><LanguageSwitch persist /><Button size="small" onClick={logout} data-testid="logout">{t('menu.logout')}</Button></Space>
      {card}
    </div>
  );
}

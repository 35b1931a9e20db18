import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { messageOf, post } from '../api.ts';
import { LanguageSwitch } from '../components/AppLayout.tsx';
import { useLocale } from '../lib/locale.tsx';
import { useMe, useSetMe } from '../lib/me.ts';
import type { Me } from '../types.ts';

/** Sign-in form; errors (wrong password, locked account…) come localised from the shared messages. */
export function LoginPage() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  const { data: me } = useMe();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (me) return <Navigate to="/org" replace />;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const next = await post<Me>('/auth/login', values);
      if (next.locale !== locale) setLocale(next.locale);
      setMe(next);
      navigate('/org', { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}><LanguageSwitch persist={false} /></div>
        <Typography.Title level={4} style={{ color: '#a8071a', marginTop: 0 }}>{t('app.name')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {error ? <Alert data-testid="login-error" type="error" showIcon title={messageOf(error, locale)} style={{ marginBottom: 12 }} /> : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('common.required') }]}>
            <Input data-testid="login-username" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password data-testid="login-password" autoComplete="current-password" />
          </Form.Item>
          <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={busy}>{t('login.submit')}</Button>
        </Form>
      </Card>
    </div>
  );
}

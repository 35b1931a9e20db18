import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { messageOf, post } from '../api.ts';
import { LanguageSwitch } from '../components/AppLayout.tsx';
import { useLocale } from '../lib/locale.tsx';
import { useMe, useSetMe } from '../lib/me.ts';
import type { LoginRequest, Me, MfaChallenge, MfaLoginRequest } from '../types.ts';

type SecondStep = MfaLoginRequest;

/** The second step of a sign-in: a code of the authenticator app, or a recovery code. */
function SecondFactorForm({ rememberDays, busy, onSubmit, onRestart }: { rememberDays: number; busy: boolean; onSubmit: (v: SecondStep) => void; onRestart: () => void }) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [form] = Form.useForm<SecondStep>();
  return (
    <Form form={form} layout="vertical" onFinish={(v) => onSubmit(recovery ? { recoveryCode: v.recoveryCode, rememberDevice: v.rememberDevice } : { code: v.code, rememberDevice: v.rememberDevice })} requiredMark={false}>
      <Typography.Paragraph data-testid="login-mfa">{recovery ? t('login.recoveryHint') : t('login.mfaHint')}</Typography.Paragraph>
      {recovery ? (
        <Form.Item name="recoveryCode" label={t('login.recoveryCode')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="login-recovery-code" autoComplete="off" autoFocus placeholder="xxxx-xxxx-xxxx-xxxx" />
        </Form.Item>
      ) : (
        <Form.Item name="code" label={t('login.code')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="login-code" autoComplete="one-time-code" inputMode="numeric" maxLength={6} autoFocus />
        </Form.Item>
      )}
      {rememberDays > 0 ? (
        <Form.Item name="rememberDevice" valuePropName="checked">
          <Checkbox data-testid="login-remember">{t('login.remember', { days: rememberDays })}</Checkbox>
        </Form.Item>
      ) : null}
      <Button data-testid="login-verify" type="primary" htmlType="submit" block loading={busy}>{t('login.verify')}</Button>
      <Button type="link" block onClick={() => setRecovery(!recovery)} data-testid="login-use-recovery">{recovery ? t('login.useCode') : t('login.useRecovery')}</Button>
      <Button type="link" block onClick={onRestart} data-testid="login-restart">{t('login.restart')}</Button>
    </Form>
  );
}

/** Sign-in form (password, then the second factor when enrolled); errors come localised from the shared messages. */
export function LoginPage() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  const { data: me } = useMe();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  if (me) return <Navigate to="/org" replace />;

  const run = async (send: () => Promise<Me | MfaChallenge>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await send();
      if ('mfaRequired' in next) {
        setChallenge(next);
        return;
      }
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
        <Typography.Paragraph type="secondary">{challenge ? t('login.mfaTitle') : t('login.subtitle')}</Typography.Paragraph>
        {error ? <Alert data-testid="login-error" type="error" showIcon title={messageOf(error, locale)} style={{ marginBottom: 12 }} /> : null}
        {challenge ? (
          <SecondFactorForm
            rememberDays={challenge.rememberDays}
            busy={busy}
            onSubmit={(v) => run(() => post<Me>('/auth/login/mfa', v))}
            onRestart={() => {
              setChallenge(null);
              setError(null);
            }}
          />
        ) : (
          <Form layout="vertical" onFinish={(v: LoginRequest) => run(() => post<Me | MfaChallenge>('/auth/login', v))} requiredMark={false}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('common.required') }]}>
              <Input data-testid="login-username" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required') }]}>
              <Input.Password data-testid="login-password" autoComplete="current-password" />
            </Form.Item>
            <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={busy}>{t('login.submit')}</Button>
          </Form>
        )}
      </Card>
    </div>
  );
}

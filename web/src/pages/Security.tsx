import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../api.ts';
import { LanguageSwitch } from '../components/AppLayout.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { markFieldErrors, showDate } from '../lib/forms.ts';
import { useLocale } from '../lib/locale.tsx';
import { useMe, useSetMe } from '../lib/me.ts';
import type { MfaCodeRequest, MfaDisableRequest, MfaEnrolment, MfaStatus, RecoveryCodes } from '../types.ts';

/** Ten recovery codes, shown once, with the button that hides them. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <div data-testid="mfa-recovery">
      <Typography.Title level={5}>{t('mfa.recoveryTitle')}</Typography.Title>
      <Alert type="warning" showIcon title={t('mfa.recoveryHint')} style={{ marginBottom: 12 }} />
      <ol style={{ fontFamily: 'monospace', fontSize: 15, columns: 2 }} data-testid="mfa-recovery-codes">
        {codes.map((c) => <li key={c} data-testid="mfa-recovery-code">{c}</li>)}
      </ol>
      <Button type="primary" onClick={onDone} data-testid="mfa-recovery-done">{t('mfa.recoveryDone')}</Button>
    </div>
  );
}

/** Enrolment: a new secret as a QR code and as text, confirmed with a code of the app. */
function Enrol({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<MfaCodeRequest>();
  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      markFieldErrors(form, e, locale, ['code']);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (!enrolment) {
    return (
      <>
        <ErrorAlert error={error} />
        <Button type="primary" loading={busy} onClick={() => act(async () => setEnrolment(await post<MfaEnrolment>('/auth/mfa/enrolment')))} data-testid="mfa-start">{t('mfa.start')}</Button>
      </>
    );
  }
  return (
    <div data-testid="mfa-enrolment">
      <ErrorAlert error={error} />
      <Typography.Paragraph>{t('mfa.scan')}</Typography.Paragraph>
      <img src={enrolment.qrSvgDataUrl} alt={t('mfa.qr')} width={200} height={200} data-testid="mfa-qr" />
      <Typography.Paragraph>
        {t('mfa.secret')}: <Typography.Text code copyable data-testid="mfa-secret">{enrolment.secret}</Typography.Text>
      </Typography.Paragraph>
      <Form form={form} layout="inline" requiredMark={false} onFinish={(v) => act(async () => onEnabled((await post<RecoveryCodes>('/auth/mfa/enrolment/confirm', v)).recoveryCodes))}>
        <Form.Item name="code" label={t('mfa.code')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="mfa-code" autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ width: 120 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="mfa-confirm">{t('mfa.confirm')}</Button>
      </Form>
    </div>
  );
}

/** Enrolled: codes left, new recovery codes, turning it off (password and a code). */
function Enrolled({ status, onCodes, onOff }: { status: MfaStatus; onCodes: (codes: string[]) => void; onOff: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [regen] = Form.useForm<MfaCodeRequest>();
  const [off] = Form.useForm<MfaDisableRequest>();
  const act = async (form: typeof regen | typeof off, fields: string[], fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      form.resetFields();
    } catch (e) {
      markFieldErrors(form, e, locale, fields);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Typography.Text data-testid="mfa-codes-left">{t('mfa.recoveryLeft', { count: status.recoveryCodesLeft })}</Typography.Text>
      <Card size="small" title={t('mfa.regenerate')}>
        <Typography.Paragraph type="secondary">{t('mfa.regenerateHint')}</Typography.Paragraph>
        <Form form={regen} layout="inline" requiredMark={false} onFinish={(v) => act(regen, ['code'], async () => onCodes((await post<RecoveryCodes>('/auth/mfa/recovery-codes', v)).recoveryCodes))}>
          <Form.Item name="code" label={t('mfa.code')} rules={[{ required: true, message: t('common.required') }]}><Input maxLength={6} inputMode="numeric" style={{ width: 120 }} data-testid="mfa-regenerate-code" /></Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="mfa-regenerate">{t('mfa.regenerate')}</Button>
        </Form>
      </Card>
      <Card size="small" title={t('mfa.disable')}>
        <Typography.Paragraph type="secondary">{t('mfa.disableHint')}</Typography.Paragraph>
        <Form form={off} layout="inline" requiredMark={false} onFinish={(v) => act(off, ['currentPassword', 'code'], async () => { await post('/auth/mfa/disable', v); onOff(); })}>
          <Form.Item name="currentPassword" label={t('mfa.currentPassword')} rules={[{ required: true, message: t('common.required') }]}><Input.Password autoComplete="current-password" data-testid="mfa-disable-password" /></Form.Item>
          <Form.Item name="code" label={t('mfa.code')} rules={[{ required: true, message: t('common.required') }]}><Input maxLength={6} inputMode="numeric" style={{ width: 120 }} data-testid="mfa-disable-code" /></Form.Item>
          <Button danger htmlType="submit" loading={busy} data-testid="mfa-disable">{t('mfa.disable')}</Button>
        </Form>
      </Card>
    </Space>
  );
}

/** One's own second factor; `forced` when the account's role requires it and it is not enrolled yet. */
export function SecurityPage({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const setMe = useSetMe();
  const status = useQuery({ queryKey: ['mfa'], queryFn: () => get<MfaStatus>('/auth/mfa') });
  const [codes, setCodes] = useState<string[] | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['mfa'] });

  const enabled = (recoveryCodes: string[]) => {
    message.success(t('mfa.enabledDone'));
    setCodes(recoveryCodes);
    refresh();
  };
  // Leaving the codes screen lifts the gate (the server already did when the factor was confirmed).
  const codesSeen = () => {
    setCodes(null);
    if (me && me.mfaEnrolmentRequired) setMe({ ...me, mfaEnabled: true, mfaEnrolmentRequired: false });
    else if (me) qc.setQueryData(['me'], { ...me, mfaEnabled: true });
  };
  const s = status.data;
  const card = (
    <Card title={t('mfa.title')} style={{ maxWidth: 720 }} data-testid="mfa-page"
      extra={s ? <Space>{s.required ? <Tag color="orange">{t('mfa.required')}</Tag> : null}<Tag color={s.enabled ? 'green' : 'default'} data-testid="mfa-state">{s.enabled ? t('mfa.on', { date: showDate(s.enabledAt?.slice(0, 10)) }) : t('mfa.off')}</Tag></Space> : null}>
      {forced ? <Alert type="warning" showIcon title={t('mfa.forced')} style={{ marginBottom: 12 }} data-testid="mfa-forced" /> : null}
      <ErrorAlert error={status.error} />
      <Typography.Paragraph>{t('mfa.intro')}</Typography.Paragraph>
      {codes ? <RecoveryCodes codes={codes} onDone={codesSeen} />
        : !s ? null
        : s.enabled ? <Enrolled status={s} onCodes={setCodes} onOff={() => { message.success(t('mfa.disabledDone')); refresh(); void qc.invalidateQueries({ queryKey: ['me'] }); }} />
        : <Enrol onEnabled={enabled} />}
    </Card>
  );
  if (!forced) return card;
  const logout = async () => {
    await post('/auth/logout').catch(() => {});
    setMe(null);
  };
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 12, background: '#f5f5f5', padding: 16 }}>
      <Space><LanguageSwitch persist /><Button size="small" onClick={logout} data-testid="logout">{t('menu.logout')}</Button></Space>
      {card}
    </div>
  );
}

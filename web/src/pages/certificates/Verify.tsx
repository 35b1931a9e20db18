import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Input, Layout, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, get } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LanguageSwitch } from '../../components/AppLayout.tsx';
import { showDate } from '../../lib/forms.ts';
import type { CertificateVerification } from '../../types.ts';

/**
 * The public verification page (no login): /verify/:code and /xac-minh/:code, the address the certificate's QR
 * opens, and /verify to type the short code printed on it. Shows valid / revoked / unknown and only what the
 * certificate itself shows.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code } = useParams();
  const [typed, setTyped] = useState('');
  const result = useQuery({ queryKey: ['verify', code], queryFn: () => get<CertificateVerification>(`/public/verify/${encodeURIComponent(code ?? '')}`), enabled: !!code, retry: false });
  const v = result.data;
  const c = v?.certificate;
  const go = () => { const s = typed.trim(); if (s) navigate(`/verify/${encodeURIComponent(s)}`); };

  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }} data-testid="verify-page">
      <Layout.Header style={{ display: 'flex', alignItems: 'center', background: '#fff', borderBottom: '1px solid #f0f0f0', height: 48, paddingInline: 16 }}>
        <Typography.Text strong style={{ color: '#a8071a', fontSize: 16 }}>{t('app.name')}</Typography.Text>
        <div style={{ flex: 1 }} />
        <LanguageSwitch persist={false} />
      </Layout.Header>
      <Layout.Content style={{ maxWidth: 720, width: '100%', margin: '24px auto', padding: '0 16px' }}>
        <Card title={t('certificates.verifyTitle')}>
          <Typography.Paragraph type="secondary">{t('certificates.verifyIntro')}</Typography.Paragraph>
          <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
            <Input data-testid="verify-input" placeholder={t('certificates.verifyInput')} value={typed} onChange={(e) => setTyped(e.target.value)} onPressEnter={go} maxLength={40} />
            <Button type="primary" onClick={go} data-testid="verify-submit">{t('certificates.verifyButton')}</Button>
          </Space.Compact>
          {result.error instanceof ApiError && result.error.code === 'RATE_LIMITED' ? <Result status="warning" title={t('certificates.limited')} /> : <ErrorAlert error={result.error} />}
          {result.isLoading && code && <Card loading />}
          {v && (
            <div data-testid="verify-result" data-status={v.status}>
              {v.status === 'valid' && <Result icon={<CheckCircleFilled style={{ color: '#389e0d' }} />} title={<span data-testid="verify-status">{t('certificates.valid')}</span>} subTitle={t('certificates.validText')} />}
              {v.status === 'revoked' && v.revocation && (
                <Result icon={<CloseCircleFilled style={{ color: '#cf1322' }} />} title={<span data-testid="verify-status">{t('certificates.revokedTitle')}</span>}
                  subTitle={<span data-testid="verify-revocation">{t('certificates.revokedText', { date: showDate(v.revocation.revokedOn), number: v.revocation.revokingNumber, decisionDate: showDate(v.revocation.revokingDate) })}</span>} />
              )}
              {v.status === 'unknown' && <Result icon={<QuestionCircleFilled style={{ color: '#8c8c8c' }} />} title={<span data-testid="verify-status">{t('certificates.unknown')}</span>} subTitle={t('certificates.unknownText')} />}
              {c && (
                <Descriptions column={1} bordered size="small" data-testid="verify-details">
                  <Descriptions.Item label={t('certificates.name')}>{c.name}</Descriptions.Item>
                  {c.unit && <Descriptions.Item label={t('certificates.unit')}>{c.unit}</Descriptions.Item>}
                  <Descriptions.Item label={t('certificates.award')}>{c.award}</Descriptions.Item>
                  <Descriptions.Item label={t('certificates.decision')}>{t('certificates.decisionText', { number: c.decisionNumber, date: showDate(c.decidedOn) })}</Descriptions.Item>
                  {c.signedBy && (
                    <Descriptions.Item label={t('certificates.signedBy')}>
                      <span data-testid="verify-signed-by">{[c.signedBy.name, c.signedBy.organisation].filter(Boolean).join(' — ')}{c.signedBy.signedAt ? ` (${showDate(c.signedBy.signedAt.slice(0, 10))})` : ''}</span>
                    </Descriptions.Item>
                  )}
                </Descriptions>
              )}
            </div>
          )}
        </Card>
      </Layout.Content>
    </Layout>
  );
}

import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { cityTimeZone, cityToday } from '../../lib/clock.ts';
import { showDate } from '../../lib/forms.ts';
import type { SignedCopies, SignedCopy } from '../../types.ts';
import type { DecisionPanelProps } from './DecisionPanels.tsx';

/** A timestamp as the city reads it: "dd/mm/yyyy HH:mm". */
function showDateTime(iso: string): string {
  const d = new Date(iso);
  const time = new Intl.DateTimeFormat('vi-VN', { timeZone: cityTimeZone(), hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  return `${showDate(cityToday(d))} ${time}`;
}

/**
 * "Văn bản đã ký số" under an issued decision: who signed its newest verified signed copy and when, the upload of
 * a signed PDF (verified by the server before it is stored: a refusal says what failed), and every stored copy.
 */
export function SignaturePanel({ decision }: DecisionPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const issued = decision.status === 'issued';
  const key = ['decision', String(decision.id), 'signed-copies'];
  const data = useQuery({ queryKey: key, queryFn: () => get<SignedCopies>(`/decisions/${decision.id}/signed-copies`), enabled: issued });
  if (!issued) return null;
  if (!data.data) return <Card size="small" loading={data.isLoading} title={t('signatures.title')} style={{ marginTop: 16 }}><ErrorAlert error={data.error} /></Card>;
  const { items, canUpload } = data.data;
  const current = items[0];

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const body = new FormData();
      body.append('file', file);
      const made = await api<SignedCopy>('POST', `/decisions/${decision.id}/signed-copies`, body);
      message.success(t('signatures.uploaded', { name: made.signerName }));
      await qc.invalidateQueries({ queryKey: key });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const signedBy = (c: SignedCopy) => {
    const org = c.organisation ? ` (${c.organisation})` : '';
    return c.signedAt ? t('signatures.signedBy', { name: c.signerName, org, date: showDateTime(c.signedAt) }) : t('signatures.signedByNoDate', { name: c.signerName, org });
  };

  return (
    <Card size="small" title={t('signatures.title')} style={{ marginTop: 16 }} data-testid="signature-panel"
      extra={canUpload ? (
        <>
          <input ref={input} type="file" accept="application/pdf,.pdf" hidden data-testid="signature-file"
            onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); e.target.value = ''; }} />
          <Button icon={<UploadOutlined />} loading={busy} data-testid="signature-upload" onClick={() => input.current?.click()}>
            {current ? t('signatures.uploadAgain') : t('signatures.upload')}
          </Button>
        </>
      ) : null}>
      {current ? (
        <Alert type="success" showIcon icon={<SafetyCertificateOutlined />} data-testid="signature-status"
          title={<span data-testid="signature-signed-by">{signedBy(current)}</span>}
          description={<Typography.Text type="secondary">{[current.issuerName && `${t('signatures.issuer')}: ${current.issuerName}`, `${t('signatures.serial')}: ${current.serial}`, t('signatures.verifiedAt', { date: showDateTime(current.verifiedAt) })].filter(Boolean).join(' · ')}</Typography.Text>} />
      ) : (
        <Typography.Paragraph type="secondary" data-testid="signature-none">{t('signatures.notSigned')}</Typography.Paragraph>
      )}
      {canUpload && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('signatures.intro')}</Typography.Paragraph>}
      {error !== null && <ErrorAlert error={error} testId="signature-error" />}
      {items.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('signatures.history')}</Typography.Title>
          <Table size="small" rowKey="id" dataSource={items} pagination={false} data-testid="signature-history" columns={[
            { title: t('signatures.file'), dataIndex: 'fileName', render: (v: string, r) => (
              <a href={`/api/v1/decisions/${decision.id}/signed-copies/${r.id}/file`} download data-testid={`signature-download-${r.id}`}>{v}</a>
            ) },
            { title: t('signatures.signer'), dataIndex: 'signerName' },
            { title: t('signatures.organisation'), dataIndex: 'organisation' },
            { title: t('signatures.signedAt'), dataIndex: 'signedAt', render: (v: string | null) => (v ? showDateTime(v) : '') },
            { key: 'current', render: (_: unknown, r) => (r.id === current?.id ? <Tag color="green">{t('signatures.current')}</Tag> : null) },
          ]} />
        </>
      )}
    </Card>
  );
}

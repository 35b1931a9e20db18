import { DownloadOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, withQuery } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { showDate } from '../../lib/forms.ts';
import { useCan } from '../../lib/me.ts';
import type { Certificate, CertificateList, PrinterCalibrations } from '../../types.ts';
import type { DecisionPanelProps } from '../awarding/DecisionPanels.tsx';

/**
 * "Bằng, giấy chứng nhận" under an issued decision: each awardee's certificate with its register number and codes,
 * and the print of all of them as one PDF — on the pre-printed blank at a printer's calibration, or in full colour.
 */
export function CertificatesPanel({ decision }: DecisionPanelProps) {
  const { t } = useTranslation();
  const issued = decision.status === 'issued';
  const canPrintAnywhere = useCan('certificate.print');
  const [variant, setVariant] = useState<'blank' | 'colour'>('blank');
  const [printer, setPrinter] = useState<string | undefined>(undefined);
  const list = useQuery({ queryKey: ['decision', String(decision.id), 'certificates'], queryFn: () => get<CertificateList>(`/decisions/${decision.id}/certificates`), enabled: issued });
  const calibrations = useQuery({ queryKey: ['certificate-calibrations'], queryFn: () => get<PrinterCalibrations>('/certificates/calibrations'), enabled: issued && canPrintAnywhere });
  if (!issued) return null;
  if (!list.data) return <Card size="small" loading={list.isLoading} title={t('certificates.title')} style={{ marginTop: 16 }}><ErrorAlert error={list.error} /></Card>;
  const { items, canPrint } = list.data;
  const printers = [...new Set((calibrations.data?.items ?? []).map((c) => c.printer))].sort();
  const query = { variant, printer: variant === 'blank' ? printer : undefined };
  const allHref = withQuery(`/api/v1/decisions/${decision.id}/certificates.pdf`, query);

  return (
    <Card size="small" title={t('certificates.title')} style={{ marginTop: 16 }} data-testid="certificates-panel"
      extra={items.length > 0 ? <Typography.Text type="secondary">{t('certificates.count', { count: items.length })}</Typography.Text> : null}>
      {items.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid="certificates-none">{t('certificates.none')}</Typography.Paragraph>
      ) : (
        <>
          {canPrint && (
            <Space wrap style={{ marginBottom: 12 }}>
              <span>{t('certificates.variant')}:</span>
              <Select data-testid="certificates-variant" value={variant} onChange={setVariant} style={{ width: 260 }}
                options={[{ value: 'blank', label: t('certificates.variantBlank') }, { value: 'colour', label: t('certificates.variantColour') }]} />
              {variant === 'blank' && (
                <>
                  <span>{t('certificates.printer')}:</span>
                  <Select data-testid="certificates-printer" allowClear value={printer} onChange={setPrinter} style={{ width: 200 }} placeholder={t('certificates.noPrinter')}
                    options={printers.map((p) => ({ value: p, label: p }))} />
                </>
              )}
              <Button type="primary" icon={<DownloadOutlined />} href={allHref} download data-testid="certificates-download-all">{t('certificates.downloadAll')}</Button>
            </Space>
          )}
          <Table<Certificate> size="small" rowKey="id" dataSource={items} pagination={items.length > 50 ? { pageSize: 50 } : false} data-testid="certificates-table"
            columns={[
              { title: t('certificates.register'), dataIndex: 'registerNumber', width: 90, render: (n: number, r) => `${n}/${r.year}` },
              { title: t('certificates.name'), dataIndex: 'name', render: (v: string, r) => (
                <>
                  {r.revokedOn ? <Typography.Text delete>{v}</Typography.Text> : v}
                  {r.revokedOn && <Tag color="red" style={{ marginInlineStart: 8 }}>{t('certificates.revoked', { date: showDate(r.revokedOn) })}</Tag>}
                </>
              ) },
              { title: t('certificates.unit'), dataIndex: 'unitName' },
              { title: t('certificates.award'), dataIndex: 'awardName' },
              { title: t('certificates.shortCode'), dataIndex: 'shortCode', render: (v: string) => <Typography.Text code copyable>{v}</Typography.Text> },
              { key: 'links', render: (_: unknown, r) => (
                <Space>
                  <a href={r.verifyUrl} target="_blank" rel="noreferrer" data-testid={`certificate-verify-${r.id}`}><QrcodeOutlined /> {t('certificates.verify')}</a>
                  {canPrint && <a href={withQuery(`/api/v1/decisions/${decision.id}/certificates/${r.id}/pdf`, query)} download data-testid={`certificate-download-${r.id}`}>{t('certificates.download')}</a>}
                </Space>
              ) },
            ]} />
        </>
      )}
    </Card>
  );
}

import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, get } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import type { CertificateBlanks, CreateCalibrationRequest, PrinterCalibration, PrinterCalibrations } from '../../types.ts';

/** One calibration's offsets, edited in place (saved with its version: a stale edit is refused with 409). */
function OffsetEditor({ cal, onSaved }: { cal: PrinterCalibration; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [x, setX] = useState<number | null>(cal.offsetXMm);
  const [y, setY] = useState<number | null>(cal.offsetYMm);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const changed = x !== cal.offsetXMm || y !== cal.offsetYMm;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('PUT', `/certificates/calibrations/${cal.id}`, { offsetXMm: x ?? 0, offsetYMm: y ?? 0, note: cal.note, version: cal.version });
      message.success(t('certificates.saved'));
      await onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" size={4}>
      <Space>
        <InputNumber size="small" step={0.5} min={-100} max={100} value={x} onChange={setX} addonBefore="x" data-testid={`calibration-x-${cal.id}`} />
        <InputNumber size="small" step={0.5} min={-100} max={100} value={y} onChange={setY} addonBefore="y" data-testid={`calibration-y-${cal.id}`} />
        <Button size="small" type="primary" disabled={!changed} loading={busy} onClick={save} data-testid={`calibration-save-${cal.id}`}>{t('certificates.save')}</Button>
      </Space>
      {error !== null && <ErrorAlert error={error} />}
    </Space>
  );
}

/**
 * "Căn chỉnh máy in phôi": the blank types (with their test page), each printer's offsets per blank, and a form to
 * add one. The server refuses an offset that pushes a field off the sheet, naming the field.
 */
export function CalibrationsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<CreateCalibrationRequest>();
  const [error, setError] = useState<unknown>(null);
  const blanks = useQuery({ queryKey: ['certificate-blanks'], queryFn: () => get<CertificateBlanks>('/certificates/blanks') });
  const list = useQuery({ queryKey: ['certificate-calibrations'], queryFn: () => get<PrinterCalibrations>('/certificates/calibrations') });
  const refresh = () => qc.invalidateQueries({ queryKey: ['certificate-calibrations'] });
  const add = async (v: CreateCalibrationRequest) => {
    setError(null);
    try {
      await api('POST', '/certificates/calibrations', { ...v, offsetXMm: v.offsetXMm ?? 0, offsetYMm: v.offsetYMm ?? 0 });
      form.resetFields(['printer', 'offsetXMm', 'offsetYMm', 'note']);
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  const blankOptions = (blanks.data?.items ?? []).map((b) => ({ value: b.code, label: b.name }));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="calibrations-page">
      <Card title={t('certificates.calibrationsTitle')}>
        <Typography.Paragraph type="secondary">{t('certificates.calibrationsIntro')}</Typography.Paragraph>
        <ErrorAlert error={list.error ?? blanks.error} />
        <Table<PrinterCalibration> size="small" rowKey="id" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={false}
          locale={{ emptyText: t('certificates.noCalibrations') }} data-testid="calibrations-table"
          columns={[
            { title: t('certificates.owner'), dataIndex: 'ownerUnitName' },
            { title: t('certificates.printer'), dataIndex: 'printer' },
            { title: t('certificates.blanks'), dataIndex: 'blankName' },
            { title: `${t('certificates.offsetX')} / ${t('certificates.offsetY')}`, key: 'offsets', render: (_: unknown, r) => <OffsetEditor key={`${r.id}-${r.version}`} cal={r} onSaved={refresh} /> },
            { title: t('certificates.note'), dataIndex: 'note' },
            { key: 'test', render: (_: unknown, r) => (
              <a href={`/api/v1/certificates/blanks/${r.blankCode}/test-page.pdf?calibrationId=${r.id}`} download data-testid={`calibration-test-${r.id}`}><DownloadOutlined /> {t('certificates.testPage')}</a>
            ) },
          ]} />
        <Form form={form} layout="inline" onFinish={add} style={{ marginTop: 16, rowGap: 8 }} data-testid="calibration-form">
          <Form.Item name="ownerUnitId" rules={[{ required: true, message: t('certificates.chooseUnit') }]}>
            <UnitSelect placeholder={t('certificates.chooseUnit')} style={{ width: 240 }} testId="calibration-unit" />
          </Form.Item>
          <Form.Item name="printer" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('certificates.printer')} maxLength={120} style={{ width: 180 }} data-testid="calibration-printer" />
          </Form.Item>
          <Form.Item name="blankCode" rules={[{ required: true }]}>
            <Select placeholder={t('certificates.blanks')} options={blankOptions} style={{ width: 240 }} data-testid="calibration-blank" />
          </Form.Item>
          <Form.Item name="offsetXMm"><InputNumber step={0.5} min={-100} max={100} placeholder={t('certificates.offsetX')} style={{ width: 140 }} /></Form.Item>
          <Form.Item name="offsetYMm"><InputNumber step={0.5} min={-100} max={100} placeholder={t('certificates.offsetY')} style={{ width: 140 }} /></Form.Item>
          <Form.Item name="note"><Input placeholder={t('certificates.note')} maxLength={500} style={{ width: 180 }} /></Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} data-testid="calibration-add">{t('certificates.add')}</Button>
        </Form>
        {error !== null && <div style={{ marginTop: 8 }}><ErrorAlert error={error} testId="calibration-error" /></div>}
      </Card>
      <Card title={t('certificates.blanks')} size="small">
        <Table size="small" rowKey="code" dataSource={blanks.data?.items ?? []} pagination={false} data-testid="blanks-table"
          columns={[
            { title: t('certificates.blanks'), dataIndex: 'name' },
            { title: t('certificates.sheet'), key: 'sheet', render: (_: unknown, b: CertificateBlanks['items'][number]) => `${b.widthMm} × ${b.heightMm} mm` },
            { key: 'test', render: (_: unknown, b: CertificateBlanks['items'][number]) => <a href={`/api/v1/certificates/blanks/${b.code}/test-page.pdf`} download><DownloadOutlined /> {t('certificates.testPage')}</a> },
          ]} />
      </Card>
    </Space>
  );
}

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, get, post } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { showDate } from '../../lib/forms.ts';
import type { AddTrustRootRequest, TrustRoots } from '../../types.ts';

type Root = TrustRoots['items'][number];

/**
 * "Chứng thư gốc tin cậy": the root certificates a decision's digital signature may chain to, besides those of the
 * server's SIGNATURE_TRUST_ROOTS file (counted, not listed). Adding and removing one is audited; a removed root no
 * longer admits new signed copies, and copies verified with it stay.
 */
export function TrustRootsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<AddTrustRootRequest>();
  const data = useQuery({ queryKey: ['signature-roots'], queryFn: () => get<TrustRoots>('/signature-roots') });
  const reload = () => qc.invalidateQueries({ queryKey: ['signature-roots'] });

  const add = async (v: AddTrustRootRequest) => {
    await post('/signature-roots', { label: v.label, content: v.content });
    message.success(t('signatures.rootAdded'));
    form.resetFields();
    await reload();
  };
  const remove = async (r: Root) => {
    setError(null);
    try {
      await api('DELETE', `/signature-roots/${r.id}?version=${r.version}`);
      await reload();
    } catch (e) {
      setError(e);
    }
  };
  const readFile = async (file: File) => form.setFieldsValue({ content: await file.text() });

  return (
    <Card title={t('signatures.rootsTitle')} data-testid="signature-roots"
      extra={<Button type="primary" icon={<PlusOutlined />} data-testid="signature-root-add" onClick={() => setAdding(true)}>{t('signatures.rootAdd')}</Button>}>
      <Typography.Paragraph type="secondary">{t('signatures.rootsIntro', { count: data.data?.configuredCount ?? 0 })}</Typography.Paragraph>
      <ErrorAlert error={data.error ?? error} />
      <Table size="small" rowKey="id" loading={data.isLoading} dataSource={data.data?.items ?? []} pagination={false} data-testid="signature-roots-table" columns={[
        { title: t('signatures.rootLabel'), dataIndex: 'label' },
        { title: t('signatures.rootSubject'), dataIndex: 'subject' },
        { title: t('signatures.rootValid'), key: 'valid', render: (_: unknown, r: Root) => `${showDate(r.notBefore.slice(0, 10))} – ${showDate(r.notAfter.slice(0, 10))}` },
        { title: 'SHA-256', dataIndex: 'fingerprintSha256', render: (v: string) => <Typography.Text code copyable={{ text: v }}>{v.slice(0, 16)}…</Typography.Text> },
        { key: 'act', render: (_: unknown, r: Root) => (
          <Popconfirm title={t('signatures.rootRemoveConfirm')} onConfirm={() => remove(r)}>
            <Button size="small" danger icon={<DeleteOutlined />} data-testid={`signature-root-remove-${r.id}`}>{t('signatures.rootRemove')}</Button>
          </Popconfirm>
        ) },
      ]} />
      <FormModal<AddTrustRootRequest> title={t('signatures.rootAdd')} open={adding} onClose={() => setAdding(false)} onSubmit={add} form={form} testId="signature-root" fields={['label', 'content']} width={680}>
        <Form.Item name="label" label={t('signatures.rootLabel')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="signature-root-label" maxLength={200} />
        </Form.Item>
        <Form.Item name="content" label={t('signatures.rootPem')} extra={t('signatures.rootPemHint')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea data-testid="signature-root-pem" rows={8} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <input type="file" accept=".pem,.crt" data-testid="signature-root-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void readFile(f); e.target.value = ''; }} />
      </FormModal>
    </Card>
  );
}

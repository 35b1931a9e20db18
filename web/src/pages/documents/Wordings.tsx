import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post, put } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { DocumentWording, DocumentWordings, UpdateWordingRequest } from '../../types.ts';

const TEXT_FIELDS = ['parentBody', 'issuingBody', 'bodyAbbrev', 'place', 'headTitle', 'authorityLine', 'collectiveLine', 'proposer', 'executors', 'archive'] as const;
const LIST_FIELDS = ['bases', 'recipients'] as const;

/** "Mẫu lời văn": the wording each issuing body prints on its documents (document.template), kind defaults and unit rows. */
export function WordingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<DocumentWording | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const q = useQuery({ queryKey: ['document-wordings'], queryFn: () => get<DocumentWordings>('/document-wordings') });
  const reload = () => qc.invalidateQueries({ queryKey: ['document-wordings'] });
  const addUnit = async () => {
    if (!unitId) return;
    setError(null);
    try {
      setEditing(await post<DocumentWording>('/document-wordings', { unitId }));
      await reload();
    } catch (e) { setError(e); }
  };
  return (
    <Card title={t('documents.wording.title')} data-testid="wordings-page">
      <Typography.Paragraph type="secondary">{t('documents.wording.intro')}</Typography.Paragraph>
      <ErrorAlert error={q.error ?? error} />
      <Space style={{ marginBottom: 12 }}>
        <InputNumber min={1} placeholder={t('documents.wording.unitId')} value={unitId} onChange={(v) => setUnitId(v)} data-testid="wording-unit-id" />
        <Button icon={<PlusOutlined />} onClick={() => void addUnit()} disabled={!unitId} data-testid="wording-add-unit">{t('documents.wording.addUnit')}</Button>
      </Space>
      <Table<DocumentWording> size="small" rowKey="id" loading={q.isLoading} dataSource={q.data?.items ?? []} pagination={false} columns={[
        { title: t('documents.wording.scope'), render: (_, r) => r.unitName ?? t('documents.wording.kindDefault', { kind: r.unitKind ? t(`kinds.${r.unitKind}`, { defaultValue: r.unitKind }) : '' }) },
        { title: t('documents.wording.fields.issuingBody'), dataIndex: 'issuingBody' },
        { title: t('documents.wording.fields.place'), dataIndex: 'place' },
        { title: t('documents.wording.fields.headTitle'), dataIndex: 'headTitle' },
        { title: '', render: (_, r) => <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid={`wording-edit-${r.id}`} /> },
      ]} />
      {editing && <WordingModal row={editing} onClose={async (saved) => { setEditing(null); if (saved) { message.success(t('documents.wording.saved')); await reload(); } }} />}
    </Card>
  );
}

function WordingModal({ row, onClose }: { row: DocumentWording; onClose: (saved: boolean) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, string>>();
  const [error, setError] = useState<unknown>(null);
  const initial = { ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, row[k]])), ...Object.fromEntries(LIST_FIELDS.map((k) => [k, row[k].join('\n')])) };
  const save = async () => {
    const v = form.getFieldsValue();
    const lines = (s: string | undefined) => String(s ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
    const body = { ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, String(v[k] ?? '')])), bases: lines(v.bases), recipients: lines(v.recipients), version: row.version } as UpdateWordingRequest;
    setError(null);
    try {
      await put(`/document-wordings/${row.id}`, body);
      await onClose(true);
    } catch (e) { setError(e); }
  };
  return (
    <Modal open width={820} title={row.unitName ?? t('documents.wording.kindDefault', { kind: row.unitKind ?? '' })} okText={t('common.save')} onOk={() => void save()} onCancel={() => void onClose(false)}>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={initial} data-testid="wording-form">
        {[...TEXT_FIELDS, ...LIST_FIELDS].map((k) => (
          <Form.Item key={k} name={k} label={t(`documents.wording.fields.${k}`)} extra={(LIST_FIELDS as readonly string[]).includes(k) ? t('documents.linesHint') : undefined}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 10 }} data-testid={`wording-field-${k}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

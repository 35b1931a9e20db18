import { DownloadOutlined, EditOutlined, FileDoneOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, get, post, put } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { cityToday } from '../../lib/clock.ts';
import { showDate } from '../../lib/forms.ts';
import type { DocumentState } from '../../types.ts';

type Content = DocumentState['content'];

/**
 * One document made from the data (a decision, a submission letter, a cover list, a report, minutes): its state,
 * downloads as .docx and .pdf, and — while a draft — its text to edit and, where allowed, its issue.
 */
export function DocumentRow({ path, label, canEdit, issuable, testId }: { path: string; label: string; canEdit: boolean; issuable: boolean; testId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = ['document', path];
  const q = useQuery({ queryKey: key, queryFn: () => get<DocumentState>(path) });
  const doc = q.data;
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const issue = async () => {
    if (!doc) return;
    setError(null);
    try {
      await post(`${path}/issue`, { version: doc.version });
      message.success(t('documents.issuedOk'));
      await refresh();
    } catch (e) { setError(e); }
  };
  const fieldName = (f: string | null) => (f ? t(`documents.fields.${f}`, { defaultValue: f }) : '');
  return (
    <div data-testid={testId} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Space wrap>
        <Typography.Text strong>{label}</Typography.Text>
        {doc && (doc.status === 'issued'
          ? <Tag color="green" data-testid={`${testId}-status`}>{t('documents.issued', { date: showDate(doc.issuedAt ? cityToday(new Date(doc.issuedAt)) : null) })}</Tag>
          : <Tag data-testid={`${testId}-status`}>{t('documents.draft')}</Tag>)}
        {doc && doc.edited.length > 0 && <Typography.Text type="secondary">{t('documents.edited', { fields: doc.edited.map(fieldName).join(', ') })}</Typography.Text>}
      </Space>
      <ErrorAlert error={q.error ?? error} />
      {doc?.problem && <Alert type="warning" showIcon style={{ marginTop: 4 }} title={t('documents.problem', { field: fieldName(doc.problem.field) })} data-testid={`${testId}-problem`} />}
      {doc && (
        <Space wrap style={{ marginTop: 4 }}>
          <Button size="small" icon={<DownloadOutlined />} disabled={doc.problem !== null} onClick={() => download(`${path}/file`, { format: 'docx' })} data-testid={`${testId}-docx`}>{t('documents.docx')}</Button>
          <Button size="small" icon={<DownloadOutlined />} disabled={doc.problem !== null} onClick={() => download(`${path}/file`, { format: 'pdf' })} data-testid={`${testId}-pdf`}>{t('documents.pdf')}</Button>
          {canEdit && doc.status === 'draft' && <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid={`${testId}-edit`}>{t('documents.edit')}</Button>}
          {canEdit && issuable && doc.status === 'draft' && doc.problem === null && (
            <Button size="small" icon={<FileDoneOutlined />} onClick={() => void issue()} data-testid={`${testId}-issue`}>{t('documents.issue')}</Button>
          )}
          {doc.pdfSha256 && <Typography.Text type="secondary" style={{ fontSize: 11 }}>{t('documents.sha', { sha: doc.pdfSha256.slice(0, 16) })}…</Typography.Text>}
        </Space>
      )}
      {editing && doc && <EditModal path={path} doc={doc} onClose={async (saved) => { setEditing(false); if (saved) { message.success(t('documents.saved')); await refresh(); } }} />}
    </div>
  );
}

/** The draft's text: a box per paragraph-like field, lists one item per line. */
function EditModal({ path, doc, onClose }: { path: string; doc: DocumentState; onClose: (saved: boolean) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, string>>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const initial = Object.fromEntries(Object.entries(doc.content).map(([k, v]) => [k, Array.isArray(v) ? v.join('\n') : v]));
  const save = async () => {
    const values = form.getFieldsValue();
    const content: Content = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(doc.content[k]) ? String(v ?? '').split('\n').map((l) => l.trim()).filter(Boolean) : String(v ?? '')]));
    setBusy(true);
    setError(null);
    try {
      await put(path, { version: doc.version, content });
      await onClose(true);
    } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <Modal open width={820} title={t('documents.edit')} okText={t('common.save')} confirmLoading={busy} onOk={() => void save()} onCancel={() => void onClose(false)}>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={initial} data-testid="document-edit-form">
        {Object.keys(doc.content).map((k) => (
          <Form.Item key={k} name={k} label={t(`documents.fields.${k}`, { defaultValue: k })} extra={Array.isArray(doc.content[k]) ? t('documents.linesHint') : undefined}>
            <Input.TextArea autoSize={{ minRows: Array.isArray(doc.content[k]) ? 3 : 1, maxRows: 12 }} data-testid={`document-field-${k}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

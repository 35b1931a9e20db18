import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Radio, Result, Space, Statistic, Steps, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_LABELS, issueMessage } from '../../../src/shared/i18n/messages.ts';
import { api, download, get } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useLocale } from '../lib/locale.tsx';
import type { ImportJob, ImportPreviewItem } from '../types.ts';

type Kind = 'people' | 'org_units' | 'ratings';
type Job = ImportJob;

const BUSY = new Set(['parsing', 'applying']);

/** Excel import: kind → template → upload → progress → errors or preview → apply → result. */
export function ImportWizardPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [kind, setKind] = useState<Kind>('people');
  const [step, setStep] = useState(0);
  const [jobId, setJobId] = useState<string | number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const job = useQuery({
    queryKey: ['import', jobId],
    enabled: jobId !== null,
    queryFn: () => get<Job>(`/imports/${jobId}`),
    refetchInterval: (q) => (q.state.data && !BUSY.has(q.state.data.status) ? false : 500),
  });
  const j = job.data;
  const status = j?.status;
  const current = jobId === null ? step : status === 'applied' || status === 'failed' ? 4 : status === 'parsing' ? 2 : 3;

  const upload = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      const fd = new FormData();
      fd.append('file', file, file.name);
      const res = await api<{ id: number | string }>('POST', `/imports/${kind}`, fd);
      setJobId(res.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const apply = async () => {
    setError(null);
    setBusy(true);
    try {
      await api('POST', `/imports/${jobId}/apply`, {});
      await job.refetch();
    } catch (e) {
      setError(e);
      await job.refetch();
    } finally {
      setBusy(false);
    }
  };
  const restart = () => {
    setJobId(null);
    setError(null);
    setStep(1);
  };

  const errors = j?.errors ?? [];
  const preview: ImportPreviewItem[] = j?.preview ?? [];
  const pct = j ? Math.round(100 * (j.progress ?? (j.totalRows ? j.processedRows / j.totalRows : 0))) : 0;
  const keyTitle = j?.kind === 'org_units' ? t('unit.code') : t('person.nationalId');
  const labelTitle = j?.kind === 'org_units' ? t('unit.name') : t('person.fullName');
  const fileInput = (
    <>
      <input ref={input} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" style={{ display: 'none' }}
        data-testid="import-upload-input" onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); }} />
      <Button type="primary" icon={<InboxOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="import-upload">{busy ? t('imports.uploading') : t('imports.upload')}</Button>
    </>
  );

  return (
    <Card title={t('imports.title')}>
      <Steps current={current} size="small" style={{ marginBottom: 16 }} items={[
        { title: t('imports.stepKind') }, { title: t('imports.stepUpload') }, { title: t('imports.stepCheck') }, { title: t('imports.stepPreview') }, { title: t('imports.stepDone') },
      ]} />
      <ErrorAlert error={error ?? job.error} testId="import-error" />
      {jobId === null && step === 0 ? (
        <Space orientation="vertical">
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="import-kind"
            options={[{ value: 'people', label: <span data-testid="import-kind-people">{t('imports.kindPeople')}</span> }, { value: 'org_units', label: <span data-testid="import-kind-org">{t('imports.kindOrg')}</span> }, { value: 'ratings', label: <span data-testid="import-kind-ratings">{t('evaluations.importKind')}</span> }]} />
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => download(`/imports/templates/${kind}`)} data-testid="import-template">{t('imports.template')}</Button>
            <Button type="primary" onClick={() => setStep(1)} data-testid="import-next">{t('imports.next')}</Button>
          </Space>
        </Space>
      ) : null}
      {jobId === null && step === 1 ? (
        <Space>
          <Button onClick={() => setStep(0)}>{t('common.back')}</Button>
          <Button icon={<DownloadOutlined />} onClick={() => download(`/imports/templates/${kind}`)}>{t('imports.template')}</Button>
          {fileInput}
        </Space>
      ) : null}
      {j ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space>
            <Tag color={status === 'invalid' || status === 'failed' ? 'red' : status === 'applied' ? 'green' : 'blue'} data-testid="import-status">{t(`imports.status.${j.status}`)}</Tag>
            <Typography.Text type="secondary">{t('imports.progress', { done: j.processedRows ?? 0, total: j.totalRows ?? 0 })}</Typography.Text>
          </Space>
          {status && BUSY.has(status) ? <Progress percent={pct} status="active" data-testid="import-progress" /> : null}
          {status === 'invalid' ? (
            <>
              <Alert type="error" showIcon title={t('imports.hasErrors')} />
              <Typography.Title level={5}>{t('imports.errors', { count: j.errorCount ?? errors.length })}</Typography.Title>
              <Table size="small" rowKey={(r) => `${r.row}-${r.column}-${r.field}-${r.rule}`} dataSource={errors} pagination={{ pageSize: 50, showSizeChanger: false }} data-testid="import-errors"
                onRow={() => ({ 'data-testid': 'import-error-row' }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  { title: t('imports.row'), dataIndex: 'row', width: 70 },
                  { title: t('imports.column'), dataIndex: 'column', width: 180 },
                  { title: t('imports.message'), key: 'message', render: (_: unknown, e) => issueMessage({ ...e, row: undefined }, locale).replace(/^"[^"]*": /, '') },
                ]} />
            </>
          ) : null}
          {status === 'validated' && j.interrupted ? (
            <Alert type="warning" showIcon data-testid="import-interrupted"
              title={t('imports.interruptedTitle', { at: dayjs(j.interrupted.at).format('DD/MM/YYYY HH:mm') })} description={t('imports.interruptedSub')} />
          ) : null}
          {status === 'validated' && !j.interrupted ? <Alert type="success" showIcon title={t('imports.noErrors')} /> : null}
          {(status === 'validated' || status === 'invalid') && j.counts ? (
            <Space size="large">
              <Statistic title={t('imports.create')} value={j.counts.create} />
              <Statistic title={t('imports.update')} value={j.counts.update} />
              <Statistic title={t('imports.unchanged')} value={j.counts.unchanged} />
            </Space>
          ) : null}
          {status === 'validated' && preview.length ? (
            <Table size="small" rowKey={(r) => `${r.row}-${r.key}`} dataSource={preview} pagination={{ pageSize: 20, showSizeChanger: false }} data-testid="import-preview"
              columns={[
                { title: t('imports.row'), dataIndex: 'row', width: 70 },
                { title: t('imports.summary'), dataIndex: 'action', width: 110, render: (v: string) => <Tag color={v === 'create' ? 'green' : 'blue'}>{t(`imports.${v}`, { defaultValue: v })}</Tag> },
                { title: keyTitle, dataIndex: 'key', width: 140 },
                { title: labelTitle, dataIndex: 'label' },
                { title: t('imports.changedFields'), dataIndex: 'fields', render: (v: string[]) => v.map((f) => FIELD_LABELS[locale][f] ?? f).join(', ') },
              ]} />
          ) : null}
          {status === 'validated' || status === 'invalid' ? (
            <Space>
              <Tooltip title={status === 'invalid' ? t('imports.applyDisabled') : undefined}>
                <Button type="primary" disabled={status !== 'validated'} loading={busy} onClick={apply} data-testid="import-apply">{t('imports.apply')}</Button>
              </Tooltip>
              {fileInput}
            </Space>
          ) : null}
          {status === 'applied' ? (
            <Result status="success" title={t('imports.doneTitle')} data-testid="import-done"
              subTitle={t('imports.doneSub', { create: j.applied?.created ?? j.counts?.create ?? 0, update: j.applied?.updated ?? j.counts?.update ?? 0, unchanged: j.counts?.unchanged ?? 0 })}
              extra={<Button type="primary" onClick={restart} data-testid="import-again">{t('imports.again')}</Button>} />
          ) : null}
          {status === 'failed' ? (
            <Result status="error" title={t('imports.failedTitle')} subTitle={j.failure ? t(`imports.failures.${j.failure}`, { defaultValue: j.failure }) : undefined} data-testid="import-failed"
              extra={<Button type="primary" onClick={restart}>{t('imports.again')}</Button>} />
          ) : null}
        </Space>
      ) : null}
    </Card>
  );
}

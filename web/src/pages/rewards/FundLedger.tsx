import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get, put } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { cityToday } from '../../lib/clock.ts';
import { showDate } from '../../lib/forms.ts';
import type { BudgetRequest, FundLedger, FundLedgers } from '../../types.ts';
import { groupVi } from '../../../../src/shared/vn-format.ts';

const vnd = (n: number | null | undefined) => (n === null || n === undefined ? '—' : groupVi(n));
const moneyInput = { min: 0, step: 1_000_000, style: { width: 220 }, formatter: (v: unknown) => (v === undefined || v === null || String(v) === '' ? '' : groupVi(Number(v))), parser: (v: string | undefined) => Number((v ?? '').replace(/\D/g, '')) };

/** One authority's fund for the year: figures, its decisions, and the budget form for whoever manages rewards. */
function LedgerDetail({ authorityUnitId, year }: { authorityUnitId: number; year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ budget: number; note?: string }>();
  const key = ['fund-ledger', authorityUnitId, year];
  const l = useQuery({ queryKey: key, queryFn: () => get<FundLedger>(`/rewards/funds/${authorityUnitId}/${year}`) });
  const x = l.data;
  const save = async () => {
    if (!x) return;
    setError(null);
    try {
      const v = await form.validateFields();
      const body: BudgetRequest = { budget: v.budget, note: v.note || null, version: x.version };
      qc.setQueryData(key, await put<FundLedger>(`/rewards/funds/${authorityUnitId}/${year}`, body));
      await qc.invalidateQueries({ queryKey: ['fund-ledgers', year] });
      message.success(t('rewards.saved'));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card title={x ? t('rewards.fundTitle', { year, authority: x.authorityName }) : ''} loading={l.isLoading} style={{ marginTop: 16 }} data-testid="fund-ledger">
      <ErrorAlert error={l.error ?? error} />
      {x && (
        <>
          {x.budget === null
            ? <Alert type="info" showIcon title={t('rewards.noBudget', { year })} style={{ marginBottom: 12 }} />
            : x.remaining !== null && x.remaining < 0 && <Alert type="warning" showIcon title={t('rewards.exceeded')} style={{ marginBottom: 12 }} />}
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} items={[
            { key: 'b', label: t('rewards.budget'), children: <span data-testid="ledger-budget">{vnd(x.budget)}</span> },
            { key: 'c', label: t('rewards.committed'), children: <span data-testid="ledger-committed">{vnd(x.committed)}</span> },
            { key: 'r', label: t('rewards.remaining'), children: <span data-testid="ledger-remaining">{vnd(x.remaining)}</span> },
            { key: 'p', label: t('rewards.paid'), children: vnd(x.paid) },
            { key: 'u', label: t('rewards.unpaid'), children: vnd(x.unpaid) },
            { key: 'n', label: t('rewards.note'), children: x.note ?? '' },
          ]} />
          {x.canManage && (
            <Form form={form} layout="inline" style={{ marginTop: 12 }} key={`${authorityUnitId}-${year}-${x.version}`} initialValues={{ budget: x.budget ?? undefined, note: x.note ?? '' }}>
              <Form.Item name="budget" label={t('rewards.budget')} rules={[{ required: true }]}><InputNumber {...moneyInput} data-testid="budget-input" /></Form.Item>
              <Form.Item name="note" label={t('rewards.note')}><Input maxLength={500} style={{ width: 260 }} /></Form.Item>
              <Button type="primary" onClick={save} data-testid="budget-save">{t('rewards.setBudget')}</Button>
            </Form>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('rewards.decisions')}</Typography.Title>
          <Table size="small" rowKey="decisionId" dataSource={x.decisions} pagination={false} columns={[
            { title: t('rewards.number'), dataIndex: 'numberText', render: (v: string, r) => <Link to={`/decisions/${r.decisionId}`}>{v}</Link> },
            { title: t('rewards.decidedOn'), dataIndex: 'decidedOn', render: (v: string) => showDate(v) },
            { title: t('rewards.awardees'), dataIndex: 'awardees', align: 'right' },
            { title: t('rewards.revokedCount'), dataIndex: 'revoked', align: 'right' },
            { title: t('rewards.committed'), dataIndex: 'amount', align: 'right', render: vnd },
            { title: t('rewards.paid'), dataIndex: 'paid', align: 'right', render: vnd },
          ]} />
        </>
      )}
    </Card>
  );
}

/** The reward fund ledger: every authority's fund of a year in the user's scope, one opened in detail. */
export function FundLedgerPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(Number(cityToday().slice(0, 4)));
  const [authority, setAuthority] = useState<number | undefined>(undefined);
  const list = useQuery({ queryKey: ['fund-ledgers', year], queryFn: () => get<FundLedgers>('/rewards/funds', { year }) });
  return (
    <>
      <Card title={t('rewards.ledgerTitle')}>
        <Typography.Paragraph type="secondary">{t('rewards.ledgerHint')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <span>{t('rewards.year')}</span>
          <InputNumber min={1945} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="fund-year" />
          <span>{t('rewards.authority')}</span>
          <UnitSelect value={authority} onChange={(v) => setAuthority(v as number | undefined)} placeholder={t('rewards.chooseAuthority')} testId="fund-authority" />
        </Space>
        <ErrorAlert error={list.error} />
        <Table size="small" rowKey="authorityUnitId" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={false} locale={{ emptyText: t('rewards.none') }}
          onRow={(r) => ({ onClick: () => setAuthority(r.authorityUnitId), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('rewards.authority'), dataIndex: 'authorityName' },
            { title: t('rewards.budget'), dataIndex: 'budget', align: 'right', render: vnd },
            { title: t('rewards.committed'), dataIndex: 'committed', align: 'right', render: vnd },
            { title: t('rewards.remaining'), dataIndex: 'remaining', align: 'right', render: (v: number | null) => <Typography.Text type={v !== null && v < 0 ? 'danger' : undefined}>{vnd(v)}</Typography.Text> },
            { title: t('rewards.paid'), dataIndex: 'paid', align: 'right', render: vnd },
            { title: t('rewards.unpaid'), dataIndex: 'unpaid', align: 'right', render: vnd },
          ]} />
      </Card>
      {authority !== undefined && <LedgerDetail authorityUnitId={authority} year={year} />}
    </>
  );
}

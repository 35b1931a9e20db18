import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, get, put } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { cityTodayPicked, isoDate, showDate } from '../../lib/forms.ts';
import type { DecisionMoney, FundCheck, MoneyItem, PaymentRequest } from '../../types.ts';
import { groupVi } from '../../../../src/shared/vn-format.ts';
import type { DecisionPanelProps } from './DecisionPanels.tsx';

const vnd = (n: number | null | undefined) => (n === null || n === undefined ? '—' : groupVi(n));

/** The fund figures before (draft) or for (issued) this decision, with the warning when it exceeds the fund. */
function FundFigures({ f, issued }: { f: FundCheck; issued: boolean }) {
  const { t } = useTranslation();
  if (f.external) return <Alert type="info" showIcon title={t('rewards.external')} />;
  if (f.budget === null) return <Alert type="info" showIcon data-testid="fund-no-budget" title={t('rewards.noBudget', { year: f.year })} />;
  return (
    <Alert
      type={f.exceeds ? 'warning' : 'success'}
      showIcon
      data-testid="fund-figures"
      title={<>{t('rewards.fundTitle', { year: f.year, authority: f.authorityName })}: {f.exceeds ? t(issued ? 'rewards.exceededIssued' : 'rewards.exceeds') : t('rewards.withinFund')}</>}
      description={
        <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
          { key: 'b', label: t('rewards.budget'), children: vnd(f.budget) },
          { key: 'c', label: t('rewards.committedOthers'), children: vnd(f.committed) },
          { key: 'a', label: t('rewards.available'), children: vnd(f.available) },
          { key: 't', label: t('rewards.thisDecision'), children: vnd(f.thisDecision) },
          { key: 'r', label: t('rewards.remainingAfter'), children: <span data-testid="fund-remaining">{vnd(f.remaining)}</span> },
        ]} />
      }
    />
  );
}

/** Reward money of a decision: per awardee, total in figures and words, payment list downloads, payments, the fund. */
export function RewardsPanel({ decision }: DecisionPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['decision-rewards', decision.id, decision.version];
  const m = useQuery({ queryKey: key, queryFn: () => get<DecisionMoney>(`/decisions/${decision.id}/rewards`), enabled: decision.status !== 'discarded' });
  const f = useQuery({ queryKey: ['decision-fund', decision.id, decision.version], queryFn: () => get<FundCheck>(`/decisions/${decision.id}/fund-check`), enabled: decision.status !== 'discarded' });
  const [paying, setPaying] = useState<MoneyItem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ amount: number; paidOn: ReturnType<typeof cityTodayPicked>; note?: string }>();
  if (decision.status === 'discarded') return null;
  const x = m.data;
  const openPayment = (item: MoneyItem) => {
    setError(null);
    form.setFieldsValue({ amount: item.payment?.amount ?? item.amount, paidOn: cityTodayPicked(), note: item.payment?.note ?? '' });
    setPaying(item);
  };
  const savePayment = async () => {
    if (!paying) return;
    const v = await form.validateFields();
    try {
      const body: PaymentRequest = { amount: v.amount, paidOn: isoDate(v.paidOn), note: v.note || null, version: paying.payment?.version ?? 0 };
      const next = await put<DecisionMoney>(`/decisions/${decision.id}/rewards/payments/${paying.awardeeId}`, body);
      qc.setQueryData(key, next);
      setPaying(null);
      message.success(t('rewards.saved'));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card title={t('rewards.title')} style={{ marginTop: 16 }} data-testid="rewards-panel" loading={m.isLoading}
      extra={x?.status === 'issued' && (
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => download(`/decisions/${decision.id}/rewards.xlsx`)} data-testid="rewards-xlsx">{t('rewards.downloadXlsx')}</Button>
          <Button icon={<DownloadOutlined />} onClick={() => download(`/decisions/${decision.id}/rewards.pdf`)} data-testid="rewards-pdf">{t('rewards.downloadPdf')}</Button>
        </Space>
      )}>
      <ErrorAlert error={m.error ?? f.error} />
      {f.data && <FundFigures f={f.data} issued={decision.status === 'issued'} />}
      {x && (
        <>
          <Table size="small" rowKey="awardeeId" dataSource={x.items} pagination={x.items.length > 50 ? { pageSize: 50 } : false} style={{ marginTop: 12 }} columns={[
            { title: t('rewards.name'), dataIndex: 'name' },
            { title: t('rewards.award'), dataIndex: 'awardName' },
            { title: t('rewards.coefficient'), dataIndex: 'coefficient', align: 'right', render: (v: number | null) => (v === null ? '' : String(v).replace('.', ',')) },
            {
              title: t('rewards.amount'), dataIndex: 'amount', align: 'right',
              render: (v: number, r) => (r.revoked
                ? <Typography.Text delete type="secondary" title={t('rewards.revoked', { number: r.revoked.revokingNumber, date: showDate(r.revoked.revokedOn) })}>{t('rewards.revoked', { number: r.revoked.revokingNumber, date: showDate(r.revoked.revokedOn) })}</Typography.Text>
                : r.coefficient === null ? <Typography.Text type="secondary">{t('rewards.noAmount')}</Typography.Text> : vnd(v)),
            },
            { title: t('rewards.payment'), key: 'p', align: 'right', render: (_: unknown, r) => (r.payment ? `${vnd(r.payment.amount)} (${showDate(r.payment.paidOn)})` : '') },
            ...(x.canManage ? [{ title: '', key: 'a', render: (_: unknown, r: MoneyItem) => <Button size="small" onClick={() => openPayment(r)} data-testid={`pay-${r.awardeeId}`}>{t('rewards.recordPayment')}</Button> }] : []),
          ]} />
          <Descriptions size="small" column={1} style={{ marginTop: 12 }} items={[
            { key: 't', label: t('rewards.total'), children: <strong data-testid="rewards-total">{vnd(x.total)} đồng</strong> },
            { key: 'w', label: t('rewards.inWords'), children: <em data-testid="rewards-words">{x.totalInWords}</em> },
            { key: 'p', label: t('rewards.paid'), children: vnd(x.paid) },
          ]} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {x.dateAssumed && <>{t('rewards.dateAssumed', { date: showDate(x.decidedOn) })} </>}
            {x.rounding === 'ceil_to_10000' ? t('rewards.roundingCeil') : t('rewards.roundingNone')}
          </Typography.Paragraph>
        </>
      )}
      <Modal open={paying !== null} title={paying ? t('rewards.paymentTitle', { name: paying.name }) : ''} onOk={savePayment} onCancel={() => setPaying(null)} forceRender>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical">
          <Form.Item name="amount" label={t('rewards.amount')} rules={[{ required: true }]}>
            <InputNumber min={0} step={10_000} style={{ width: '100%' }} formatter={(v) => (v === undefined || v === null || String(v) === '' ? '' : groupVi(Number(v)))} parser={(v) => Number((v ?? '').replace(/\D/g, '')) as unknown as 0} />
          </Form.Item>
          <Form.Item name="paidOn" label={t('rewards.paidOn')} rules={[{ required: true }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>
          <Form.Item name="note" label={t('rewards.note')}><Input maxLength={500} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, DatePicker, Descriptions, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { get, post } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { GuardedButton } from '../../components/Guarded.tsx';
import { cityTodayPicked, isoDate, showDate } from '../../lib/forms.ts';
import type { Decision, IssueDecisionRequest } from '../../types.ts';
import { DecisionPanels } from './DecisionPanels.tsx';
import { withFundWarning } from './fundWarning.ts';
import { STATUS_COLOR } from './Decisions.tsx';

/** One decision: its fields, awardees, and for a draft the issue (number given now) and discard actions. */
export function DecisionPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ decidedOn: ReturnType<typeof cityTodayPicked>; signerName?: string }>();
  const d = useQuery({ queryKey: ['decision', id], queryFn: () => get<Decision>(`/decisions/${id}`) });
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['decision', id] }), qc.invalidateQueries({ queryKey: ['decisions'] })]);
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try { await fn(); await refresh(); } catch (e) { setError(e); }
  };
  if (!d.data) return <Card loading={d.isLoading}><ErrorAlert error={d.error} /></Card>;
  const x = d.data;
  const issue = () => act(async () => {
    const v = form.getFieldsValue();
    // Reward money beyond the authority's fund: the server answers FUND_EXCEEDED; confirm, then send it again accepting.
    const done = await withFundWarning(modal, t, (acceptFundWarning) => post<Decision>(`/decisions/${x.id}/issue`, { version: x.version, decidedOn: v.decidedOn ? isoDate(v.decidedOn) : null, signerName: v.signerName || null, ...(acceptFundWarning ? { acceptFundWarning } : {}) } satisfies IssueDecisionRequest));
    if (done) message.success(t('awarding.decisions.issued', { number: done.numberText }));
  });
  return (
    <>
    <Card title={<Space>{x.numberText ?? t('awarding.decisions.draftNumber')}<Tag color={STATUS_COLOR[x.status]} data-testid="decision-status">{t(`awarding.decisions.statuses.${x.status}`)}</Tag></Space>}>
      <ErrorAlert error={error} />
      <Descriptions size="small" column={2} bordered items={[
        { key: 'a', label: t('awarding.decisions.authority'), children: x.externalAuthority ?? x.authorityName },
        { key: 'n', label: t('awarding.decisions.number'), children: <span data-testid="decision-number">{x.numberText ?? '—'}</span> },
        { key: 'd', label: t('awarding.decisions.decidedOn'), children: showDate(x.decidedOn) },
        { key: 's', label: t('awarding.decisions.signerName'), children: [x.signerTitle, x.signerName].filter(Boolean).join(' ') },
        { key: 'w', label: t('awarding.decisions.award'), children: x.awardName },
        { key: 't', label: t('awarding.decisions.awardType'), children: t(`awarding.decisions.awardTypes.${x.awardType}`) },
        { key: 'p', label: t('awarding.decisions.period'), children: x.periodFrom === x.periodTo ? x.periodFrom : `${x.periodFrom}–${x.periodTo}` },
        { key: 'y', label: t('awarding.decisions.summary'), children: x.summary ?? '' },
      ]} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('awarding.decisions.awardees')}</Typography.Title>
      <Table size="small" rowKey="id" dataSource={x.awardees} pagination={false} columns={[
        { title: t('awarding.decisions.person'), dataIndex: 'name', render: (v: string, r) => (r.personId ? <Link to={`/people/${r.personId}`}>{v}</Link> : <Link to={`/org/units/${r.unitId}`}>{v}</Link>) },
        { title: t('awarding.decisions.award'), dataIndex: 'awardName' },
      ]} />
      {x.actions?.canIssue && (
        <Form form={form} layout="inline" style={{ marginTop: 16 }} initialValues={{ decidedOn: cityTodayPicked(), signerName: x.signerName ?? '' }}>
          <Form.Item name="decidedOn" label={t('awarding.decisions.decidedOn')}><DatePicker format="DD/MM/YYYY" /></Form.Item>
          <Form.Item name="signerName" label={t('awarding.decisions.signerName')}><Input style={{ width: 200 }} /></Form.Item>
          <Popconfirm title={t('awarding.decisions.issueConfirm')} onConfirm={issue}>
            <GuardedButton allowed type="primary" data-testid="decision-issue">{t('awarding.decisions.issue')}</GuardedButton>
          </Popconfirm>
          <Popconfirm title={t('awarding.decisions.discardConfirm')} onConfirm={() => act(() => post(`/decisions/${x.id}/discard`, { version: x.version }))}>
            <GuardedButton allowed danger data-testid="decision-discard" style={{ marginInlineStart: 8 }}>{t('awarding.decisions.discard')}</GuardedButton>
          </Popconfirm>
        </Form>
      )}
    </Card>
    <DecisionPanels decision={x} refresh={refresh} />
    </>
  );
}

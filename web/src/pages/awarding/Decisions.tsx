import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { get } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { GuardedButton } from '../../components/Guarded.tsx';
import { yearOptions } from '../../lib/eligibility.ts';
import { showDate } from '../../lib/forms.ts';
import { useCan } from '../../lib/me.ts';
import type { DecisionList, DecisionSummary } from '../../types.ts';
import { CreateDecisionModal } from './CreateDecisionModal.tsx';

export const STATUS_COLOR: Record<string, string> = { draft: 'gold', issued: 'green', discarded: 'default' };

/** "Sổ quyết định": the register of award decisions in scope, drafts first. */
export function DecisionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canIssue = useCan('decision.issue');
  const [status, setStatus] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['decisions', status, year], queryFn: () => get<DecisionList>('/decisions', { status, year, limit: 200 }) });
  return (
    <Card title={t('awarding.decisions.title')} extra={
      <Space>
        <Select data-testid="decisions-status" allowClear style={{ width: 160 }} placeholder={t('awarding.decisions.allStatuses')} value={status} onChange={setStatus}
          options={(['draft', 'issued', 'discarded'] as const).map((s) => ({ value: s, label: t(`awarding.decisions.statuses.${s}`) }))} />
        <Select data-testid="decisions-year" allowClear style={{ width: 100 }} placeholder={t('awarding.decisions.year')} value={year} onChange={setYear} options={yearOptions()} />
        <GuardedButton allowed={canIssue} type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="decision-create">{t('awarding.decisions.create')}</GuardedButton>
      </Space>
    }>
      <ErrorAlert error={list.error} />
      <Table<DecisionSummary> size="small" rowKey="id" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={{ pageSize: 50 }}
        onRow={(r) => ({ 'data-testid': 'decision-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('awarding.decisions.number'), dataIndex: 'numberText', render: (v: string | null, r) => <Link to={`/decisions/${r.id}`}>{v ?? t('awarding.decisions.draftNumber')}</Link> },
          { title: t('awarding.decisions.decidedOn'), dataIndex: 'decidedOn', width: 110, render: (v: string | null) => showDate(v) },
          { title: t('awarding.decisions.authority'), dataIndex: 'authorityName', render: (v: string, r) => r.externalAuthority ?? v },
          { title: t('awarding.decisions.award'), dataIndex: 'awardName' },
          { title: t('awarding.decisions.period'), key: 'period', width: 110, render: (_: unknown, r) => (r.periodFrom === r.periodTo ? r.periodFrom : `${r.periodFrom}–${r.periodTo}`) },
          { title: t('awarding.decisions.awardeeCount'), dataIndex: 'awardeeCount', width: 90 },
          { title: t('awarding.decisions.status'), dataIndex: 'status', width: 120, render: (v: string) => <Tag color={STATUS_COLOR[v]}>{t(`awarding.decisions.statuses.${v}`)}</Tag> },
        ]}
      />
      <CreateDecisionModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/decisions/${id}`)} />
    </Card>
  );
}

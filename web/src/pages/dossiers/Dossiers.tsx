import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { get } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { GuardedButton } from '../../components/Guarded.tsx';
import { showDate } from '../../lib/forms.ts';
import { useCan } from '../../lib/me.ts';
import type { DossierList, DossierSummary } from '../../types.ts';
import { NewDossierModal } from './NewDossierModal.tsx';

export const DOSSIER_STATES = ['draft', 'submitted', 'received', 'appraisal', 'returned', 'resubmitted', 'council', 'consultation', 'forwarded', 'decided', 'rejected', 'withdrawn'] as const;
export const STATE_COLOR: Record<string, string> = {
  draft: 'default', submitted: 'blue', received: 'blue', appraisal: 'geekblue', returned: 'orange', resubmitted: 'blue', council: 'purple',
  consultation: 'cyan', forwarded: 'lime', decided: 'green', rejected: 'red', withdrawn: 'default',
};

/** "Hồ sơ đề nghị khen thưởng": what my units sent and what waits at my units, with deadlines (overdue in red). */
export function DossiersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('dossier.write');
  const [box, setBox] = useState<'all' | 'sent' | 'waiting'>('all');
  const [state, setState] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['dossiers', box, state], queryFn: () => get<DossierList>('/dossiers', { box: box === 'all' ? undefined : box, state, limit: 200 }) });
  return (
    <Card title={t('dossiers.title')} extra={
      <Space wrap>
        <Segmented data-testid="dossiers-box" value={box} onChange={(v) => setBox(v as typeof box)} options={(['all', 'sent', 'waiting'] as const).map((b) => ({ value: b, label: t(`dossiers.boxes.${b}`) }))} />
        <Select data-testid="dossiers-state" allowClear style={{ width: 200 }} placeholder={t('dossiers.allStates')} value={state} onChange={setState}
          options={DOSSIER_STATES.map((s) => ({ value: s, label: t(`dossiers.states.${s}`) }))} />
        <GuardedButton allowed={canWrite} type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="dossier-create">{t('dossiers.create')}</GuardedButton>
      </Space>
    }>
      <ErrorAlert error={list.error} />
      <Table<DossierSummary> size="small" rowKey="id" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={{ pageSize: 50 }}
        onRow={(r) => ({ 'data-testid': 'dossier-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('dossiers.id'), dataIndex: 'id', width: 80, render: (v: number) => <Link to={`/dossiers/${v}`}>{v}</Link> },
          { title: t('dossiers.titleField'), dataIndex: 'title', render: (v: string, r) => <Link to={`/dossiers/${r.id}`}>{v}</Link> },
          { title: t('dossiers.award'), dataIndex: 'awardName' },
          { title: t('dossiers.sender'), dataIndex: 'senderUnitName' },
          { title: t('dossiers.holder'), dataIndex: 'holderUnitName' },
          { title: t('dossiers.state'), dataIndex: 'state', width: 170, render: (v: string) => <Tag color={STATE_COLOR[v]} data-testid="dossier-state">{t(`dossiers.states.${v}`)}</Tag> },
          { title: t('dossiers.dueOn'), dataIndex: 'dueOn', width: 110, render: (v: string | null, r) => <span style={r.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined} title={r.overdue ? t('dossiers.overdue') : undefined}>{showDate(v)}</span> },
        ]}
      />
      <NewDossierModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/dossiers/${id}`)} />
    </Card>
  );
}

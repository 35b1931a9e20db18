import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { get } from '../api.ts';
import { EligibilityPanel } from '../components/EligibilityPanel.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { GuardedButton } from '../components/Guarded.tsx';
import { showDate } from '../lib/forms.ts';
import type { PersonDetail } from '../types.ts';
import { NationalIdCell, usePersonalData } from './person/PersonalData.tsx';
import { EditPersonModal, TransferModal } from './person/PersonModals.tsx';
import { PersonWorks } from './person/PersonWorks.tsx';
import { RevokedAwards } from './person/RevokedAwards.tsx';

const RATING_COLORS: Record<string, string> = { excellent: 'green', good: 'blue', completed: 'default', not_completed: 'red' };

/** One person: identity, positions, yearly ratings and titles, awards; edit and transfer. */
export function PersonPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const qc = useQueryClient();
  const [modal, setModal] = useState<'edit' | 'transfer' | null>(null);
  const query = useQuery({ queryKey: ['person', id], queryFn: () => get<PersonDetail>(`/people/${id}`) });
  const personal = usePersonalData(query.data);
  const reload = () => void query.refetch();
  const done = (p: PersonDetail) => {
    qc.setQueryData(['person', id], p);
    void qc.invalidateQueries({ queryKey: ['people'] });
  };

  if (query.error) return <ErrorAlert error={query.error} />;
  const p = query.data;
  if (!p) return <Card loading />;
  const current = p.employments.find((e) => !e.toDate);
  const canEdit = p.actions.canEdit;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={<Space><span data-testid="person-name">{p.fullName}</span>{p.isLeader ? <Tag color="gold">{t('person.leader')}</Tag> : <Tag>{t('person.directWorker')}</Tag>}</Space>}
        extra={
          <Space>
            <GuardedButton allowed={canEdit} onClick={() => setModal('edit')} data-testid="person-edit-open">{t('person.edit')}</GuardedButton>
            <GuardedButton allowed={canEdit} onClick={() => setModal('transfer')} data-testid="person-transfer-open">{t('person.transfer')}</GuardedButton>
          </Space>
        }
      >
        <Descriptions size="small" column={3} items={[
          { label: t('person.nationalId'), children: <NationalIdCell person={p} state={personal} /> },
          { label: t('person.gender'), children: p.gender ? t(`genders.${p.gender}`) : t('common.none') },
          { label: t('person.birthDate'), children: <span data-testid="person-birth">{showDate(personal.revealed ? personal.revealed.birthDate : p.birthDate) || t('common.none')}</span> },
          { label: t('person.currentUnit'), children: current ? <Link to={`/org/units/${current.unitId}`}>{current.unitName}</Link> : t('common.none') },
          { label: t('person.position'), children: current?.position ?? t('common.none') },
          { label: t('person.category'), children: current ? t(`categories.${current.category}`, { defaultValue: current.category }) : t('common.none') },
        ]} />
      </Card>
      <Card size="small" title={t('person.employments')}>
        <Table size="small" pagination={false} rowKey="id" dataSource={p.employments} data-testid="person-employments" columns={[
          { title: t('person.unit'), dataIndex: 'unitName', render: (v: string, r) => <Link to={`/org/units/${r.unitId}`}>{v}</Link> },
          { title: t('person.position'), dataIndex: 'position' },
          { title: t('person.category'), dataIndex: 'category', render: (v: string) => t(`categories.${v}`, { defaultValue: v }) },
          { title: t('person.leader'), dataIndex: 'isLeader', width: 190, render: (v: boolean) => (v ? <Tag color="gold">{t('person.leader')}</Tag> : <Tag>{t('person.directWorker')}</Tag>) },
          { title: t('common.from'), dataIndex: 'fromDate', width: 110, render: showDate },
          { title: t('common.to'), dataIndex: 'toDate', width: 110, render: (v: string | null) => (v ? showDate(v) : t('common.present')) },
        ]} />
      </Card>
      <Card size="small" title={t('person.years')}>
        <Table size="small" pagination={false} rowKey="year" dataSource={[...p.years].sort((a, b) => b.year - a.year)} data-testid="person-years" columns={[
          { title: t('person.year'), dataIndex: 'year', width: 80 },
          { title: t('person.rating'), dataIndex: 'rating', render: (v: string | null) => (v ? <Tag color={RATING_COLORS[v]}>{t(`ratings.${v}`, { defaultValue: v })}</Tag> : t('common.none')) },
          { title: t('person.titles'), dataIndex: 'titles', render: (v: string[]) => (v.length ? v.map((x) => <Tag key={x} color="red">{t(`titles.${x}`, { defaultValue: x })}</Tag>) : t('common.none')) },
        ]} />
      </Card>
      <Card size="small" title={t('person.awards')}>
        <Table size="small" pagination={false} rowKey="id" dataSource={p.awards} data-testid="person-awards" columns={[
          { title: t('person.form'), dataIndex: 'formCode', render: (v: string, r) => <Space>{r.revokedOn ? <Typography.Text delete>{t(`forms.${v}`, { defaultValue: v })}</Typography.Text> : t(`forms.${v}`, { defaultValue: v })}{r.revokedOn ? <Tag color="red">{t('person.revoked', { date: showDate(r.revokedOn) })}</Tag> : null}</Space> },
          { title: t('person.awardType'), dataIndex: 'awardType', render: (v: string) => t(`awardTypes.${v}`, { defaultValue: v }) },
          { title: t('person.decisionNo'), dataIndex: 'decisionNo' },
          { title: t('person.decisionDate'), dataIndex: 'decisionDate', render: showDate, width: 120 },
          { title: t('person.period'), key: 'period', render: (_: unknown, r) => (r.periodFrom ? (r.periodTo && r.periodTo !== r.periodFrom ? `${r.periodFrom}–${r.periodTo}` : String(r.periodFrom)) : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>) },
        ]} />
      </Card>
      <RevokedAwards personId={p.id} />
      <PersonWorks personId={p.id} canEdit={canEdit} />
      <EligibilityPanel subject="person" id={p.id} />
      <EditPersonModal person={p} revealed={personal.revealed} open={modal === 'edit'} onClose={() => setModal(null)} onDone={done} onReload={reload} />
      <TransferModal person={p} open={modal === 'transfer'} onClose={() => setModal(null)} onDone={done} onReload={reload} />
    </Space>
  );
}

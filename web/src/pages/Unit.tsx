import { Breadcrumb, Card, Col, Descriptions, Empty, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { get } from '../api.ts';
import { EligibilityPanel } from '../components/EligibilityPanel.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { GuardedButton } from '../components/Guarded.tsx';
import { UnitKindTag } from '../components/UnitKindTag.tsx';
import { showDate } from '../lib/forms.ts';
import type { SearchResponse, UnitDetail, UnitLink } from '../types.ts';
import { ChangeUnitModal, CreateChildModal, DissolveModal } from './unit/ChangeModals.tsx';
import { MergeModal, SplitModal } from './unit/ReorgModals.tsx';
import { UnitRecordsCard } from './unit/UnitRecords.tsx';

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

type ModalKind = 'change' | 'merge' | 'split' | 'dissolve' | 'create' | null;

/** Predecessors are shown as they were the day before they were merged/split; successors from that day. */
function LinkList({ title, links, testId, past }: { title: string; links: UnitLink[]; testId: string; past: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={testId}>
      {links.length === 0 ? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> : (
        <List size="small" dataSource={links} renderItem={(l) => (
          <List.Item>
            <Space>
              <Link to={`/org/units/${l.unitId}?asOf=${past ? dayBefore(l.effectiveOn) : l.effectiveOn}`} data-testid={`${testId}-${l.code}`}>{l.name}</Link>
              <Typography.Text type="secondary">{l.code}</Typography.Text>
              <Tag>{t(`events.${l.eventKind}`, { defaultValue: l.eventKind })} {showDate(l.effectiveOn)}</Tag>
            </Space>
          </List.Item>
        )} />
      )}
    </Card>
  );
}

/** One unit: identity, path, history, lineage, people, and reorganisation actions. */
export function UnitPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [modal, setModal] = useState<ModalKind>(null);
  const detail = useQuery({ queryKey: ['unit', id, asOf], queryFn: () => get<UnitDetail>(`/org/units/${id}`, { asOf }) });
  // Who worked here on the date being viewed (the day before dissolution for a dissolved unit), else today.
  const dissolvedOn = detail.data?.unit.dissolvedOn;
  const peopleOn = dissolvedOn && (!asOf || asOf >= dissolvedOn) ? dayBefore(dissolvedOn) : asOf;
  const people = useQuery({
    queryKey: ['unit-people', id, peopleOn],
    queryFn: () => get<SearchResponse>('/people', { unitId: id, asOf: peopleOn, limit: 100 }),
    enabled: detail.data !== undefined,
  });

  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['unit'] });
    await qc.invalidateQueries({ queryKey: ['org-tree'] });
    await qc.invalidateQueries({ queryKey: ['unit-people'] });
    await qc.invalidateQueries({ queryKey: ['unit-records'] });
  };

  if (detail.error) return <ErrorAlert error={detail.error} />;
  const d = detail.data;
  if (!d) return <Card loading />;
  const u = d.unit;
  const canEdit = d.actions.canEdit;
  const reason = u.dissolvedOn ? t('unit.dissolvedTooltip') : t('common.noPermission');
  const act = (kind: Exclude<ModalKind, null>, label: string) => (
    <GuardedButton allowed={canEdit} reason={reason} onClick={() => setModal(kind)} data-testid={`unit-action-${kind}`}>{label}</GuardedButton>
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Breadcrumb items={[{ title: <Link to="/org">{t('org.title')}</Link> }, ...d.path.map((p) => ({ title: p.id === u.id ? p.name : <Link to={`/org/units/${p.id}`}>{p.name}</Link> }))]} data-testid="unit-path" />
      <Card
        title={<Space><span data-testid="unit-name" className={u.dissolvedOn ? 'vd-dissolved' : ''}>{u.name}</span><UnitKindTag kind={u.kind} />{u.dissolvedOn ? <Tag>{t('org.dissolvedOn', { date: showDate(u.dissolvedOn) })}</Tag> : null}</Space>}
        extra={<Space wrap>{act('change', t('unit.rename'))}{act('merge', t('unit.merge'))}{act('split', t('unit.split'))}{act('dissolve', t('unit.dissolve'))}{act('create', t('unit.createChild'))}</Space>}
      >
        <Descriptions size="small" column={3} items={[
          { label: t('unit.code'), children: <span data-testid="unit-code">{u.code}</span> },
          { label: t('unit.kind'), children: t(`kinds.${u.kind}`) },
          { label: t('unit.shortName'), children: u.shortName ?? t('common.none') },
          { label: t('unit.establishedOn'), children: showDate(u.establishedOn) },
          { label: t('unit.dissolvedOn'), children: u.dissolvedOn ? showDate(u.dissolvedOn) : t('common.none') },
        ]} />
      </Card>
      <Row gutter={16}>
        <Col span={12}><LinkList title={t('unit.predecessors')} links={d.predecessors} testId="unit-predecessors" past /></Col>
        <Col span={12}><LinkList title={t('unit.successors')} links={d.successors} testId="unit-successors" past={false} /></Col>
      </Row>
      <Card size="small" title={t('unit.history')}>
        <Table size="small" pagination={false} rowKey={(r) => `${r.validFrom}-${r.name}`} dataSource={d.versions} data-testid="unit-versions" columns={[
          { title: t('unit.name'), dataIndex: 'name' },
          { title: t('unit.parent'), dataIndex: 'parentName', render: (v: string | null, r) => (r.parentId ? <Link to={`/org/units/${r.parentId}`}>{v}</Link> : t('common.none')) },
          { title: t('unit.validFrom'), dataIndex: 'validFrom', render: showDate, width: 110 },
          { title: t('unit.validTo'), dataIndex: 'validTo', render: (v: string | null) => (v ? showDate(v) : t('common.present')), width: 110 },
          { title: t('unit.eventKind'), dataIndex: 'eventKind', render: (v: string | null) => (v ? t(`events.${v}`, { defaultValue: v }) : ''), width: 150 },
        ]} />
      </Card>
      <Card size="small" title={t('unit.events')}>
        <Table size="small" pagination={false} rowKey="id" dataSource={d.events} columns={[
          { title: t('unit.effectiveOn'), dataIndex: 'effectiveOn', render: showDate, width: 120 },
          { title: t('unit.eventKind'), dataIndex: 'kind', render: (v: string) => t(`events.${v}`, { defaultValue: v }), width: 160 },
          { title: t('unit.note'), dataIndex: 'note' },
        ]} />
      </Card>
      <UnitRecordsCard unitId={u.id} />
      <Card size="small" title={peopleOn ? t('unit.peopleOn', { date: showDate(peopleOn) }) : t('unit.people')} extra={<Link to={`/people?unitId=${u.id}`}>{t('unit.morePeople')}</Link>}>
        {people.data && people.data.items.length === 0 ? <Empty description={t('unit.noPeople')} /> : (
          <Table size="small" loading={people.isLoading} pagination={false} rowKey="id" dataSource={people.data?.items ?? []} data-testid="unit-people" columns={[
            { title: t('person.fullName'), dataIndex: 'fullName', render: (v: string, r) => <Link to={`/people/${r.id}`} data-testid={`person-link-${r.id}`}>{v}</Link> },
            { title: t('person.nationalId'), dataIndex: 'nationalId', width: 140 },
            { title: t('person.position'), dataIndex: 'position' },
            { title: t('person.leader'), dataIndex: 'isLeader', width: 180, render: (v: boolean | null) => (v ? <Tag color="gold">{t('person.leader')}</Tag> : <Tag>{t('person.directWorker')}</Tag>) },
          ]} />
        )}
      </Card>
      <EligibilityPanel subject="unit" id={u.id} />
      <ChangeUnitModal unit={u} open={modal === 'change'} onClose={() => setModal(null)} onDone={() => void refresh()} />
      <DissolveModal unit={u} open={modal === 'dissolve'} onClose={() => setModal(null)} onDone={() => void refresh()} />
      <CreateChildModal unit={u} open={modal === 'create'} onClose={() => setModal(null)} onDone={(c) => { void refresh(); navigate(`/org/units/${c.id}`); }} />
      <MergeModal unit={u} open={modal === 'merge'} onClose={() => setModal(null)} onDone={(s, on) => { void refresh(); navigate(`/org/units/${s.id}?asOf=${on}`); }} />
      <SplitModal unit={u} open={modal === 'split'} onClose={() => setModal(null)} onDone={(_, on) => { void refresh(); navigate(`/org/units/${u.id}?asOf=${on}`); }} />
    </Space>
  );
}

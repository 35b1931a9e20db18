import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { get } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { showDate } from '../../lib/forms.ts';
import type { Movement, MovementDashboard } from '../../types.ts';

const score = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('vi-VN', { maximumFractionDigits: 1 }));

/** One movement: its plan and criteria, progress per reporting period and the units behind (read only). */
export function MovementPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const m = useQuery({ queryKey: ['movement', id], queryFn: () => get<Movement>(`/movements/${id}`) });
  const d = useQuery({ queryKey: ['movement-dashboard', id], queryFn: () => get<MovementDashboard>(`/movements/${id}/dashboard`) });
  const x = m.data;
  return (
    <>
      <Card title={x?.title ?? t('movements.title')} loading={m.isLoading} extra={<Link to="/movements">{t('movements.back')}</Link>} data-testid="movement">
        <ErrorAlert error={m.error ?? d.error} />
        {x && (
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={[
            { key: 'k', label: t('movements.kind'), children: t(`movements.kinds.${x.kind}`) },
            { key: 's', label: t('movements.status'), children: <Tag>{t(`movements.statuses.${x.status}`)}</Tag> },
            { key: 'p', label: t('movements.plan'), children: `${x.planDocNumber} (${showDate(x.planDocDate)})` },
            { key: 't', label: t('movements.period'), children: `${showDate(x.startsOn)} – ${showDate(x.endsOn)}` },
            { key: 'a', label: t('movements.authority'), children: x.authorityUnitName },
            { key: 'c', label: t('movements.scope'), children: x.scopeUnitName },
            { key: 'r', label: t('movements.registrations'), children: x.registrations },
            { key: 'g', label: t('movements.goals'), children: x.goals },
          ]} />
        )}
      </Card>
      <Card title={t('movements.criteria')} style={{ marginTop: 16 }}>
        <Table rowKey="id" size="small" pagination={false} dataSource={x?.criteria ?? []} columns={[
          { key: 'f', title: t('movements.field'), dataIndex: 'field' },
          { key: 'n', title: t('movements.name'), dataIndex: 'name' },
          { key: 'm', title: t('movements.measure'), dataIndex: 'measure' },
          { key: 't', title: t('movements.target'), render: (_, c) => `${t(`movements.directions.${c.direction}`, { date: c.dueOn ? showDate(c.dueOn) : '' })} ${c.target} ${c.unitOfMeasure}` },
          { key: 'w', title: t('movements.weight'), dataIndex: 'weight' },
          { key: 'e', title: t('movements.evidence'), dataIndex: 'evidenceRequired' },
        ]} />
      </Card>
      <Card title={t('movements.progress')} style={{ marginTop: 16 }} loading={d.isLoading}>
        <Table rowKey="id" size="small" pagination={false} dataSource={(d.data?.periods ?? []).filter((p) => p.reports > 0)} columns={[
          { key: 'l', title: t('movements.periodLabel'), dataIndex: 'label' },
          { key: 'd', title: t('movements.deadline'), render: (_, p) => showDate(p.deadline) },
          { key: 'r', title: t('movements.reports'), dataIndex: 'reports' },
          { key: 'late', title: t('movements.late'), dataIndex: 'late' },
          { key: 's', title: t('movements.avgScore'), render: (_, p) => score(p.avgScore) },
        ]} />
      </Card>
      <Card title={t('movements.laggards')} style={{ marginTop: 16 }} loading={d.isLoading} data-testid="movement-laggards">
        <Table rowKey="unitId" size="small" pagination={false} dataSource={d.data?.laggards ?? []} columns={[
          { key: 'u', title: t('movements.unit'), dataIndex: 'unitName' },
          { key: 's', title: t('movements.latestScore'), render: (_, r) => score(r.latestScore) },
          { key: 'm', title: t('movements.missingDue'), dataIndex: 'missingDue' },
        ]} />
      </Card>
    </>
  );
}

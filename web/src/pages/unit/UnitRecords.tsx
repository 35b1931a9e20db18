import { Card, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get } from '../../api.ts';
import { showDate } from '../../lib/forms.ts';
import type { UnitRecords } from '../../types.ts';

/** Which unit earned a record: this one, or a predecessor whose history it carries. */
function EarnedBy({ unitId, unitName, inherited }: { unitId: number; unitName: string; inherited: boolean }) {
  const { t } = useTranslation();
  if (!inherited) return <span>{t('unit.records.self')}</span>;
  return <Space size={4}><Tag color="purple">{t('unit.records.inherited')}</Tag><Link to={`/org/units/${unitId}`}>{unitName}</Link></Space>;
}

/** The collective's emulation titles and awards, its predecessors' included. */
export function UnitRecordsCard({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const records = useQuery({ queryKey: ['unit-records', unitId], queryFn: () => get<UnitRecords>(`/units/${unitId}/records`) });
  const earnedBy = { title: t('unit.records.earnedBy'), key: 'by', render: (_: unknown, r: { unitId: number; unitName: string; inherited: boolean }) => <EarnedBy {...r} /> };
  return (
    <Card size="small" title={t('unit.records.title')} data-testid="unit-records">
      <Table size="small" pagination={false} loading={records.isLoading} rowKey={(r) => `t-${r.unitId}-${r.year}-${r.titleCode}`} dataSource={records.data?.titles ?? []} data-testid="unit-titles"
        locale={{ emptyText: t('unit.records.noTitles') }} columns={[
          { title: t('person.year'), dataIndex: 'year', width: 80 },
          { title: t('person.titles'), dataIndex: 'titleCode', render: (v: string) => t(`titles.${v}`, { defaultValue: v }) },
          { title: t('unit.records.decision'), key: 'decision', render: (_, r) => [r.decisionNo, r.decisionDate ? showDate(r.decisionDate) : null].filter(Boolean).join(' · ') },
          earnedBy,
        ]} />
      <Table size="small" pagination={false} loading={records.isLoading} rowKey={(r) => `a-${r.unitId}-${r.decisionDate}-${r.formCode}`} dataSource={records.data?.awards ?? []} data-testid="unit-awards"
        style={{ marginTop: 12 }} locale={{ emptyText: t('unit.records.noAwards') }} columns={[
          { title: t('person.form'), dataIndex: 'formCode', render: (v: string) => t(`forms.${v}`, { defaultValue: v }) },
          { title: t('unit.records.period'), key: 'period', width: 120, render: (_, r) => (r.periodFrom ? (r.periodTo && r.periodTo !== r.periodFrom ? `${r.periodFrom}–${r.periodTo}` : String(r.periodFrom)) : '') },
          { title: t('unit.records.decision'), key: 'decision', render: (_, r) => [r.decisionNo, showDate(r.decisionDate)].filter(Boolean).join(' · ') },
          earnedBy,
        ]} />
    </Card>
  );
}

import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { get, withQuery } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { UnitSelect } from '../components/UnitSelect.tsx';
import { lastYear, pick, STATUS_COLORS, useAwards, yearOptions } from '../lib/eligibility.ts';
import { useLocale } from '../lib/locale.tsx';
import type { DiscoveryResponse, DiscoveryRow } from '../types.ts';
import { BatchCheckModal } from './discovery/BatchCheck.tsx';

const PAGE_SIZES = [20, 50, 100];

/** The filters as kept in the URL (so a reload or a shared link keeps them). */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = {
    unitId: params.get('unitId') ? Number(params.get('unitId')) : undefined,
    year: Number(params.get('year')) || lastYear(),
    award: params.get('award') ?? undefined,
    status: params.get('status') ?? 'eligible',
    subject: params.get('subject') ?? undefined,
    leader: params.get('leader') ?? undefined,
    gender: params.get('gender') ?? undefined,
  };
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 50;
  /** Sets filters; any filter change goes back to page 1. */
  // From the address bar, not this render's params (react-router's functional form gives the render's too): a
  // filter changed before the page re-rendered after the previous change must not undo it.
  const set = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  return { filters, page, pageSize, set };
}

/** "Phát hiện nhân tố": who in a unit (or the whole city) is eligible, one step away, or needs the council's review. */
export function DiscoveryPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { awards, nameOf } = useAwards();
  const { filters, page, pageSize, set } = useFilters();
  const [selected, setSelected] = useState<DiscoveryRow[]>([]);
  const [checking, setChecking] = useState(false);
  const query = useQuery({
    queryKey: ['discovery', filters, page, pageSize],
    queryFn: () => get<DiscoveryResponse>('/discovery', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const exportHref = `/api/v1${withQuery('/discovery/export.xlsx', filters)}`;
  const awardOptions = awards
    .filter((a) => a.discoverable !== false && (!filters.subject || a.subjects.includes(filters.subject as 'individual' | 'collective')))
    .map((a) => ({ value: a.code, label: pick(locale, a.nameVi, a.nameEn) }));
  const individualsOnly = filters.subject === 'collective';

  return (
    <Card
      title={t('discovery.title')}
      extra={
        <Space>
          <Button icon={<SafetyCertificateOutlined />} disabled={selected.length === 0} onClick={() => setChecking(true)} data-testid="discovery-batch-check">
            {t('discovery.batchCheck', { count: selected.length })}
          </Button>
          <Button icon={<DownloadOutlined />} href={exportHref} download data-testid="discovery-export">{t('common.export')}</Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitSelect value={filters.unitId} onChange={(v) => set({ unitId: typeof v === 'number' ? v : undefined })} testId="discovery-unit" style={{ width: 300 }} placeholder={t('discovery.wholeCity')} />
        <Select data-testid="discovery-year" style={{ width: 96 }} value={filters.year} options={yearOptions()} onChange={(v) => set({ year: v })} />
        <Select data-testid="discovery-award" style={{ width: 300 }} allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('discovery.allAwards')}
          value={filters.award} options={awardOptions} onChange={(v) => set({ award: v })} />
        <Segmented data-testid="discovery-subject" value={filters.subject ?? ''} onChange={(v) => set({ subject: String(v), leader: undefined, gender: undefined, award: undefined })}
          options={[{ value: '', label: t('common.all') }, { value: 'individual', label: t('discovery.individual') }, { value: 'collective', label: t('discovery.collective') }]} />
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented data-testid="discovery-status" value={filters.status} onChange={(v) => set({ status: String(v) })}
          options={(['eligible', 'near', 'needs_review', 'all'] as const).map((s) => ({ value: s, label: t(`discovery.statusFilter.${s}`) }))} />
        <Segmented data-testid="discovery-leader" disabled={individualsOnly} value={filters.leader ?? ''} onChange={(v) => set({ leader: String(v) })}
          options={[{ value: '', label: t('common.all') }, { value: 'true', label: t('people.leaders') }, { value: 'false', label: t('people.directWorkers') }]} />
        <Segmented data-testid="discovery-gender" disabled={individualsOnly} value={filters.gender ?? ''} onChange={(v) => set({ gender: String(v) })}
          options={[{ value: '', label: t('common.all') }, { value: 'female', label: t('genders.female') }, { value: 'male', label: t('genders.male') }]} />
      </Space>
      <ErrorAlert error={query.error} />
      {data ? (
        <Space wrap size={4} data-testid="discovery-counts" style={{ marginBottom: 8 }}>
          <Tag color={STATUS_COLORS.eligible}>{t('discovery.status.eligible')}: {data.counts.eligible}</Tag>
          <Tag color={STATUS_COLORS.near}>{t('discovery.status.near')}: {data.counts.near}</Tag>
          <Tag color={STATUS_COLORS.needs_review}>{t('discovery.status.needs_review')}: {data.counts.needsReview}</Tag>
          <Typography.Text type="secondary">{t('discovery.total', { count: data.total })}</Typography.Text>
        </Space>
      ) : null}
      <DiscoveryTable rows={data?.rows ?? []} loading={query.isFetching} nameOf={nameOf} selected={selected} onSelect={setSelected}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, pageSizeOptions: PAGE_SIZES, showSizeChanger: true, onChange: (p, s) => set({ page: p, pageSize: s }) }} />
      <BatchCheckModal open={checking} onClose={() => setChecking(false)} rows={selected} year={filters.year} />
    </Card>
  );
}

/** The person's page, or the collective's unit page. */
function SubjectLink({ row, name }: { row: DiscoveryRow; name: string }) {
  if (row.personId !== null) return <Link to={`/people/${row.personId}`}>{name}</Link>;
  return row.unitId !== null ? <Link to={`/org/units/${row.unitId}`}>{name}</Link> : <span>{name}</span>;
}

interface TableProps {
  rows: DiscoveryRow[];
  loading: boolean;
  nameOf: (code: string, fallback?: string) => string;
  selected: DiscoveryRow[];
  onSelect: (rows: DiscoveryRow[]) => void;
  pagination: { current: number; pageSize: number; total: number; pageSizeOptions: number[]; showSizeChanger: boolean; onChange: (page: number, size: number) => void };
}

/** One row per subject and award; direct workers and small collectives (priority under the law) stand out. */
function DiscoveryTable({ rows, loading, nameOf, selected, onSelect, pagination }: TableProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Table<DiscoveryRow>
      size="small"
      rowKey="key"
      loading={loading}
      dataSource={rows}
      data-testid="discovery-results"
      pagination={pagination}
      scroll={{ x: 1100 }}
      rowClassName={(r) => (r.highlight ? 'vd-highlight' : '')}
      rowSelection={{ selectedRowKeys: selected.map((r) => r.key), preserveSelectedRowKeys: true, onChange: (keys, rs) => {
        // Rows selected on other pages are not in `rs`: keep them from the previous selection.
        const byKey = new Map([...selected, ...rs.filter(Boolean)].map((r) => [r.key, r]));
        onSelect(keys.flatMap((k) => byKey.get(String(k)) ?? []));
      } }}
      onRow={(r) => ({ 'data-testid': 'discovery-row', 'data-status': r.status, 'data-highlight': String(r.highlight), 'data-subject': r.subjectKind }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('discovery.name'), dataIndex: 'name', render: (v: string, r) => (
          <Space size={4} wrap>
            <SubjectLink row={r} name={v} />
            {r.subjectKind === 'collective' && r.members !== null ? <Typography.Text type="secondary">{t('discovery.members', { count: r.members })}</Typography.Text> : null}
            {r.isLeader ? <Tag color="gold" data-testid="discovery-leader-tag">{t('person.leader')}</Tag> : null}
            {r.highlight ? (
              <Tag color="green" data-testid="discovery-highlight">{r.subjectKind === 'collective' ? t('discovery.smallCollective') : t('discovery.direct')}</Tag>
            ) : null}
          </Space>
        ) },
        { title: t('discovery.unit'), dataIndex: 'unitName', render: (v: string | null, r) => (r.unitId !== null ? <Link to={`/org/units/${r.unitId}`}>{v}</Link> : v) },
        { title: t('discovery.award'), dataIndex: 'award', render: (v: string, r) => nameOf(v, pick(locale, r.awardName, r.awardNameEn)) },
        { title: t('discovery.statusCol'), dataIndex: 'status', width: 150, render: (v: DiscoveryRow['status'], r) => (
          <Space size={2} wrap>
            <Tooltip title={pick(locale, r.reasonVi, r.reasonEn)}><Tag color={STATUS_COLORS[v]} data-testid="discovery-status-tag">{t(`discovery.status.${v}`)}</Tag></Tooltip>
            {r.duplicate ? (
              <Tooltip title={pick(locale, r.duplicate.textVi, r.duplicate.textEn)}>
                <Tag color="volcano" data-testid="discovery-duplicate">{t(`discovery.duplicate.${r.duplicate.kind}`)}</Tag>
              </Tooltip>
            ) : null}
          </Space>
        ) },
        { title: t('discovery.missing'), key: 'missing', render: (_: unknown, r) => {
          const items = locale === 'en' && r.missingEn.length ? r.missingEn : r.missing;
          return items.length ? <Typography.Text type="secondary">{items.join('; ')}</Typography.Text> : null;
        } },
      ]}
    />
  );
}

import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { isoDate } from '../lib/forms.ts';
import { useLocale } from '../lib/locale.tsx';
import type { AuditRow } from '../types.ts';

const ENTITIES = ['org_unit', 'person', 'app_user', 'employment', 'import'];
const PAGE = 100;

interface Filters { entity?: string; action?: string; actor?: string; from?: string; to?: string }

const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** Field-by-field before/after of one audit entry (only fields that differ). */
function Diff({ row }: { row: AuditRow }) {
  const { t } = useTranslation();
  const before = (row.before && typeof row.before === 'object' ? row.before : {}) as Record<string, unknown>;
  const after = (row.after && typeof row.after === 'object' ? row.after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => show(before[k]) !== show(after[k]));
  return (
    <Table size="small" pagination={false} rowKey="field" data-testid={`audit-diff-${row.id}`}
      dataSource={keys.map((k) => ({ field: k, before: show(before[k]), after: show(after[k]) }))}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 200 },
        { title: t('audit.before'), dataIndex: 'before', render: (v: string) => <Typography.Text delete type="danger">{v}</Typography.Text> },
        { title: t('audit.after'), dataIndex: 'after', render: (v: string) => <Typography.Text type="success">{v}</Typography.Text> },
      ]} />
  );
}

/** The audit log, newest first, filtered, paged with "load more" (beforeId), each row expandable to its diff. */
export function AuditPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [draft, setDraft] = useState<Filters>({});
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [filters, setFilters] = useState<Filters>({});
  const result = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => get<{ items: AuditRow[]; nextBeforeId: number | null }>('/audit', { ...filters, beforeId: pageParam, limit: PAGE }),
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const rows = result.data?.pages.flatMap((p) => p.items) ?? [];
  const apply = () => setFilters({ ...draft, from: isoDate(range?.[0]), to: isoDate(range?.[1]) });

  return (
    <Card title={t('audit.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('audit.entity')} style={{ width: 180 }} value={draft.entity} onChange={(v) => setDraft({ ...draft, entity: v })} data-testid="audit-entity"
          options={ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))} />
        <Input allowClear placeholder={t('audit.action')} style={{ width: 180 }} value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} onPressEnter={apply} data-testid="audit-action" />
        <Input allowClear placeholder={t('audit.actor')} style={{ width: 180 }} value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} onPressEnter={apply} data-testid="audit-actor" />
        <DatePicker.RangePicker format="DD/MM/YYYY" value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} data-testid="audit-range" />
        <Button type="primary" onClick={apply} data-testid="audit-filter">{t('audit.filter')}</Button>
      </Space>
      <ErrorAlert error={result.error} />
      <Table<AuditRow>
        size="small"
        rowKey="id"
        loading={result.isLoading}
        dataSource={rows}
        pagination={false}
        expandable={{ expandedRowRender: (r) => <Diff row={r} />, expandRowByClick: true }}
        onRow={() => ({ 'data-testid': 'audit-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => new Date(v).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB') },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 180, render: (v: string | null) => v ?? t('audit.system') },
          { title: t('audit.action'), dataIndex: 'action', width: 180, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('audit.entity'), dataIndex: 'entity', render: (v: string, r) => `${t(`audit.entities.${v}`, { defaultValue: v })} #${r.entityId ?? ''}` },
        ]}
      />
      {result.hasNextPage ? <Button style={{ marginTop: 12 }} onClick={() => void result.fetchNextPage()} loading={result.isFetchingNextPage} data-testid="audit-load-more">{t('common.loadMore')}</Button> : null}
    </Card>
  );
}

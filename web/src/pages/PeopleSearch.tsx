import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { download, get } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { GuardedButton } from '../components/Guarded.tsx';
import { UnitSelect } from '../components/UnitSelect.tsx';
import { showDate } from '../lib/forms.ts';
import { useCan } from '../lib/me.ts';
import type { PersonSummary, SearchResponse } from '../types.ts';
import { CreatePersonModal } from './person/CreatePersonModal.tsx';

const PAGE = 50;

/** Accent-insensitive people search with unit/leader filters, "load more" paging and export. */
export function PeopleSearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('people.write');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const unitId = params.get('unitId') ? Number(params.get('unitId')) : undefined;
  const subtree = params.get('subtree') !== 'false';
  const isLeader = params.get('isLeader') ?? '';
  const [text, setText] = useState(q);
  const [creating, setCreating] = useState(false);

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  // Search as the user types (debounced).
  useEffect(() => {
    const h = setTimeout(() => {
      if (text.trim() !== q) setParam('q', text.trim());
    }, 300);
    return () => clearTimeout(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const filters = { q: q || undefined, unitId, subtree: unitId ? subtree : undefined, isLeader: isLeader || undefined };
  const result = useInfiniteQuery({
    queryKey: ['people', filters],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => get<SearchResponse>('/people', { ...filters, limit: PAGE, offset: pageParam }),
    getNextPageParam: (last, pages) => (last.hasMore ? pages.length * PAGE : undefined),
  });
  const rows = result.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card
      title={t('people.title')}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => download('/exports/people', filters)} data-testid="people-export">{t('common.export')}</Button>
          <GuardedButton allowed={canWrite} type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="person-create">{t('person.create')}</GuardedButton>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search data-testid="people-search" autoFocus allowClear placeholder={t('people.search')} style={{ width: 420 }} value={text}
          onChange={(e) => setText(e.target.value)} onSearch={(v) => setParam('q', v.trim())} />
        <UnitSelect value={unitId} onChange={(v) => setParam('unitId', v === undefined ? undefined : String(v))} testId="people-unit" style={{ width: 320 }} />
        <Checkbox checked={subtree} disabled={!unitId} onChange={(e) => setParam('subtree', e.target.checked ? undefined : 'false')} data-testid="people-subtree">{t('people.subtree')}</Checkbox>
        <Segmented data-testid="people-leader" value={isLeader} onChange={(v) => setParam('isLeader', String(v))}
          options={[{ value: '', label: t('common.all') }, { value: 'true', label: t('people.leaders') }, { value: 'false', label: t('people.directWorkers') }]} />
      </Space>
      <ErrorAlert error={result.error} />
      <Table<PersonSummary>
        size="small"
        rowKey="id"
        loading={result.isLoading}
        dataSource={rows}
        pagination={false}
        data-testid="people-results"
        onRow={(r) => ({ 'data-testid': 'people-row', onDoubleClick: () => navigate(`/people/${r.id}`) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('person.fullName'), dataIndex: 'fullName', render: (v: string, r) => <Link to={`/people/${r.id}`}>{v}</Link> },
          { title: t('person.nationalId'), dataIndex: 'nationalId', width: 130 },
          { title: t('person.birthDate'), dataIndex: 'birthDate', width: 110, render: (v: string | null) => showDate(v) },
          { title: t('person.unit'), dataIndex: 'currentUnitName', render: (v: string | null, r) => (r.currentUnitId ? <Link to={`/org/units/${r.currentUnitId}`}>{v}</Link> : t('common.none')) },
          { title: t('person.position'), dataIndex: 'position' },
          { title: t('person.leader'), dataIndex: 'isLeader', width: 190, render: (v: boolean | null) => (v ? <Tag color="gold">{t('person.leader')}</Tag> : <Tag>{t('person.directWorker')}</Tag>) },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="people-count">{t('people.count', { count: rows.length })}{result.hasNextPage ? '+' : ''}</Typography.Text>
        {result.hasNextPage ? <Button onClick={() => void result.fetchNextPage()} loading={result.isFetchingNextPage} data-testid="people-load-more">{t('common.loadMore')}</Button> : null}
      </Space>
      <CreatePersonModal open={creating} onClose={() => setCreating(false)} onDone={(id) => navigate(`/people/${id}`)} defaultUnitId={unitId} />
    </Card>
  );
}

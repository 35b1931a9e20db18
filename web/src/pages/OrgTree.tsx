import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Input, Space, Tag, Tree, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { download } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { UnitKindTag } from '../components/UnitKindTag.tsx';
import { showDate } from '../lib/forms.ts';
import { cityToday } from '../lib/clock.ts';
import { buildTree, matchingIds, useOrgTree, type UnitNode } from '../lib/orgTree.ts';

interface TreeItem { key: number; title: React.ReactNode; children?: TreeItem[] }

/** The organisation tree as of a chosen date, filterable without accents, with export. */
export function OrgTreePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? cityToday();
  const [filter, setFilter] = useState('');
  const { data, isLoading, error } = useOrgTree(asOf);
  const units = useMemo(() => data?.units ?? [], [data]);
  const roots = useMemo(() => buildTree(units), [units]);
  const found = useMemo(() => matchingIds(units, filter), [units, filter]);
  const [expanded, setExpanded] = useState<Key[]>([]);

  // Roots open by default; while filtering, open every path to a match.
  useEffect(() => {
    if (found) setExpanded([...found.visible]);
    else setExpanded(roots.map((r) => r.unit.id));
  }, [found, roots]);

  const treeData = useMemo(() => {
    const toItems = (nodes: UnitNode[]): TreeItem[] =>
      nodes
        .filter((n) => !found || found.visible.has(n.unit.id))
        .map((n) => {
          const gone = !!n.unit.dissolvedOn && n.unit.dissolvedOn <= asOf;
          return {
          key: n.unit.id,
          title: (
            <span data-testid={`org-node-${n.unit.code}`} style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
              <span className={[gone ? 'vd-dissolved' : '', found?.matches.has(n.unit.id) ? 'vd-match' : ''].join(' ')}>{n.unit.name}</span>
              <Typography.Text type="secondary" style={{ fontSize: 11 }}>{n.unit.code}</Typography.Text>
              <UnitKindTag kind={n.unit.kind} />
              {n.unit.dissolvedOn ? <Tag color={gone ? 'default' : 'warning'} data-testid={gone ? 'org-dissolved-tag' : undefined}>{t(gone ? 'org.dissolvedOn' : 'org.dissolvesOn', { date: showDate(n.unit.dissolvedOn) })}</Tag> : null}
              {n.children.length ? <Typography.Text type="secondary" style={{ fontSize: 11 }}>({n.children.length})</Typography.Text> : null}
            </span>
          ),
          children: n.children.length ? toItems(n.children) : undefined,
          };
        });
    return toItems(roots);
  }, [roots, found, t, asOf]);

  const setAsOf = (d: dayjs.Dayjs | null) => {
    const next = new URLSearchParams(params);
    if (d) next.set('asOf', d.format('YYYY-MM-DD'));
    else next.delete('asOf');
    setParams(next, { replace: true });
  };

  return (
    <Card
      title={t('org.title')}
      extra={
        <Space wrap>
          <span>{t('org.asOf')}:</span>
          <DatePicker
            data-testid="org-asof"
            value={dayjs(asOf)}
            format="DD/MM/YYYY"
            allowClear={false}
            onChange={(d) => setAsOf(d)}
          />
          <Button icon={<DownloadOutlined />} onClick={() => download('/exports/org-units', { asOf })} data-testid="org-export">{t('common.export')}</Button>
        </Space>
      }
    >
      <ErrorAlert error={error} />
      <Space style={{ marginBottom: 8, width: '100%' }} wrap>
        <Input.Search data-testid="org-filter" allowClear placeholder={t('org.filter')} style={{ width: 380 }} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <Typography.Text type="secondary" data-testid="org-count">{t('org.units', { count: found ? found.matches.size : units.length })}</Typography.Text>
        <Button size="small" onClick={() => setExpanded(units.map((u) => u.id))}>{t('org.expandAll')}</Button>
        <Button size="small" onClick={() => setExpanded(roots.map((r) => r.unit.id))}>{t('org.collapseAll')}</Button>
      </Space>
      {isLoading ? <Typography.Text>{t('common.loading')}</Typography.Text> : null}
      <Tree
        data-testid="org-tree"
        treeData={treeData}
        height={Math.max(400, window.innerHeight - 230)}
        virtual
        blockNode
        showLine
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys)}
        selectedKeys={[]}
        onSelect={(keys) => {
          const id = keys[0];
          if (id !== undefined) navigate(`/org/units/${id}?asOf=${asOf}`);
        }}
      />
    </Card>
  );
}

import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get, post } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useLocale } from '../lib/locale.tsx';
import type { AppNotification, Inbox, InboxGroup, InboxItem, NotificationList } from '../types.ts';

const ddmmyyyy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** "Việc cần làm": what waits for the signed-in user, per kind, with counts and deadlines (overdue in red). */
export function InboxPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const inbox = useQuery({ queryKey: ['inbox', locale], queryFn: () => get<Inbox>('/inbox'), refetchInterval: 60_000 });
  const groups = inbox.data?.groups ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('notifications.inboxTitle')} loading={inbox.isLoading} extra={inbox.data && groups.length > 0 ? (
        <Typography.Text data-testid="inbox-total">{t('notifications.total', { total: inbox.data.total, overdue: inbox.data.overdue })}</Typography.Text>
      ) : null}>
        <ErrorAlert error={inbox.error} />
        {inbox.data && groups.length === 0 ? <Empty description={t('notifications.inboxEmpty')} data-testid="inbox-empty" /> : null}
        <Space wrap>
          {groups.map((g) => (
            <a key={`${g.source}:${g.kind}`} href={`#inbox-${g.source}-${g.kind}`} data-testid="inbox-count" data-kind={g.kind}>
              <Tag color="blue" style={{ fontSize: 14, padding: '4px 8px' }}>{g.label ?? g.kind}: {g.count}</Tag>
              {g.overdue > 0 ? <Tag color="red" data-testid="inbox-overdue">{t('notifications.overdue', { count: g.overdue })}</Tag> : null}
            </a>
          ))}
        </Space>
      </Card>
      {groups.map((g) => <GroupCard key={`${g.source}:${g.kind}`} group={g} />)}
      <NotificationsCard />
    </Space>
  );
}

function GroupCard({ group }: { group: InboxGroup }) {
  const { t } = useTranslation();
  return (
    <Card id={`inbox-${group.source}-${group.kind}`} size="small" data-testid="inbox-group" data-kind={group.kind}
      title={<Space>{group.label ?? group.kind}<Tag>{t('notifications.count', { count: group.count })}</Tag>{group.overdue > 0 ? <Tag color="red">{t('notifications.overdue', { count: group.overdue })}</Tag> : null}</Space>}>
      <Table<InboxItem> size="small" rowKey={(r) => `${r.entity}:${r.entityId}`} dataSource={group.items} pagination={false}
        onRow={(r) => ({ 'data-testid': 'inbox-item', 'data-overdue': r.overdue }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('notifications.item'), dataIndex: 'title', render: (v: string, r) => <Link to={r.link}>{v}</Link> },
          { title: t('notifications.unit'), dataIndex: 'unitName', width: 260, render: (v: string | null) => v ?? t('common.none') },
          { title: t('notifications.dueOn'), dataIndex: 'dueOn', width: 130, render: (v: string | null, r) => v === null
            ? <Typography.Text type="secondary">{t('notifications.noDue')}</Typography.Text>
            : <Typography.Text type={r.overdue ? 'danger' : undefined} strong={r.overdue}>{ddmmyyyy(v)}</Typography.Text> },
        ]}
      />
      {group.count > group.items.length ? <Typography.Text type="secondary">{t('notifications.more', { shown: group.items.length, count: group.count })}</Typography.Text> : null}
    </Card>
  );
}

/** Every notification of the user, latest first, a page at a time; opening one marks it read. */
function NotificationsCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const pages = useInfiniteQuery({
    queryKey: ['notifications', 'all'],
    queryFn: ({ pageParam }) => get<NotificationList>('/notifications', { limit: 20, before: pageParam ?? undefined }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.items.length === 20 ? last.items[19].id : null),
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = pages.data?.pages[0]?.unread ?? 0;
  const read = async (ids?: number[]) => {
    await post('/notifications/read', ids ? { ids } : {});
    await qc.invalidateQueries({ queryKey: ['notifications'] });
  };
  return (
    <Card size="small" title={<Space>{t('notifications.title')}{unread > 0 ? <Tag color="orange">{t('notifications.unread', { count: unread })}</Tag> : null}</Space>}
      extra={<Button size="small" disabled={unread === 0} onClick={() => read()}>{t('notifications.markAllRead')}</Button>} data-testid="inbox-notifications">
      <ErrorAlert error={pages.error} />
      <List<AppNotification> size="small" loading={pages.isLoading} locale={{ emptyText: t('notifications.empty') }} dataSource={items}
        renderItem={(n) => (
          <List.Item data-testid="inbox-notification" style={{ background: n.readAt ? undefined : '#fff7e6' }}>
            <Space orientation="vertical" size={0}>
              {n.link ? <Link to={n.link} onClick={() => !n.readAt && read([n.id])}>{n.text}</Link> : <Typography.Text strong={!n.readAt}>{n.text}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dayjs(n.createdAt).format('DD/MM/YYYY HH:mm')}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {pages.hasNextPage ? <Button size="small" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage}>{t('common.loadMore')}</Button> : null}
    </Card>
  );
}

import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Popover, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { get, post } from '../api.ts';
import type { AppNotification, NotificationList, ReadNotificationsRequest } from '../types.ts';

/** Polled, not pushed: a minute late is fine for a notification, and the server keeps no connection per user. */
const POLL_MS = 60_000;

/** The bell in the header: unread count, the latest notifications, each leading to what it is about. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({ queryKey: ['notifications'], queryFn: () => get<NotificationList>('/notifications', { limit: 10 }), refetchInterval: POLL_MS });
  const markRead = async (body: ReadNotificationsRequest) => {
    await post('/notifications/read', body).catch(() => undefined);
    await qc.invalidateQueries({ queryKey: ['notifications'] });
  };
  const openOne = async (n: AppNotification) => {
    setOpen(false);
    if (!n.readAt) await markRead({ ids: [n.id] });
    if (n.link) navigate(n.link);
  };
  const unread = list.data?.unread ?? 0;
  const content = (
    <div style={{ width: 380 }} data-testid="notification-list">
      <List<AppNotification>
        size="small"
        locale={{ emptyText: t('notifications.empty') }}
        dataSource={list.data?.items ?? []}
        renderItem={(n) => (
          <List.Item style={{ cursor: 'pointer', background: n.readAt ? undefined : '#fff7e6' }} onClick={() => openOne(n)} data-testid="notification-item">
            <Space orientation="vertical" size={0}>
              <Typography.Text strong={!n.readAt}>{n.text}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{dayjs(n.createdAt).format('DD/MM/YYYY HH:mm')}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }}>
        <Button size="small" type="link" onClick={() => { setOpen(false); navigate('/inbox'); }} data-testid="notifications-all">{t('notifications.viewAll')}</Button>
        <Button size="small" disabled={unread === 0} onClick={() => markRead({})} data-testid="notifications-read-all">{t('notifications.markAllRead')}</Button>
      </Space>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} title={t('notifications.title')} content={content}>
      <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
        <Button size="small" icon={<BellOutlined />} aria-label={t('notifications.bell')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}

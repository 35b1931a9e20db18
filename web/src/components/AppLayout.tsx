import { ApartmentOutlined, AuditOutlined, CalendarOutlined, FileDoneOutlined, InboxOutlined, CloudUploadOutlined, KeyOutlined, LogoutOutlined, NumberOutlined, PrinterOutlined, SafetyOutlined, SettingOutlined, TeamOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { post } from '../api.ts';
import { useLocale } from '../lib/locale.tsx';
import { useMe, useSetMe } from '../lib/me.ts';
import type { Permission } from '../types.ts';
import { NotificationBell } from './NotificationBell.tsx';

const ITEMS: { key: string; path: string; label: string; icon: React.ReactNode; permission?: Permission; orPermission?: Permission }[] = [
  { key: 'inbox', path: '/inbox', label: 'notifications.menuInbox', icon: <InboxOutlined /> },
  { key: 'org', path: '/org', label: 'menu.org', icon: <ApartmentOutlined />, permission: 'org.read' },
  { key: 'people', path: '/people', label: 'menu.people', icon: <TeamOutlined />, permission: 'people.read' },
  { key: 'discovery', path: '/discovery', label: 'menu.discovery', icon: <TrophyOutlined />, permission: 'eligibility.read' },
  { key: 'evaluations', path: '/evaluations', label: 'evaluations.menu', icon: <TrophyOutlined />, permission: 'evaluation.write', orPermission: 'evaluation.decide' },
  { key: 'registrations', path: '/registrations', label: 'evaluations.menuRegistrations', icon: <FileDoneOutlined />, permission: 'registration.write', orPermission: 'registration.approve' },
  { key: 'reviews', path: '/reviews', label: 'reviews.menu', icon: <FileDoneOutlined />, permission: 'review.manage' },
  { key: 'councils', path: '/councils', label: 'awarding.menuCouncils', icon: <TeamOutlined />, permission: 'council.manage', orPermission: 'council.vote' },
  { key: 'dossiers', path: '/dossiers', label: 'dossiers.menu', icon: <FileDoneOutlined />, permission: 'dossier.read' },
  { key: 'decisions', path: '/decisions', label: 'awarding.menuDecisions', icon: <FileDoneOutlined />, permission: 'decision.read' },
  { key: 'calibrations', path: '/certificates/calibrations', label: 'certificates.menu', icon: <PrinterOutlined />, permission: 'certificate.print' },
  { key: 'reward-funds', path: '/rewards/funds', label: 'rewards.menu', icon: <NumberOutlined />, permission: 'reward.manage' },
  { key: 'movements', path: '/movements', label: 'movements.menu', icon: <TrophyOutlined />, permission: 'org.read' },
  { key: 'imports', path: '/imports', label: 'menu.imports', icon: <CloudUploadOutlined />, permission: 'import.run' },
  { key: 'users', path: '/admin/users', label: 'menu.users', icon: <UserOutlined />, permission: 'users.manage' },
  { key: 'settings', path: '/admin/settings', label: 'menu.settings', icon: <SettingOutlined />, permission: 'catalogue.manage' },
  { key: 'quotas', path: '/admin/quotas', label: 'menu.quotas', icon: <NumberOutlined />, permission: 'quota.manage' },
  { key: 'calendar', path: '/admin/calendar', label: 'calendar.menu', icon: <CalendarOutlined />, permission: 'calendar.manage' },
  { key: 'signature-roots', path: '/admin/signature-roots', label: 'signatures.menu', icon: <SafetyOutlined />, permission: 'document.template' },
  { key: 'document-wordings', path: '/admin/document-wordings', label: 'documents.wording.menu', icon: <FileDoneOutlined />, permission: 'document.template' },
  { key: 'audit', path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: 'password', path: '/password', label: 'menu.password', icon: <KeyOutlined /> },
  { key: 'security', path: '/security', label: 'menu.security', icon: <SafetyOutlined /> },
];

/** The language switch VI/EN. */
export function LanguageSwitch({ persist }: { persist: boolean }) {
  const { locale, setLocale } = useLocale();
  return (
    <Segmented
      data-testid="language-switch"
      size="small"
      value={locale}
      options={[{ label: <span data-testid="lang-vi">VI</span>, value: 'vi' }, { label: <span data-testid="lang-en">EN</span>, value: 'en' }]}
      onChange={(v) => setLocale(v as 'vi' | 'en', { persist })}
    />
  );
}

/** Header (app name, user, roles, language, sign-out), side menu filtered by permission, page outlet. */
export function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = ITEMS.filter((i) => !i.permission || me?.permissions.includes(i.permission) || (i.orPermission && me?.permissions.includes(i.orPermission)));
  const selected = items.find((i) => pathname.startsWith(i.path === '/org' ? '/org' : i.path))?.key ?? '';
  const logout = async () => {
    await post('/auth/logout').catch(() => {});
    setMe(null);
    navigate('/login');
  };
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="app-shell">
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16, background: '#fff', borderBottom: '1px solid #f0f0f0', height: 48, lineHeight: '48px' }}>
        <Link to="/org" style={{ fontWeight: 600, fontSize: 16, color: '#a8071a', whiteSpace: 'nowrap' }} data-testid="app-name">{t('app.name')}</Link>
        <div style={{ flex: 1 }} />
        <Space size="small" wrap={false}>
          <Typography.Text strong data-testid="user-name">{me?.displayName}</Typography.Text>
          {me?.roles.map((r, i) => (
            <Tag key={i} color="blue" style={{ marginInlineEnd: 0 }}>{t(`roles.${r.role}`)}{r.orgUnitName ? ` · ${r.orgUnitName}` : ''}</Tag>
          ))}
          <NotificationBell />
          <LanguageSwitch persist />
          <Button size="small" icon={<LogoutOutlined />} onClick={logout} data-testid="logout">{t('menu.logout')}</Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={230} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            style={{ borderInlineEnd: 0 }}
            items={items.map((i) => ({ key: i.key, icon: i.icon, label: <Link to={i.path} data-testid={`menu-${i.key}`}>{t(i.label)}</Link> }))}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 48 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

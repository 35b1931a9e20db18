import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, get, messageOf, patch, post } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { FormModal } from '../components/FormModal.tsx';
import { UnitSelect } from '../components/UnitSelect.tsx';
import { useLocale } from '../lib/locale.tsx';
import { type CreateUserRequest, ROLES, type UpdateUserRequest, type User } from '../types.ts';

interface UserValues { username?: string; displayName: string; email?: string | null; password?: string; roles: CreateUserRequest['roles'] }

function RolesField() {
  const { t } = useTranslation();
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="start" style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: t('common.required') }]}>
                <Select style={{ width: 220 }} placeholder={t('users.role')} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid={`user-role-${i}`} />
              </Form.Item>
              <Form.Item name={[f.name, 'orgUnitId']} rules={[{ required: true, message: t('common.required') }]}>
                <UnitSelect style={{ width: 300 }} testId={`user-role-unit-${i}`} />
              </Form.Item>
              <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="user-add-role">{t('users.addRole')}</Button>
        </>
      )}
    </Form.List>
  );
}

/** User administration: list, create with roles bound to units, edit roles, disable, unlock, reset password. */
export function UsersPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['users'], queryFn: () => get<{ items: User[] }>('/users') });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [form] = Form.useForm<UserValues>();
  const [resetForm] = Form.useForm<{ resetPassword: string }>();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['users'] });

  useEffect(() => {
    if (editing === 'new') form.setFieldsValue({ username: '', displayName: '', email: '', password: '', roles: [{ role: 'viewer', orgUnitId: undefined as unknown as number }] });
    else if (editing) form.setFieldsValue({ displayName: editing.displayName, email: editing.email ?? '', roles: editing.roles.map((r) => ({ role: r.role, orgUnitId: r.orgUnitId })) });
  }, [editing, form]);

  const quick = async (u: User, body: Omit<UpdateUserRequest, 'version'>) => {
    try {
      await patch<User>(`/users/${u.id}`, { version: u.version, ...body } satisfies UpdateUserRequest);
      message.success(t('users.done'));
      refresh();
    } catch (e) {
      message.error(messageOf(e, locale));
    }
  };

  const save = async (v: UserValues) => {
    if (editing === 'new') await post<User>('/users', { username: v.username ?? '', displayName: v.displayName, email: v.email || null, password: v.password ?? '', roles: v.roles ?? [] } satisfies CreateUserRequest);
    else if (editing) await patch<User>(`/users/${editing.id}`, { version: editing.version, displayName: v.displayName, email: v.email || null, roles: v.roles ?? [] } satisfies UpdateUserRequest);
    message.success(t('users.done'));
    refresh();
  };

  return (
    <Card title={t('users.title')} extra={<Space>
      <Button onClick={() => download('/exports/users')} data-testid="users-export">{t('common.export')}</Button>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">{t('users.create')}</Button>
    </Space>}>
      <ErrorAlert error={list.error} />
      <Table<User> size="small" rowKey="id" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={{ pageSize: 50, showSizeChanger: false }}
        onRow={(r) => ({ 'data-testid': `user-row-${r.username}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('users.username'), dataIndex: 'username', width: 140 },
          { title: t('users.displayName'), dataIndex: 'displayName', width: 280 },
          { title: t('users.roles'), dataIndex: 'roles', render: (rs: User['roles']) => rs.map((r, i) => <Tag key={i}>{t(`roles.${r.role}`)} · {r.orgUnitName}</Tag>) },
          { title: t('users.status'), key: 'status', width: 200, render: (_: unknown, u) => (
            <Space size={2} wrap>
              {u.disabled ? <Tag color="default">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>}
              {u.locked ? <Tag color="red">{t('users.locked')}</Tag> : null}
              {u.mustChangePassword ? <Tag color="orange">{t('users.mustChange')}</Tag> : null}
              {u.mfaEnabled ? <Tag color="blue" data-testid={`user-mfa-${u.username}`}>{t('users.mfaOn')}</Tag> : null}
            </Space>
          ) },
          { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => (v ? new Date(v).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB') : t('common.none')) },
          { title: t('common.actions'), key: 'actions', width: 380, render: (_: unknown, u) => (
            <Space size={4} wrap>
              <Button size="small" onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}>{t('common.edit')}</Button>
              <Popconfirm title={u.disabled ? t('users.enable') : t('users.disable')} onConfirm={() => quick(u, { disabled: !u.disabled })} okText={t('common.ok')} cancelText={t('common.cancel')}>
                <Button size="small" danger={!u.disabled} data-testid={`user-toggle-${u.username}`}>{u.disabled ? t('users.enable') : t('users.disable')}</Button>
              </Popconfirm>
              {u.locked ? <Button size="small" onClick={() => quick(u, { unlock: true })} data-testid={`user-unlock-${u.username}`}>{t('users.unlock')}</Button> : null}
              <Button size="small" onClick={() => setResetting(u)} data-testid={`user-reset-${u.username}`}>{t('users.resetPassword')}</Button>
              {u.mfaEnabled ? (
                <Popconfirm title={t('users.resetMfaConfirm')} onConfirm={() => quick(u, { resetMfa: true })} okText={t('common.ok')} cancelText={t('common.cancel')}>
                  <Button size="small" data-testid={`user-reset-mfa-${u.username}`}>{t('users.resetMfa')}</Button>
                </Popconfirm>
              ) : null}
            </Space>
          ) },
        ]}
      />
      <FormModal title={editing === 'new' ? t('users.create') : t('users.edit')} open={editing !== null} onClose={() => setEditing(null)} onSubmit={save} form={form}
        testId="user-form" width={680} fields={['username', 'displayName', 'email', 'password', 'roles']}>
        {editing === 'new' ? <Form.Item name="username" label={t('users.username')} rules={[{ required: true, message: t('common.required') }]}><Input data-testid="user-form-username" /></Form.Item> : null}
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, message: t('common.required') }]}><Input data-testid="user-form-display" /></Form.Item>
        <Form.Item name="email" label={t('notifications.email')} extra={t('notifications.emailHint')}><Input data-testid="user-form-email" type="email" maxLength={254} /></Form.Item>
        {editing === 'new' ? <Form.Item name="password" label={t('users.password')} extra={t('password.hint')} rules={[{ required: true, message: t('common.required') }]}><Input.Password data-testid="user-form-password" /></Form.Item> : null}
        <Form.Item label={t('users.roles')}><RolesField /></Form.Item>
      </FormModal>
      <FormModal title={`${t('users.resetPassword')} — ${resetting?.username ?? ''}`} open={resetting !== null} onClose={() => setResetting(null)} form={resetForm} testId="user-reset" fields={['resetPassword']}
        onSubmit={async (v) => {
          if (!resetting) return;
          await patch<User>(`/users/${resetting.id}`, { version: resetting.version, resetPassword: v.resetPassword } satisfies UpdateUserRequest);
          message.success(t('users.done'));
          refresh();
        }}>
        <Form.Item name="resetPassword" label={t('users.newPassword')} extra={t('password.hint')} rules={[{ required: true, message: t('common.required') }]}><Input.Password data-testid="user-reset-password" /></Form.Item>
      </FormModal>
    </Card>
  );
}

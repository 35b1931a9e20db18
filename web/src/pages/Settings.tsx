import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, InputNumber, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get, put } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { GuardedButton } from '../components/Guarded.tsx';
import { pick } from '../lib/eligibility.ts';
import { useLocale } from '../lib/locale.tsx';
import { useCan } from '../lib/me.ts';
import type { CatalogueSetting, SettingRequest, SettingValue } from '../types.ts';

const KEY = ['catalogue-settings'];

/** The editor for a setting's value: a number, a switch, or a choice. */
function ValueEditor({ setting, value, onChange, disabled }: { setting: CatalogueSetting; value: SettingValue; onChange: (v: SettingValue) => void; disabled: boolean }) {
  const { t } = useTranslation();
  if (setting.type === 'boolean') return <Switch data-testid="settings-value" checked={value === true} disabled={disabled} onChange={onChange} />;
  if (setting.type === 'enum') {
    return <Select data-testid="settings-value" style={{ width: 220 }} disabled={disabled} value={String(value)} onChange={onChange}
      options={(setting.options ?? []).map((o) => ({ value: o, label: t(`settings.options.${o}`, { defaultValue: o }) }))} />;
  }
  return <InputNumber data-testid="settings-value" style={{ width: 140 }} disabled={disabled} min={setting.min} max={setting.max} value={typeof value === 'number' ? value : Number(value)} onChange={(v) => v !== null && onChange(v)} />;
}


/** "Tham số quy định": the thresholds and choices of the law the rule engine reads, editable by the system administrator. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canManage = useCan('catalogue.manage');
  const list = useQuery({ queryKey: KEY, queryFn: () => get<{ settings: CatalogueSetting[] }>('/catalogue/settings') });
  const [drafts, setDrafts] = useState<Record<string, SettingValue>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ key: string; error: unknown } | null>(null);

  const reload = async () => {
    setFailure(null);
    setDrafts({});
    await list.refetch();
  };
  const save = async (s: CatalogueSetting) => {
    if (!(s.key in drafts)) return;
    setSaving(s.key);
    setFailure(null);
    try {
      const updated = await put<CatalogueSetting>(`/catalogue/settings/${encodeURIComponent(s.key)}`, { value: drafts[s.key], version: s.version } satisfies SettingRequest);
      qc.setQueryData<{ settings: CatalogueSetting[] }>(KEY, (old) => old && { settings: old.settings.map((x) => (x.key === s.key ? updated : x)) });
      setDrafts(({ [s.key]: _, ...rest }) => rest);
      message.success(t('common.saved'));
      // The engine's answers depend on the settings.
      void qc.invalidateQueries({ queryKey: ['eligibility'] });
      void qc.invalidateQueries({ queryKey: ['discovery'] });
    } catch (e) {
      setFailure({ key: s.key, error: e });
    } finally {
      setSaving(null);
    }
  };
  const conflict = failure?.error instanceof ApiError && failure.error.code === 'VERSION_CONFLICT';

  return (
    <Card title={t('settings.title')} extra={<Button icon={<ReloadOutlined />} onClick={() => void reload()} data-testid="settings-reload">{t('common.reload')}</Button>}>
      <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      <ErrorAlert error={list.error} />
      {failure ? (
        <div data-testid="settings-error">
          <ErrorAlert error={failure.error} />
          {conflict ? <Button size="small" style={{ marginBottom: 12 }} onClick={() => void reload()} data-testid="conflict-reload">{t('person.conflictReload')}</Button> : null}
        </div>
      ) : null}
      <Table<CatalogueSetting> size="small" rowKey="key" loading={list.isLoading} dataSource={list.data?.settings ?? []} pagination={false}
        onRow={(r) => ({ 'data-testid': 'settings-row', 'data-key': r.key }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('settings.name'), dataIndex: 'labelVi', render: (_: string, s) => (
            <Space orientation="vertical" size={0}>
              <Space size={4} wrap>
                <Typography.Text strong>{pick(locale, s.labelVi, s.labelEn)}</Typography.Text>
                {s.uncertain ? (
                  <Tooltip title={pick(locale, s.noteVi ?? '', s.noteEn) || undefined}><Tag color="warning" data-testid="settings-uncertain">{t('settings.uncertain')}</Tag></Tooltip>
                ) : null}
              </Space>
              <Typography.Text type="secondary">{s.key}</Typography.Text>
              {s.noteVi ? <Typography.Text type="secondary">{pick(locale, s.noteVi, s.noteEn)}</Typography.Text> : null}
            </Space>
          ) },
          { title: t('settings.basis'), dataIndex: 'basis', width: 260, render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
          { title: t('settings.value'), key: 'value', width: 240, render: (_: unknown, s) => (
            <ValueEditor setting={s} value={drafts[s.key] ?? s.value} disabled={!canManage} onChange={(v) => setDrafts((d) => ({ ...d, [s.key]: v }))} />
          ) },
          { title: t('settings.default'), dataIndex: 'defaultValue', width: 100, render: (v: SettingValue) => (typeof v === 'boolean' ? t(v ? 'common.yes' : 'common.no') : typeof v === 'string' ? t(`settings.options.${v}`, { defaultValue: v }) : v) },
          { title: t('settings.updated'), key: 'updated', width: 170, render: (_: unknown, s) => (s.updatedAt ? (
            <Typography.Text type="secondary">{new Date(s.updatedAt).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')}{s.updatedBy ? ` · ${s.updatedBy}` : ''}</Typography.Text>
          ) : null) },
          { title: '', key: 'save', width: 90, render: (_: unknown, s) => (
            <GuardedButton allowed={canManage} size="small" type="primary" disabled={!(s.key in drafts)} loading={saving === s.key} onClick={() => void save(s)} data-testid="settings-save">{t('common.save')}</GuardedButton>
          ) },
        ]}
      />
    </Card>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Checkbox, DatePicker, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { GuardedButton } from '../../components/Guarded.tsx';
import { cityToday } from '../../lib/clock.ts';
import { isoDate, showDate } from '../../lib/forms.ts';
import type { AddWorkRequest, PersonWork, PersonWorks as Works } from '../../types.ts';

const SCOPES = ['grassroots', 'ministerial_provincial', 'national'] as const;

interface Values { kind: 'initiative' | 'science'; year: number; name: string; scope: (typeof SCOPES)[number]; recognisedOn?: Parameters<typeof isoDate>[0]; accepted?: boolean }

/**
 * A person's initiatives and science projects: listed with their scope and date, recorded and withdrawn by whoever
 * may edit the person. The engine counts them at once (titles that need an initiative).
 */
export function PersonWorks({ personId, canEdit }: { personId: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const key = ['person', String(personId), 'works'];
  const q = useQuery({ queryKey: key, queryFn: () => get<Works>(`/people/${personId}/works`) });
  const changed = () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['eligibility'] })]);
  const kind = Form.useWatch('kind', form);
  const submit = async (v: Values) => {
    const body: AddWorkRequest = { kind: v.kind, year: v.year, name: v.name, scope: v.scope, recognisedOn: v.kind === 'initiative' ? isoDate(v.recognisedOn) ?? null : null, accepted: v.kind === 'science' ? !!v.accepted : null };
    await post(`/people/${personId}/works`, body);
    message.success(t('person.works.added'));
    await changed();
  };
  const withdraw = async (w: PersonWork) => {
    await post(`/people/${personId}/works/${w.kind}/${w.id}/withdraw`, { on: cityToday() });
    await changed();
  };
  return (
    <Card size="small" title={t('person.works.title')} data-testid="person-works"
      extra={canEdit ? <GuardedButton allowed size="small" onClick={() => setOpen(true)} data-testid="work-add">{t('person.works.add')}</GuardedButton> : null}>
      <Table size="small" pagination={false} rowKey={(r) => `${r.kind}-${r.id}`} dataSource={q.data?.items ?? []} loading={q.isLoading} columns={[
        { title: t('person.works.year'), dataIndex: 'year', width: 70 },
        { title: t('person.works.kind'), dataIndex: 'kind', width: 140, render: (v: string) => t(`person.works.kinds.${v}`) },
        { title: t('person.works.name'), dataIndex: 'name', render: (v: string, r) => (r.revokedOn ? <Space><Typography.Text delete>{v}</Typography.Text><Tag color="red">{t('person.works.withdrawn', { date: showDate(r.revokedOn) })}</Tag></Space> : v) },
        { title: t('person.works.scope'), dataIndex: 'scope', render: (v: string) => t(`person.works.scopes.${v}`) },
        { title: t('person.works.recognisedOn'), key: 'when', width: 150, render: (_: unknown, r) => (r.kind === 'initiative' ? showDate(r.recognisedOn) : r.accepted ? t('person.works.accepted') : '') },
        ...(canEdit ? [{
          title: '', key: 'act', width: 110, render: (_: unknown, r: PersonWork) => (r.revokedOn ? null : (
            <Popconfirm title={t('person.works.withdrawConfirm')} onConfirm={() => withdraw(r)}>
              <GuardedButton allowed size="small" danger>{t('person.works.withdraw')}</GuardedButton>
            </Popconfirm>
          )),
        }] : []),
      ]} />
      <FormModal<Values> title={t('person.works.add')} open={open} onClose={() => setOpen(false)} onSubmit={submit} form={form}
        fields={['kind', 'year', 'name', 'scope', 'recognisedOn', 'accepted']} initialValues={{ kind: 'initiative', year: Number(cityToday().slice(0, 4)), scope: 'grassroots' }} testId="work-modal">
        <Typography.Paragraph type="secondary">{t('person.works.hint')}</Typography.Paragraph>
        <Form.Item name="kind" label={t('person.works.kind')} rules={[{ required: true }]}>
          <Select data-testid="work-kind" options={(['initiative', 'science'] as const).map((k) => ({ value: k, label: t(`person.works.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('person.works.name')} rules={[{ required: true, min: 3 }]}><Input data-testid="work-name" maxLength={500} /></Form.Item>
        <Space>
          <Form.Item name="year" label={t('person.works.year')} rules={[{ required: true }]}><InputNumber data-testid="work-year" min={1945} max={2100} /></Form.Item>
          <Form.Item name="scope" label={t('person.works.scope')} rules={[{ required: true }]}>
            <Select style={{ width: 220 }} data-testid="work-scope" options={SCOPES.map((s) => ({ value: s, label: t(`person.works.scopes.${s}`) }))} />
          </Form.Item>
        </Space>
        {kind === 'science'
          ? <Form.Item name="accepted" valuePropName="checked"><Checkbox>{t('person.works.accepted')}</Checkbox></Form.Item>
          : <Form.Item name="recognisedOn" label={t('person.works.recognisedOn')}><DatePicker format="DD/MM/YYYY" data-testid="work-recognised" /></Form.Item>}
      </FormModal>
    </Card>
  );
}

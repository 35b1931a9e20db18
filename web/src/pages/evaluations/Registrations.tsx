import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { get, messageOf, post, put } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { GuardedButton } from '../../components/Guarded.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { cityYear } from '../../lib/clock.ts';
import { pick, useAwards, yearOptions } from '../../lib/eligibility.ts';
import { useLocale } from '../../lib/locale.tsx';
import type { RegistrationPage, SaveRegistrationRequest } from '../../types.ts';

type Item = SaveRegistrationRequest['items'][number];
const STATUS_COLORS: Record<string, string> = { draft: 'default', submitted: 'blue', approved: 'green', returned: 'red' };

/** "Đăng ký thi đua": a unit's registered titles and targets for a year; the level above approves or returns; the subtree's totals. */
export function RegistrationsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { awards } = useAwards();
  const [params, setParams] = useSearchParams();
  const unitId = Number(params.get('unitId')) || undefined;
  const year = Number(params.get('year')) || cityYear();
  const page = useQuery({ queryKey: ['registrations', unitId, year], enabled: unitId !== undefined, queryFn: () => get<RegistrationPage>('/registrations', { unitId, year }) });
  const reg = page.data?.registration ?? null;
  const [targets, setTargets] = useState('');
  const [items, setItems] = useState<Item[]>([]);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setTargets(reg?.targets ?? '');
    setItems(reg?.items.map((i) => ({ subjectKind: i.subjectKind, personId: i.personId, subjectUnitId: i.subjectUnitId, awardCode: i.awardCode, target: i.target })) ?? []);
  }, [reg]);
  const people = useQuery({ queryKey: ['people-of', unitId], enabled: unitId !== undefined, queryFn: () => get<{ items: { id: number; fullName: string }[] }>('/people', { unitId, subtree: 'true', limit: 200 }) });
  const can = page.data?.actions ?? { canWrite: false, canApprove: false };
  const editable = can.canWrite && (!reg || reg.status === 'draft' || reg.status === 'returned');
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      message.success(t('common.saved'));
      await qc.invalidateQueries({ queryKey: ['registrations'] });
    } catch (e) {
      setError(e);
      message.error(messageOf(e));
    }
  };
  const save = () => run(() => put('/registrations', { unitId: unitId as number, year, version: reg?.version ?? null, targets, items } satisfies SaveRegistrationRequest));
  const move = (action: 'submit' | 'approve' | 'return', extra: { reason?: string } = {}) => run(() => post(`/registrations/${reg?.id}/${action}`, { version: reg?.version, ...extra }));
  const awardOptions = (kind: 'individual' | 'collective') => awards.filter((a) => a.subjects.includes(kind)).map((a) => ({ value: a.code, label: pick(locale, a.nameVi, a.nameEn) }));
  const setItem = (i: number, patch: Partial<Item>) => setItems(items.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  return (
    <Card title={t('evaluations.reg.title')} extra={
      <Space wrap>
        <UnitSelect testId="registrations-unit" value={unitId} onChange={(v) => setParams({ unitId: String(v ?? ''), year: String(year) })} />
        <Select style={{ width: 96 }} value={year} options={[{ value: cityYear() + 1, label: String(cityYear() + 1) }, ...yearOptions()]} onChange={(v) => setParams({ unitId: String(unitId ?? ''), year: String(v) })} />
      </Space>
    }>
      {unitId === undefined ? <Typography.Text type="secondary">{t('evaluations.pickUnit')}</Typography.Text> : null}
      <ErrorAlert error={page.error ?? error} />
      {page.data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space>
            <Typography.Text strong>{t('evaluations.reg.status')}:</Typography.Text>
            {reg ? <Tag color={STATUS_COLORS[reg.status]} data-testid="registration-status">{t(`evaluations.reg.statusName.${reg.status}`)}</Tag> : <Tag>{t('evaluations.reg.none')}</Tag>}
            {reg?.returnReason ? <Typography.Text type="danger">{t('evaluations.reg.returnedFor', { reason: reg.returnReason })}</Typography.Text> : null}
          </Space>
          <Form layout="vertical">
            <Form.Item label={t('evaluations.reg.targets')}><Input.TextArea rows={3} value={targets} disabled={!editable} onChange={(e) => setTargets(e.target.value)} data-testid="registration-targets" /></Form.Item>
          </Form>
          <Table<Item> size="small" rowKey={(_, i) => String(i)} dataSource={items} pagination={false} columns={[
            { title: t('evaluations.reg.subject'), key: 'subject', render: (_: unknown, r, i) => r.subjectKind === 'collective' ? <Tag>{t('evaluations.collective')}</Tag> : (
              <Select size="small" style={{ width: 240 }} disabled={!editable} value={r.personId ?? undefined} showSearch={{ optionFilterProp: 'label' }}
                options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.fullName }))} onChange={(v) => setItem(i, { personId: v })} />
            ) },
            { title: t('evaluations.reg.award'), key: 'award', render: (_: unknown, r, i) => <Select size="small" style={{ width: 320 }} disabled={!editable} value={r.awardCode || undefined} options={awardOptions(r.subjectKind)} onChange={(v) => setItem(i, { awardCode: v })} /> },
            { title: t('evaluations.reg.target'), key: 'target', render: (_: unknown, r, i) => <Input size="small" disabled={!editable} value={r.target ?? ''} onChange={(e) => setItem(i, { target: e.target.value })} /> },
            { title: '', key: 'x', width: 40, render: (_: unknown, _r, i) => editable ? <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => setItems(items.filter((_x, j) => j !== i))} /> : null },
          ]} />
          <Space wrap>
            <Button disabled={!editable} icon={<PlusOutlined />} onClick={() => setItems([...items, { subjectKind: 'collective', awardCode: '' }])}>{t('evaluations.reg.addCollective')}</Button>
            <Button disabled={!editable} icon={<PlusOutlined />} onClick={() => setItems([...items, { subjectKind: 'individual', awardCode: '' }])}>{t('evaluations.reg.addIndividual')}</Button>
            <GuardedButton allowed={editable} type="primary" onClick={save} data-testid="registration-save">{t('common.save')}</GuardedButton>
            <GuardedButton allowed={can.canWrite && !!reg && (reg.status === 'draft' || reg.status === 'returned')} onClick={() => move('submit')} data-testid="registration-submit">{t('evaluations.reg.submit')}</GuardedButton>
            <GuardedButton allowed={can.canApprove && reg?.status === 'submitted'} type="primary" onClick={() => move('approve')} data-testid="registration-approve">{t('evaluations.reg.approve')}</GuardedButton>
            <GuardedButton allowed={can.canApprove && reg?.status === 'submitted'} danger onClick={() => setReturning(true)} data-testid="registration-return">{t('evaluations.reg.return')}</GuardedButton>
          </Space>
          <Typography.Title level={5}>{t('evaluations.reg.subtree')}</Typography.Title>
          <Table size="small" rowKey="id" dataSource={page.data.subtree} pagination={false} columns={[
            { title: t('evaluations.reg.unit'), dataIndex: 'unitName', render: (v: string, r) => <a onClick={() => setParams({ unitId: String(r.unitId), year: String(year) })}>{v}</a> },
            { title: t('evaluations.reg.status'), dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLORS[v]}>{t(`evaluations.reg.statusName.${v}`)}</Tag> },
            { title: t('evaluations.reg.items'), dataIndex: 'items' },
          ]} />
          <Table size="small" rowKey={(r) => `${r.awardCode}-${r.subjectKind}`} dataSource={page.data.totals} pagination={false} data-testid="registration-totals" columns={[
            { title: t('evaluations.reg.award'), dataIndex: 'awardName' },
            { title: t('evaluations.reg.subject'), dataIndex: 'subjectKind', render: (v: string) => t(v === 'collective' ? 'evaluations.collective' : 'registrations.individual') },
            { title: t('evaluations.reg.count'), dataIndex: 'count' },
            { title: t('evaluations.reg.approved'), dataIndex: 'approved' },
          ]} />
        </Space>
      ) : null}
      <Modal open={returning} title={t('evaluations.reg.return')} onCancel={() => setReturning(false)} okButtonProps={{ disabled: reason.trim().length < 3 }}
        onOk={async () => { await move('return', { reason }); setReturning(false); setReason(''); }}>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('evaluations.reg.reason')} data-testid="registration-reason" />
      </Modal>
    </Card>
  );
}

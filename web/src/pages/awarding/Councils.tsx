import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { GuardedButton } from '../../components/Guarded.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { pick, useAwards } from '../../lib/eligibility.ts';
import { cityTodayPicked, isoDate, showDate } from '../../lib/forms.ts';
import { useLocale } from '../../lib/locale.tsx';
import { useCan } from '../../lib/me.ts';
import type { CouncilSession, CouncilSessionList, OpenCouncilRequest } from '../../types.ts';
import { PersonPicker } from './PersonPicker.tsx';

const ROLES = ['chair', 'vice_chair', 'member', 'secretary'] as const;
const PURPOSES = ['annual_review', 'dossier', 'other'] as const;

interface Values {
  orgUnitId: number; purpose: (typeof PURPOSES)[number]; title: string; meetsOn: ReturnType<typeof cityTodayPicked>; ballot: 'paper' | 'app';
  members: { name: string; role: (typeof ROLES)[number]; userId?: number }[];
  candidates: { personId?: number; awardCode: string }[];
}

/** Council sessions in scope and those the user sits on; opening a session. */
export function CouncilsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const canManage = useCan('council.manage');
  const { awards } = useAwards();
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<Values>();
  const list = useQuery({ queryKey: ['councils'], queryFn: () => get<CouncilSessionList>('/councils', { limit: 200 }) });
  const submit = async (v: Values) => {
    const body = {
      orgUnitId: v.orgUnitId, purpose: v.purpose, refId: null, title: v.title, meetsOn: isoDate(v.meetsOn), ballot: v.ballot,
      members: v.members.map((m) => ({ name: m.name, role: m.role, userId: m.userId ?? null })),
      candidates: v.candidates.filter((c) => c.personId).map((c) => ({ personId: c.personId, awardCode: c.awardCode })),
    } satisfies OpenCouncilRequest;
    const made = await post<CouncilSession>('/councils', body);
    await qc.invalidateQueries({ queryKey: ['councils'] });
    navigate(`/councils/${made.id}`);
  };
  return (
    <Card title={t('awarding.councils.title')} extra={
      <GuardedButton allowed={canManage} type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="council-create">{t('awarding.councils.create')}</GuardedButton>
    }>
      <ErrorAlert error={list.error} />
      <Table size="small" rowKey="id" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={{ pageSize: 50 }} columns={[
        { title: t('awarding.councils.session'), dataIndex: 'title', render: (v: string, r) => <Link to={`/councils/${r.id}`}>{v}</Link> },
        { title: t('awarding.councils.meetsOn'), dataIndex: 'meetsOn', width: 110, render: (v: string) => showDate(v) },
        { title: t('awarding.councils.purpose'), dataIndex: 'purpose', render: (v: string) => t(`awarding.councils.purposes.${v}`) },
        { title: t('awarding.councils.members'), dataIndex: 'members', width: 100 },
        { title: t('awarding.councils.candidates'), dataIndex: 'candidates', width: 110 },
        { title: '', dataIndex: 'status', width: 120, render: (v: string) => <Tag color={v === 'open' ? 'blue' : 'default'}>{t(`awarding.councils.${v === 'open' ? 'open' : 'closed'}`)}</Tag> },
      ]} />
      <FormModal<Values> title={t('awarding.councils.create')} open={opening} onClose={() => setOpening(false)} onSubmit={submit} form={form} testId="council-form" width={760}
        initialValues={{ purpose: 'annual_review', ballot: 'paper', meetsOn: cityTodayPicked(), members: [{ name: '', role: 'chair' }], candidates: [{ awardCode: 'advanced_worker' }] }}
        fields={['orgUnitId', 'purpose', 'title', 'meetsOn', 'ballot', 'members', 'candidates']}>
        <Form.Item name="orgUnitId" label={t('awarding.councils.unit')} rules={[{ required: true, message: t('common.required') }]}><UnitSelect style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="title" label={t('awarding.councils.session')} rules={[{ required: true, message: t('common.required') }]}><Input data-testid="council-form-title" /></Form.Item>
        <Space wrap>
          <Form.Item name="meetsOn" label={t('awarding.councils.meetsOn')}><DatePicker format="DD/MM/YYYY" /></Form.Item>
          <Form.Item name="purpose" label={t('awarding.councils.purpose')}><Select style={{ width: 180 }} options={PURPOSES.map((p) => ({ value: p, label: t(`awarding.councils.purposes.${p}`) }))} /></Form.Item>
          <Form.Item name="ballot" label={t('awarding.councils.ballot')}><Select style={{ width: 220 }} options={(['paper', 'app'] as const).map((b) => ({ value: b, label: t(`awarding.councils.ballots.${b}`) }))} /></Form.Item>
        </Space>
        <Form.Item label={t('awarding.councils.members')}>
          <Form.List name="members">{(fields, { add, remove }) => (<>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('common.required') }]}><Input placeholder={t('awarding.councils.name')} style={{ width: 220 }} /></Form.Item>
                <Form.Item name={[f.name, 'role']}><Select style={{ width: 140 }} options={ROLES.map((r) => ({ value: r, label: t(`awarding.councils.roles.${r}`) }))} /></Form.Item>
                <Form.Item name={[f.name, 'userId']}><InputNumber placeholder={t('awarding.councils.account')} style={{ width: 200 }} min={1} /></Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', role: 'member' })}>{t('awarding.councils.addMember')}</Button>
          </>)}</Form.List>
        </Form.Item>
        <Form.Item label={t('awarding.councils.candidates')}>
          <Form.List name="candidates">{(fields, { add, remove }) => (<>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'personId']}><PersonPicker /></Form.Item>
                <Form.Item name={[f.name, 'awardCode']}><Select style={{ width: 260 }} showSearch={{ optionFilterProp: 'label' }} options={awards.map((a) => ({ value: a.code, label: pick(locale, a.nameVi, a.nameEn) }))} /></Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ awardCode: 'advanced_worker' })}>{t('awarding.councils.addCandidate')}</Button>
          </>)}</Form.List>
        </Form.Item>
      </FormModal>
    </Card>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Form, Input, InputNumber, Progress, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { FormModal } from '../components/FormModal.tsx';
import { GuardedButton } from '../components/Guarded.tsx';
import { UnitSelect } from '../components/UnitSelect.tsx';
import { lastYear, pick, useAwards, yearOptions } from '../lib/eligibility.ts';
import { useLocale } from '../lib/locale.tsx';
import { useCan } from '../lib/me.ts';
import type { Quota, QuotaRequest } from '../types.ts';

interface QuotaValues { award: string; unitId?: number; year?: number; max: number; basis: string }

/** "Số lượng tối đa": the caps on how many may be proposed for an award (per unit, per year), with how many are used. */
export function QuotasPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canManage = useCan('quota.manage');
  const { awards, nameOf } = useAwards();
  const [year, setYear] = useState<number>(lastYear);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<QuotaValues>();
  const list = useQuery({ queryKey: ['quotas', year], queryFn: () => get<{ quotas: Quota[] }>('/quotas', { year }) });

  const add = async (v: QuotaValues) => {
    await post('/quotas', { award: v.award, unitId: v.unitId ?? undefined, year: v.year ?? undefined, max: v.max, basis: v.basis } satisfies QuotaRequest);
    message.success(t('common.saved'));
    await qc.invalidateQueries({ queryKey: ['quotas'] });
  };

  return (
    <Card title={t('quotas.title')} extra={
      <Space>
        <span>{t('quotas.usedIn')}</span>
        <Select data-testid="quotas-year" style={{ width: 96 }} value={year} options={yearOptions()} onChange={(v) => setYear(v)} />
        <GuardedButton allowed={canManage} type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setAdding(true); }} data-testid="quota-add">{t('quotas.add')}</GuardedButton>
      </Space>
    }>
      <ErrorAlert error={list.error} />
      <Table<Quota> size="small" rowKey={(r) => r.id ?? `built-in-${r.award}`} loading={list.isLoading} dataSource={list.data?.quotas ?? []} pagination={false}
        onRow={(r) => ({ 'data-testid': 'quota-row', 'data-award': r.award }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('quotas.award'), dataIndex: 'award', render: (v: string, r) => nameOf(v, r.awardName) },
          { title: t('quotas.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('quotas.allUnits')}</Typography.Text> },
          { title: t('quotas.year'), dataIndex: 'year', width: 110, render: (v: number | null) => v ?? <Typography.Text type="secondary">{t('quotas.everyYear')}</Typography.Text> },
          { title: t('quotas.usage'), key: 'usage', width: 220, render: (_: unknown, r) => r.used === null ? (
            <Typography.Text type="secondary" data-testid="quota-usage">{t('quotas.usedAbove', { max: r.max })}</Typography.Text>
          ) : (
            <Space>
              <span data-testid="quota-usage">{r.used}/{r.max}</span>
              <Progress size="small" style={{ width: 110, margin: 0 }} percent={r.max > 0 ? Math.round((r.used / r.max) * 100) : 100} status={r.used > r.max ? 'exception' : 'normal'} showInfo={false} />
            </Space>
          ) },
          { title: t('quotas.basis'), dataIndex: 'basis', render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
        ]}
      />
      <FormModal<QuotaValues> title={t('quotas.add')} open={adding} onClose={() => setAdding(false)} onSubmit={add} form={form} testId="quota-form"
        fields={['award', 'unitId', 'year', 'max', 'basis']}>
        <Form.Item name="award" label={t('quotas.award')} rules={[{ required: true, message: t('common.required') }]}>
          <Select data-testid="quota-form-award" showSearch={{ optionFilterProp: 'label' }} options={awards.map((a) => ({ value: a.code, label: pick(locale, a.nameVi, a.nameEn) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('quotas.unit')} extra={t('quotas.unitHint')}><UnitSelect testId="quota-form-unit" style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="year" label={t('quotas.year')} extra={t('quotas.yearHint')}><InputNumber data-testid="quota-form-year" min={1945} max={2200} style={{ width: 140 }} /></Form.Item>
        <Form.Item name="max" label={t('quotas.max')} rules={[{ required: true, message: t('common.required') }]}><InputNumber data-testid="quota-form-max" min={0} style={{ width: 140 }} /></Form.Item>
        <Form.Item name="basis" label={t('quotas.basis')} rules={[{ required: true, message: t('common.required') }]}><Input data-testid="quota-form-basis" /></Form.Item>
      </FormModal>
    </Card>
  );
}

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, get, post } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { FormModal } from '../components/FormModal.tsx';
import { GuardedButton } from '../components/Guarded.tsx';
import { cityYear } from '../lib/clock.ts';
import { useCan } from '../lib/me.ts';
import type { AddCalendarDayRequest, CalendarDay, CalendarDayKind, CalendarDays } from '../types.ts';

const KINDS: CalendarDayKind[] = ['holiday', 'compensatory_day_off', 'working_saturday'];
const KIND_COLOR: Record<CalendarDayKind, string> = { holiday: 'red', compensatory_day_off: 'orange', working_saturday: 'blue' };
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const ddmmyyyy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

interface DayValues { date: Dayjs; kind: CalendarDayKind; name: string; source?: string }

/** "Lịch làm việc": the days off and make-up working days deadlines are counted on; the system admin edits them. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canManage = useCan('calendar.manage');
  const [year, setYear] = useState<number>(cityYear);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<DayValues>();
  const list = useQuery({ queryKey: ['calendar', year], queryFn: () => get<CalendarDays>('/calendar/days', { year }) });
  const years = Array.from({ length: 7 }, (_, i) => cityYear() - 3 + i);

  const add = async (v: DayValues) => {
    await post('/calendar/days', { date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name, source: v.source || null } satisfies AddCalendarDayRequest);
    message.success(t('common.saved'));
    await qc.invalidateQueries({ queryKey: ['calendar'] });
  };
  const remove = async (d: CalendarDay) => {
    setError(null);
    try {
      await api('DELETE', `/calendar/days/${d.date}?version=${d.version}`);
      message.success(t('calendar.removed'));
    } catch (e) {
      setError(e);
    }
    await qc.invalidateQueries({ queryKey: ['calendar'] });
  };

  return (
    <Card title={t('calendar.title')} extra={
      <Space>
        <span>{t('calendar.year')}</span>
        <Select data-testid="calendar-year" style={{ width: 96 }} value={year} options={years.map((y) => ({ value: y, label: y }))} onChange={setYear} />
        <GuardedButton allowed={canManage} type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setAdding(true); }} data-testid="calendar-add">{t('calendar.add')}</GuardedButton>
      </Space>
    }>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('calendar.weekendsOff')} />
      <ErrorAlert error={list.error ?? error} />
      <Table<CalendarDay> size="small" rowKey="id" loading={list.isLoading} dataSource={list.data?.days ?? []} pagination={false}
        onRow={(r) => ({ 'data-testid': 'calendar-row', 'data-date': r.date }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('calendar.date'), dataIndex: 'date', width: 120, render: (v: string) => ddmmyyyy(v) },
          { title: t('calendar.weekday'), dataIndex: 'date', key: 'weekday', width: 110, render: (v: string) => t(`calendar.weekdays.d${weekdayOf(v)}`) },
          { title: t('calendar.kind'), dataIndex: 'kind', width: 190, render: (v: CalendarDayKind) => <Tag color={KIND_COLOR[v]}>{t(`calendar.kinds.${v}`)}</Tag> },
          { title: t('calendar.name'), dataIndex: 'name' },
          { title: t('calendar.source'), dataIndex: 'source', ellipsis: true, render: (v: string | null) => <Typography.Text type="secondary">{v ?? t('common.none')}</Typography.Text> },
          ...(canManage ? [{
            title: t('common.actions'), key: 'actions', width: 90, render: (_: unknown, r: CalendarDay) => (
              <Popconfirm title={t('calendar.removeConfirm', { date: ddmmyyyy(r.date) })} onConfirm={() => remove(r)} okText={t('common.remove')} cancelText={t('common.cancel')}>
                <Typography.Link type="danger" data-testid="calendar-remove"><DeleteOutlined /> {t('common.remove')}</Typography.Link>
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
      <FormModal<DayValues> title={t('calendar.add')} open={adding} onClose={() => setAdding(false)} onSubmit={add} form={form} testId="calendar-form"
        fields={['date', 'kind', 'name', 'source']} initialValues={{ kind: 'holiday' }}>
        <Form.Item name="date" label={t('calendar.date')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker data-testid="calendar-form-date" format="DD/MM/YYYY" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select data-testid="calendar-form-kind" options={KINDS.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.name')} rules={[{ required: true, message: t('common.required') }]}><Input data-testid="calendar-form-name" maxLength={300} /></Form.Item>
        <Form.Item name="source" label={t('calendar.source')}><Input data-testid="calendar-form-source" maxLength={1000} /></Form.Item>
      </FormModal>
    </Card>
  );
}

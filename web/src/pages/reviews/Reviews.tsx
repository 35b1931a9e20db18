import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Form, InputNumber, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { GuardedButton } from '../../components/Guarded.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { lastYear, yearOptions } from '../../lib/eligibility.ts';
import { useCan } from '../../lib/me.ts';
import type { CreateReviewRequest, Review, ReviewList } from '../../types.ts';

export const REVIEW_STATUS_COLORS: Record<string, string> = { draft: 'default', council: 'blue', concluded: 'green' };

/** Bình xét cuối năm: the units' annual reviews for a year; opening one (the engine proposes its candidates). */
export function ReviewsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useCan('review.manage');
  const [year, setYear] = useState<number>(lastYear);
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<CreateReviewRequest>();
  const list = useQuery({ queryKey: ['reviews', year], queryFn: () => get<ReviewList>('/reviews', { year }) });
  const submit = async (v: CreateReviewRequest) => {
    const made = await post<Review>('/reviews', v);
    navigate(`/reviews/${made.id}`);
  };
  return (
    <Card title={t('reviews.title')} extra={
      <>
        <Select data-testid="reviews-year" style={{ width: 96, marginRight: 8 }} value={year} options={yearOptions()} onChange={(v) => setYear(v)} />
        <GuardedButton allowed={canManage} type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="review-create">{t('reviews.create')}</GuardedButton>
      </>
    }>
      <ErrorAlert error={list.error} />
      <Table size="small" rowKey="id" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={{ pageSize: 50 }} columns={[
        { title: t('reviews.unit'), dataIndex: 'unitName', render: (v: string, r) => <Link to={`/reviews/${r.id}`}>{v}</Link> },
        { title: t('reviews.year'), dataIndex: 'year', width: 90 },
        { title: t('reviews.status'), dataIndex: 'status', width: 160, render: (v: string) => <Tag color={REVIEW_STATUS_COLORS[v]}>{t(`reviews.statuses.${v}`)}</Tag> },
      ]} />
      <FormModal<CreateReviewRequest> title={t('reviews.create')} open={opening} onClose={() => setOpening(false)} onSubmit={submit} form={form} testId="review-form"
        initialValues={{ year }} fields={['orgUnitId', 'year']}>
        <Form.Item name="orgUnitId" label={t('reviews.unit')} rules={[{ required: true, message: t('common.required') }]}><UnitSelect style={{ width: '100%' }} testId="review-form-unit" /></Form.Item>
        <Form.Item name="year" label={t('reviews.year')} extra={t('reviews.yearHint')} rules={[{ required: true, message: t('common.required') }]}><InputNumber min={1945} max={2100} data-testid="review-form-year" /></Form.Item>
      </FormModal>
    </Card>
  );
}

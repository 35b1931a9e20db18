import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { get, post } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { cityTodayPicked, isoDate, showDate } from '../../lib/forms.ts';
import { useLocale } from '../../lib/locale.tsx';
import type { Review, ReviewCouncilRequest } from '../../types.ts';
import { REVIEW_STATUS_COLORS } from './Reviews.tsx';

type Candidate = Review['candidates'][number];
const ROLES = ['chair', 'vice_chair', 'member', 'secretary'] as const;
type CouncilValues = Omit<ReviewCouncilRequest, 'version' | 'meetsOn'> & { meetsOn: ReturnType<typeof cityTodayPicked> };

/** One unit's annual review: the engine's candidates with reasons and the registration check, the council, the conclusion. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { id } = useParams();
  const qc = useQueryClient();
  const review = useQuery({ queryKey: ['review', id], queryFn: () => get<Review>(`/reviews/${id}`) });
  const [included, setIncluded] = useState<Record<number, boolean>>({});
  const [councilOpen, setCouncilOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<CouncilValues>();
  const r = review.data;
  useEffect(() => {
    if (r) setIncluded(Object.fromEntries(r.candidates.map((c) => [c.id, c.included])));
  }, [r]);
  if (!r) return <Card loading={review.isLoading}><ErrorAlert error={review.error} /></Card>;
  const draft = r.status === 'draft' && r.actions.canManage;
  const act = async (path: string, body: object) => {
    setError(null);
    try {
      qc.setQueryData(['review', id], await post<Review>(`/reviews/${r.id}/${path}`, { version: r.version, ...body }));
    } catch (e) {
      setError(e);
    }
  };
  const changed = r.candidates.filter((c) => included[c.id] !== c.included);
  const saveChoice = () => act('candidates', { include: changed.filter((c) => included[c.id]).map((c) => c.id), exclude: changed.filter((c) => !included[c.id]).map((c) => c.id) });
  const openCouncil = async (v: CouncilValues) => {
    qc.setQueryData(['review', id], await post<Review>(`/reviews/${r.id}/council`, { ...v, meetsOn: isoDate(v.meetsOn), version: r.version } satisfies ReviewCouncilRequest));
  };
  const outcome = (c: Candidate) => {
    if (!c.outcome) return null;
    const link = c.decisionId ? <Link to={`/decisions/${c.decisionId}`}>#{c.decisionId}</Link> : c.dossierId ? <span>#{c.dossierId}</span> : null;
    return <Space size={4}><Tag data-testid={`review-outcome-${c.id}`}>{t(`reviews.outcomes.${c.outcome}`)}</Tag>{link}</Space>;
  };
  return (
    <Card title={`${t('reviews.title')} — ${r.unitName} (${r.year})`} extra={<Tag color={REVIEW_STATUS_COLORS[r.status]} data-testid="review-status">{t(`reviews.statuses.${r.status}`)}</Tag>}>
      <ErrorAlert error={error} />
      <Descriptions size="small" column={3} items={[
        { key: 'asOf', label: t('reviews.asOf'), children: showDate(r.asOf) },
        { key: 'rules', label: t('reviews.ruleSet'), children: r.ruleSetId },
        { key: 'council', label: t('reviews.council'), children: r.councilSessionId ? <Link to={`/councils/${r.councilSessionId}`} data-testid="review-council-link">{t(`reviews.councilStatus.${r.councilStatus ?? 'open'}`)}</Link> : '—' },
      ]} />
      <Typography.Paragraph type="secondary">{t(`reviews.help.${r.status}`)}</Typography.Paragraph>
      <Table size="small" rowKey="id" dataSource={r.candidates} pagination={false} data-testid="review-candidates"
        expandable={{ expandedRowRender: (c) => (
          <>
            <Typography.Paragraph>{locale === 'vi' ? c.reason.vi : c.reason.en}</Typography.Paragraph>
            {c.registrationRule ? <Alert type="warning" showIcon message={locale === 'vi' ? c.registrationRule.vi : c.registrationRule.en} description={`${t('reviews.basis')}: ${c.registrationRule.basis}${c.registrationRule.uncertain ? ` (${t('reviews.uncertain')})` : ''}`} /> : null}
            {c.vote ? <Typography.Paragraph>{locale === 'vi' ? c.vote.ruleVi : c.vote.ruleEn} — {c.vote.basis}</Typography.Paragraph> : null}
          </>
        ) }}
        columns={[
          { title: t('reviews.include'), width: 70, render: (_: unknown, c) => <Checkbox data-testid={`review-include-${c.id}`} checked={included[c.id] ?? c.included} disabled={!draft} onChange={(e) => setIncluded({ ...included, [c.id]: e.target.checked })} /> },
          { title: t('reviews.subject'), dataIndex: 'name', render: (v: string, c) => (c.personId ? <Link to={`/people/${c.personId}`}>{v}</Link> : <Link to={`/org/units/${c.unitId}`}>{v}</Link>) },
          { title: t('reviews.award'), dataIndex: 'awardName' },
          { title: t('reviews.engine'), dataIndex: 'status', width: 150, render: (v: string) => <Tag color={v === 'eligible' ? 'green' : 'gold'}>{t(`reviews.candidateStatus.${v}`)}</Tag> },
          { title: t('reviews.registration'), dataIndex: 'registration', width: 150, render: (v: string, c) => (
            <Tooltip title={c.registrationRule ? (locale === 'vi' ? c.registrationRule.vi : c.registrationRule.en) : undefined}>
              <Tag color={v === 'missing' ? 'red' : v === 'registered' ? 'green' : 'default'} data-testid={`review-registration-${c.id}`}>{t(`reviews.registrations.${v}`)}</Tag>
            </Tooltip>
          ) },
          { title: t('reviews.vote'), width: 150, render: (_: unknown, c) => (c.vote?.yes != null ? <Tag color={c.vote.passed ? 'green' : 'red'}>{c.vote.yes}/{(c.vote.yes ?? 0) + (c.vote.no ?? 0) + (c.vote.blank ?? 0)}</Tag> : null) },
          { title: t('reviews.outcome'), width: 200, render: (_: unknown, c) => outcome(c) },
        ]} />
      <Space style={{ marginTop: 16 }}>
        {draft ? <Button disabled={changed.length === 0} onClick={saveChoice} data-testid="review-save-choice">{t('reviews.saveChoice')}</Button> : null}
        {draft ? <Button type="primary" disabled={changed.length > 0} onClick={() => setCouncilOpen(true)} data-testid="review-open-council">{t('reviews.openCouncil')}</Button> : null}
        {r.status === 'council' && r.actions.canManage ? (
          <Button type="primary" disabled={r.councilStatus !== 'closed'} onClick={() => act('conclude', {})} data-testid="review-conclude">{t('reviews.conclude')}</Button>
        ) : null}
      </Space>
      <FormModal<CouncilValues> title={t('reviews.openCouncil')} open={councilOpen} onClose={() => setCouncilOpen(false)} onSubmit={openCouncil} form={form} testId="review-council" width={720}
        initialValues={{ title: t('reviews.councilTitle', { unit: r.unitName, year: r.year }), meetsOn: cityTodayPicked(), ballot: 'paper', members: [{ name: '', role: 'chair' }] }}
        fields={['title', 'meetsOn', 'ballot', 'members']}>
        <Form.Item name="title" label={t('reviews.councilName')} rules={[{ required: true, message: t('common.required') }]}><Input /></Form.Item>
        <Space wrap>
          <Form.Item name="meetsOn" label={t('reviews.meetsOn')}><DatePicker format="DD/MM/YYYY" /></Form.Item>
          <Form.Item name="ballot" label={t('reviews.ballot')}><Select style={{ width: 240 }} options={(['paper', 'app'] as const).map((b) => ({ value: b, label: t(`reviews.ballots.${b}`) }))} /></Form.Item>
        </Space>
        <Form.Item label={t('reviews.members')}>
          <Form.List name="members">{(fields, { add, remove }) => (<>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('common.required') }]}><Input placeholder={t('reviews.memberName')} style={{ width: 260 }} data-testid={`review-council-member-${f.name}`} /></Form.Item>
                <Form.Item name={[f.name, 'role']}><Select style={{ width: 160 }} options={ROLES.map((x) => ({ value: x, label: t(`reviews.roles.${x}`) }))} /></Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', role: 'member' })}>{t('reviews.addMember')}</Button>
          </>)}</Form.List>
        </Form.Item>
      </FormModal>
    </Card>
  );
}

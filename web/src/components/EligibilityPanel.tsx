import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Empty, Select, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api.ts';
import { cityToday } from '../lib/clock.ts';
import { lastYear, statusOf, STATUS_COLORS, useAwards, yearOptions } from '../lib/eligibility.ts';
import type { SubjectEligibility } from '../types.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ResultView } from './eligibility/ResultView.tsx';

interface Props {
  /** A person (individual awards) or a unit (collective awards). */
  subject: 'person' | 'unit';
  id: number;
}

/** "Xét điều kiện khen thưởng": every award applicable to the subject, checked by the rule engine for a year. */
export function EligibilityPanel({ subject, id }: Props) {
  const { t } = useTranslation();
  const { nameOf } = useAwards();
  const [year, setYear] = useState(lastYear);
  const [asOf, setAsOf] = useState(() => cityToday());
  const path = subject === 'person' ? `/people/${id}/eligibility` : `/units/${id}/eligibility`;
  const query = useQuery({ queryKey: ['eligibility', subject, id, year, asOf], queryFn: () => get<SubjectEligibility>(path, { asOf, year }) });
  const results = query.data?.results ?? [];
  const counts = { eligible: 0, needs_review: 0, awarded: 0, not_eligible: 0 };
  for (const r of results) counts[statusOf(r)] += 1;

  return (
    <Card
      size="small"
      data-testid="eligibility-panel"
      title={t('eligibility.title')}
      extra={
        <Space wrap>
          <span>{t('eligibility.year')}</span>
          <Select data-testid="eligibility-year" style={{ width: 96 }} value={year} options={yearOptions()} onChange={(v) => setYear(v)} />
          <span>{t('eligibility.asOf')}</span>
          <DatePicker data-testid="eligibility-asof" format="DD/MM/YYYY" allowClear={false} value={dayjs(asOf)} onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))} />
        </Space>
      }
    >
      <ErrorAlert error={query.error} />
      {query.isLoading ? <Spin style={{ display: 'block', margin: 24 }} /> : null}
      {query.data ? (
        <>
          <Space wrap size={4} data-testid="eligibility-summary" style={{ marginBottom: 4 }}>
            {(Object.keys(counts) as (keyof typeof counts)[]).map((s) => (
              <Tag key={s} color={STATUS_COLORS[s]}>{t(`eligibility.status.${s}`)}: {counts[s]}</Tag>
            ))}
            <Typography.Text type="secondary">{t('eligibility.ruleSet', { ruleSet: query.data.ruleSet })}</Typography.Text>
          </Space>
          {results.length === 0 ? <Empty description={t('eligibility.none')} /> : results.map((r) => <ResultView key={r.award} result={r} name={nameOf(r.award, r.awardName)} />)}
        </>
      ) : null}
    </Card>
  );
}

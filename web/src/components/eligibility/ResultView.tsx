import { InfoCircleOutlined } from '@ant-design/icons';
import { Collapse, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pick, STATUS_COLORS, statusOf } from '../../lib/eligibility.ts';
import { useLocale } from '../../lib/locale.tsx';
import type { EligibilityResult } from '../../types.ts';
import { CriteriaList } from './CriteriaList.tsx';

/** The status tag of a result: Đủ điều kiện / Cần Hội đồng xem xét / Đã được khen / Chưa đủ điều kiện. */
export function ResultTag({ result }: { result: Pick<EligibilityResult, 'eligible'> & { duplicate?: EligibilityResult['duplicate'] } }) {
  const { t } = useTranslation();
  const status = statusOf(result);
  return <Tag color={STATUS_COLORS[status]} data-testid="eligibility-status">{t(`eligibility.status.${status}`)}</Tag>;
}

/**
 * One award's answer: tag, name, reason, what is missing, alternatives only the council can judge,
 * and the criteria (expandable, rendered up front so they can be found on the page).
 */
export function ResultView({ result, name }: { result: EligibilityResult; name: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const missing = locale === 'en' && result.missingEn.length ? result.missingEn : result.missing;
  return (
    <div data-testid="eligibility-row" data-award={result.award} data-status={statusOf(result)} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Space wrap size={6}>
        <ResultTag result={result} />
        <Typography.Text strong>{name}</Typography.Text>
        {result.ruleSetUncertain ? <Tag color="warning">{t('eligibility.ruleSetUncertain')}</Tag> : null}
      </Space>
      <div><Typography.Text data-testid="eligibility-reason">{pick(locale, result.reasonVi, result.reasonEn)}</Typography.Text></div>
      {missing.length ? (
        <div data-testid="eligibility-missing"><Typography.Text type="danger">{t('eligibility.missing', { items: missing.join('; ') })}</Typography.Text></div>
      ) : null}
      {result.alternatives.length ? (
        <div data-testid="eligibility-alternatives" style={{ marginTop: 2 }}>
          <Typography.Text type="secondary"><InfoCircleOutlined /> {t('eligibility.alternatives')}:</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 32 }}>{result.alternatives.map((a, i) => (
            <li key={i}>{pick(locale, a.textVi, a.textEn)} <Typography.Text type="secondary">({a.basis})</Typography.Text></li>
          ))}</ul>
        </div>
      ) : null}
      {result.transition ? (
        <div><Typography.Text type="secondary">{pick(locale, result.transition.noteVi, result.transition.noteEn)}</Typography.Text></div>
      ) : null}
      <Collapse ghost size="small" style={{ marginTop: 2 }} items={[{
        key: 'criteria',
        label: <span data-testid="eligibility-criteria-toggle">{t('eligibility.criteria', { count: result.criteria.length })}</span>,
        forceRender: true,
        children: <CriteriaList criteria={result.criteria} />,
      }]} />
    </div>
  );
}

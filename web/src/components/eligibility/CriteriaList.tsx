import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pick } from '../../lib/eligibility.ts';
import { useLocale } from '../../lib/locale.tsx';
import type { CriterionResult } from '../../types.ts';

const ICONS = {
  met: <CheckCircleFilled style={{ color: '#389e0d' }} />,
  unmet: <CloseCircleFilled style={{ color: '#cf1322' }} />,
  review: <QuestionCircleFilled style={{ color: '#d46b08' }} />,
};

/** One criterion: ✓/✗/? icon, the reason, the legal basis in muted text; sub-criteria of a group indented. */
function CriterionItem({ c, depth }: { c: CriterionResult; depth: number }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <li data-testid="eligibility-criterion" data-status={c.status} style={{ listStyle: 'none', marginInlineStart: depth * 24, padding: '2px 0' }}>
      <span role="img" aria-label={t(`eligibility.criterion.${c.status}`)} title={t(`eligibility.criterion.${c.status}`)} style={{ marginInlineEnd: 8 }}>{ICONS[c.status]}</span>
      <span>{pick(locale, c.reason, c.reasonEn)}</span>
      {c.basis ? <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>({c.basis})</Typography.Text> : null}
      {c.children?.length ? (
        <ul style={{ margin: 0, padding: 0 }}>
          {c.children.map((child) => <CriterionItem key={child.id} c={child} depth={1} />)}
        </ul>
      ) : null}
    </li>
  );
}

/** The criteria of one eligibility result, as checked by the rule engine. */
export function CriteriaList({ criteria }: { criteria: CriterionResult[] }) {
  return (
    <ul data-testid="eligibility-criteria" style={{ margin: 0, padding: 0 }}>
      {criteria.map((c) => <CriterionItem key={c.id} c={c} depth={0} />)}
    </ul>
  );
}

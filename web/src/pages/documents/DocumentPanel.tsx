import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../lib/me.ts';
import type { DecisionPanelProps } from '../awarding/DecisionPanels.tsx';
import { DocumentRow } from './DocumentCard.tsx';

/** The decision as a document (Nghị định 30/2020): downloads; the draft's text editable until the decision is issued. */
export function DecisionDocumentPanel({ decision }: DecisionPanelProps) {
  const { t } = useTranslation();
  const canWrite = useCan('document.write');
  if (decision.status === 'discarded' || decision.externalAuthority) return null;
  return (
    <Card size="small" title={t('documents.decisionTitle')} style={{ marginTop: 16 }} data-testid="document-panel">
      <DocumentRow key={`${decision.id}-${decision.status}`} path={`/decisions/${decision.id}/document`} label={t('documents.kinds.decision')}
        canEdit={canWrite && decision.status === 'draft'} issuable={false} testId="decision-document" />
      {decision.status === 'draft' && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('documents.issueNote')}</Typography.Paragraph>}
    </Card>
  );
}

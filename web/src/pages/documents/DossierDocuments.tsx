import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../lib/me.ts';
import type { Dossier } from '../../types.ts';
import { DocumentRow } from './DocumentCard.tsx';

/** The papers made from a dossier: its submission letter, its cover list and each nominee's achievement report. */
export function DossierDocuments({ d }: { d: Dossier }) {
  const { t } = useTranslation();
  const canWrite = useCan('document.write');
  return (
    <Card size="small" title={t('documents.dossierTitle')} style={{ marginTop: 16 }} data-testid="dossier-documents">
      <DocumentRow path={`/dossiers/${d.id}/documents/submission_letter`} label={t('documents.kinds.submission_letter')} canEdit={canWrite} issuable testId="doc-submission-letter" />
      <DocumentRow path={`/dossiers/${d.id}/documents/dossier_cover`} label={t('documents.kinds.dossier_cover')} canEdit={canWrite} issuable testId="doc-dossier-cover" />
      {d.nominees.map((n) => (
        <DocumentRow key={n.id} path={`/dossiers/${d.id}/nominees/${n.id}/report`} label={t('documents.kinds.achievement_report', { name: n.name })} canEdit={canWrite} issuable testId={`doc-report-${n.id}`} />
      ))}
    </Card>
  );
}

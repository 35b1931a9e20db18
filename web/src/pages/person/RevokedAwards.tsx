import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get } from '../../api.ts';
import { showDate } from '../../lib/forms.ts';
import type { PersonRevokedAwards } from '../../types.ts';

/**
 * The person's awards (titles and forms) revoked by a decision of the register (Law Art 93), struck through with the
 * date they stopped counting and the revoking decision. Shows nothing when there are none.
 */
export function RevokedAwards({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['person', String(personId), 'revoked-awards'], queryFn: () => get<PersonRevokedAwards>(`/people/${personId}/revoked-awards`) });
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('revocation.personRevoked')} data-testid="person-revoked-awards">
      <List size="small" dataSource={items} renderItem={(r) => (
        <List.Item key={r.awardeeId} data-testid={`person-revoked-${r.awardeeId}`}>
          <Typography.Text delete>{r.awardName} {r.periodFrom === r.periodTo ? r.periodFrom : `${r.periodFrom}–${r.periodTo}`}</Typography.Text>
          {' '}
          <Typography.Text type="danger">
            <Link to={`/decisions/${r.decisionId}`}>
              {t('revocation.personRevokedLine', { decision: r.decisionNumber ?? '', number: r.revokingNumber, date: showDate(r.revokedOn) })}
            </Link>
          </Typography.Text>
          <Typography.Text type="secondary"> — {r.reason}</Typography.Text>
        </List.Item>
      )} />
    </Card>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { showDate } from '../../lib/forms.ts';
import type { MovementList } from '../../types.ts';

/** The movements the user sees: launched in their scope, or reaching their units. */
export function MovementsPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['movements'], queryFn: () => get<MovementList>('/movements?limit=200') });
  return (
    <Card title={t('movements.title')} data-testid="movements">
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={false} locale={{ emptyText: t('movements.none') }}
        columns={[
          { key: 'title', title: t('movements.name'), render: (_, m) => <Link to={`/movements/${m.id}`}>{m.title}</Link> },
          { key: 'kind', title: t('movements.kind'), render: (_, m) => t(`movements.kinds.${m.kind}`) },
          { key: 'plan', title: t('movements.plan'), dataIndex: 'planDocNumber' },
          { key: 'period', title: t('movements.period'), render: (_, m) => `${showDate(m.startsOn)} – ${showDate(m.endsOn)}` },
          { key: 'status', title: t('movements.status'), render: (_, m) => <Tag color={m.status === 'launched' ? 'blue' : 'green'}>{t(`movements.statuses.${m.status}`)}</Tag> },
        ]}
      />
    </Card>
  );
}

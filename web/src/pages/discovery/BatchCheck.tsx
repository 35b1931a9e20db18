import { useQuery } from '@tanstack/react-query';
import { Alert, Modal, Space, Spin, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { post } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ResultTag } from '../../components/eligibility/ResultView.tsx';
import { cityToday } from '../../lib/clock.ts';
import { pick, useAwards } from '../../lib/eligibility.ts';
import { useLocale } from '../../lib/locale.tsx';
import type { BatchRequest, BatchResponse, DiscoveryRow } from '../../types.ts';

interface Props { open: boolean; onClose: () => void; rows: DiscoveryRow[]; year: number }

/** "Kiểm tra danh sách": re-checks the selected subjects together, and against the quotas (số lượng tối đa). */
export function BatchCheckModal({ open, onClose, rows, year }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { nameOf } = useAwards();
  const items = rows.flatMap((r): { personId?: number; unitId?: number; award: string }[] => (r.personId !== null ? [{ personId: r.personId, award: r.award }] : r.unitId !== null ? [{ unitId: r.unitId, award: r.award }] : []));
  const check = useQuery({
    queryKey: ['eligibility-batch', year, rows.map((r) => r.key)],
    queryFn: () => post<BatchResponse>('/eligibility/batch', { asOf: cityToday(), year, items } satisfies BatchRequest),
    enabled: open && items.length > 0,
    gcTime: 0,
  });
  const data = check.data;
  return (
    <Modal title={t('discovery.batchTitle')} open={open} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText={t('common.close')} width={900}>
      <div data-testid="batch-result">
        <ErrorAlert error={check.error} />
        {check.isFetching ? <Spin style={{ display: 'block', margin: 24 }} /> : null}
        {data ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {data.quotaViolations.length === 0 ? <Alert type="success" showIcon title={t('discovery.noViolations')} data-testid="quota-ok" /> : null}
            {data.quotaViolations.map((v, i) => (
              <Alert key={i} type="warning" showIcon data-testid="quota-violation" title={pick(locale, v.messageVi, v.messageEn)}
                description={t('discovery.violationDetail', { count: v.count, max: v.max, basis: v.basis })} />
            ))}
            <Table size="small" pagination={false} rowKey={(r) => `${r.personId ?? ''}-${r.unitId ?? ''}-${r.award}`} dataSource={data.items} columns={[
              { title: t('discovery.name'), dataIndex: 'name', render: (v: string, r) => <Link to={r.personId ? `/people/${r.personId}` : `/org/units/${r.unitId}`}>{v}</Link> },
              { title: t('discovery.award'), dataIndex: 'award', render: (v: string) => nameOf(v) },
              { title: t('discovery.statusCol'), key: 'status', width: 170, render: (_: unknown, r) => <ResultTag result={r.result} /> },
              { title: t('eligibility.reason'), key: 'reason', render: (_: unknown, r) => pick(locale, r.result.reasonVi, r.result.reasonEn) },
            ]} />
          </Space>
        ) : null}
      </div>
    </Modal>
  );
}

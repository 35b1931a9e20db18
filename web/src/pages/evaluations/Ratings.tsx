import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { get, messageOf, post, put } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { GuardedButton } from '../../components/Guarded.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { lastYear, yearOptions } from '../../lib/eligibility.ts';
import { RATINGS, type CapGroup, type DecideRequest, type EvaluationPage, type EvaluationRow, type Rating, type RatingSchemes, type StageRequest } from '../../types.ts';
import { RatingTag } from './RatingTag.tsx';
import { ScoreSheetModal } from './ScoreSheetModal.tsx';

/** "Đánh giá, xếp loại": a unit's people (and the sub-units it decides) for a year, self → proposal → decision, with the cap per peer group. */
export function RatingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const unitId = Number(params.get('unitId')) || undefined;
  const year = Number(params.get('year')) || lastYear();
  const [selected, setSelected] = useState<number[]>([]);
  const [sheet, setSheet] = useState<{ row: EvaluationRow; stage: 'self' | 'proposal' } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const page = useQuery({ queryKey: ['evaluations', unitId, year], enabled: unitId !== undefined, queryFn: () => get<EvaluationPage>('/evaluations', { unitId, year }) });
  const schemes = useQuery({ queryKey: ['rating-schemes'], queryFn: () => get<RatingSchemes>('/evaluations/schemes') });
  const can = page.data?.actions ?? { canWrite: false, canDecide: false };
  const refresh = () => qc.invalidateQueries({ queryKey: ['evaluations'] });
  const run = async (fn: () => Promise<unknown>, done = t('common.saved')) => {
    setError(null);
    try {
      await fn();
      message.success(done);
      await refresh();
    } catch (e) {
      setError(e);
      message.error(messageOf(e));
    }
  };
  const open = (subjects: 'people' | 'units') => run(() => post('/evaluations/open', { unitId, year, subjects }));
  const propose = (row: EvaluationRow, rating: Rating) => run(() => put(`/evaluations/${row.id}/proposal`, { version: row.version, rating } satisfies StageRequest));
  const decide = (items: DecideRequest['items']) => run(async () => { await post('/evaluations/decisions', { items } satisfies DecideRequest); setSelected([]); }, t('evaluations.decided'));
  const rows = page.data?.items ?? [];
  const ratingOptions = RATINGS.map((r) => ({ value: r, label: t(`evaluations.rating.${r}`) }));
  const schemeOf = (row: EvaluationRow) => schemes.data?.items.find((s) => s.id === row.schemeId);

  return (
    <Card title={t('evaluations.title')} extra={
      <Space wrap>
        <UnitSelect testId="ratings-unit" value={unitId} onChange={(v) => setParams({ unitId: String(v ?? ''), year: String(year) })} />
        <Select data-testid="ratings-year" style={{ width: 96 }} value={year} options={yearOptions()} onChange={(v) => setParams({ unitId: String(unitId ?? ''), year: String(v) })} />
      </Space>
    }>
      {unitId === undefined ? <Typography.Text type="secondary">{t('evaluations.pickUnit')}</Typography.Text> : null}
      <ErrorAlert error={page.error ?? error} />
      {page.data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <GuardedButton allowed={can.canWrite} onClick={() => open('people')} data-testid="ratings-open-people">{t('evaluations.openPeople')}</GuardedButton>
            <GuardedButton allowed={can.canWrite} onClick={() => open('units')} data-testid="ratings-open-units">{t('evaluations.openUnits')}</GuardedButton>
            <GuardedButton allowed={can.canDecide && selected.length > 0} type="primary" data-testid="ratings-decide"
              onClick={() => decide(rows.filter((r) => selected.includes(r.id)).map((r) => ({ id: r.id, version: r.version })))}>
              {t('evaluations.decideSelected', { count: selected.length })}
            </GuardedButton>
          </Space>
          <CapCounters caps={page.data.caps} base={page.data.capBase} />
          <Table<EvaluationRow> size="small" rowKey="id" dataSource={rows} pagination={{ pageSize: 50 }} data-testid="ratings-table"
            rowSelection={can.canDecide ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (r) => ({ disabled: !r.proposedRating && !r.selfRating }) } : undefined}
            columns={[
              { title: t('evaluations.subject'), dataIndex: 'subjectName', render: (v: string, r) => <Space>{v}{r.subjectKind === 'collective' ? <Tag>{t('evaluations.collective')}</Tag> : null}</Space> },
              { title: t('evaluations.peerGroup'), dataIndex: 'peerGroup', width: 150, render: (v: string) => t(`evaluations.group.${v}`, { defaultValue: v }) },
              { title: t('evaluations.status'), dataIndex: 'status', width: 130, render: (v: string) => t(`evaluations.statusName.${v}`) },
              { title: t('evaluations.self'), key: 'self', render: (_: unknown, r) => (
                <Space><RatingTag rating={r.selfRating} score={r.selfScore} />
                  {can.canWrite && r.status !== 'decided' && schemeOf(r)?.sheet.length ? <Button size="small" type="link" onClick={() => setSheet({ row: r, stage: 'self' })}>{t('evaluations.score')}</Button> : null}</Space>
              ) },
              { title: t('evaluations.proposed'), key: 'proposed', render: (_: unknown, r) => can.canWrite && r.status !== 'decided' ? (
                <Space>
                  <Select size="small" style={{ width: 200 }} value={r.proposedRating ?? undefined} placeholder={t('evaluations.propose')} options={ratingOptions} onChange={(v) => propose(r, v)} data-testid="ratings-propose" />
                  {schemeOf(r)?.sheet.length ? <Button size="small" type="link" onClick={() => setSheet({ row: r, stage: 'proposal' })}>{t('evaluations.score')}</Button> : null}
                </Space>
              ) : <RatingTag rating={r.proposedRating} score={r.proposedScore} /> },
              { title: t('evaluations.decidedCol'), key: 'decided', render: (_: unknown, r) => can.canDecide ? (
                <Select size="small" style={{ width: 200 }} value={r.decidedRating ?? undefined} placeholder={t('evaluations.decide')} options={ratingOptions}
                  onChange={(v) => decide([{ id: r.id, version: r.version, rating: v }])} data-testid="ratings-decide-one" />
              ) : <RatingTag rating={r.decidedRating} score={r.decidedScore} /> },
            ]}
          />
        </Space>
      ) : null}
      {sheet && schemeOf(sheet.row) ? (
        <ScoreSheetModal row={sheet.row} stage={sheet.stage} scheme={schemeOf(sheet.row) as NonNullable<ReturnType<typeof schemeOf>>} onClose={() => setSheet(null)}
          onSaved={async () => { setSheet(null); message.success(t('common.saved')); await refresh(); }} />
      ) : null}
    </Card>
  );
}

/** The cap on "excellent" per peer group: decided excellent / allowed, the base it is a share of, and proposals still open. */
function CapCounters({ caps, base }: { caps: CapGroup[]; base: 'good' | 'good_or_better' }) {
  const { t } = useTranslation();
  if (caps.length === 0) return null;
  return (
    <Space wrap data-testid="cap-counters">
      {caps.map((c) => (
        <Card key={`${c.groupUnitId}-${c.subjectKind}-${c.peerGroup}`} size="small" title={t(`evaluations.group.${c.peerGroup}`, { defaultValue: c.peerGroup })} style={{ minWidth: 240 }}>
          <Typography.Text type={c.over ? 'danger' : undefined} strong data-testid="cap-count">{t('evaluations.capCount', { excellent: c.excellent, max: c.max })}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{t(base === 'good' ? 'evaluations.capBaseGood' : 'evaluations.capBaseGoodOrBetter', { pct: c.pct, base: c.base })}{c.outstanding ? ` · ${t('evaluations.outstanding')}` : ''}</Typography.Text>
          {c.proposedExcellent > 0 ? <><br /><Typography.Text type="warning">{t('evaluations.capProposed', { count: c.proposedExcellent })}</Typography.Text></> : null}
        </Card>
      ))}
    </Space>
  );
}

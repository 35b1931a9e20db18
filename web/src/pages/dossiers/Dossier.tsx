import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Descriptions, Input, List, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { get, put } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { GuardedButton } from '../../components/Guarded.tsx';
import { showDate } from '../../lib/forms.ts';
import type { Dossier, DossierNominee } from '../../types.ts';
import { DossierExtras } from './DossierExtras.tsx';
import { DossierParts } from './DossierParts.tsx';
import { DossierDocuments } from '../documents/DossierDocuments.tsx';
import { STATE_COLOR } from './Dossiers.tsx';
import { TransitionModal } from './TransitionModal.tsx';

const ELIGIBLE_COLOR: Record<string, string> = { true: 'green', false: 'red', needs_review: 'orange' };

/** One dossier: where it is, its nominees with their kept check, parts, return reasons, history and the user's steps. */
export function DossierPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['dossier', id], queryFn: () => get<Dossier>(`/dossiers/${id}`) });
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['dossier', id] }), qc.invalidateQueries({ queryKey: ['dossiers'] })]);
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try { await fn(); await refresh(); } catch (e) { setError(e); }
  };
  if (!q.data) return <Card loading={q.isLoading}><ErrorAlert error={q.error} /></Card>;
  const d = q.data;
  const editable = (d.state === 'draft' || d.state === 'returned') && d.actions.some((a) => ['submit', 'resubmit', 'fast_track'].includes(a.action));
  const saveOverride = (n: DossierNominee, reason: string) => act(() => put(`/dossiers/${d.id}/nominees/${n.id}/override`, { version: d.version, reason: reason || null }));
  return (
    <Card title={<Space>{`${d.id} — ${d.title}`}<Tag color={STATE_COLOR[d.state]} data-testid="dossier-state">{t(`dossiers.states.${d.state}`)}</Tag></Space>}>
      <ErrorAlert error={error} />
      <Descriptions size="small" column={2} bordered items={[
        { key: 'a', label: t('dossiers.award'), children: d.awardName },
        { key: 't', label: t('dossiers.awardType'), children: t(`dossiers.awardTypes.${d.awardType}`) },
        { key: 's', label: t('dossiers.sender'), children: d.senderUnitName },
        { key: 'r', label: t('dossiers.receiver'), children: d.receiverUnitName },
        { key: 'h', label: t('dossiers.holder'), children: d.holderUnitName },
        { key: 'u', label: t('dossiers.dueOn'), children: <span style={d.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{showDate(d.dueOn)}</span> },
        { key: 'y', label: t('dossiers.year'), children: d.year ?? '' },
        { key: 'x', label: t('dossiers.decision'), children: decisionCell(d.decision, t) },
      ]} />
      {d.sourceDossierId && <Typography.Paragraph style={{ marginTop: 8 }}><Link to={`/dossiers/${d.sourceDossierId}`}>{t('dossiers.source', { id: d.sourceDossierId })}</Link></Typography.Paragraph>}
      {d.forwardedDossierIds.length > 0 && <Typography.Paragraph>{t('dossiers.forwarded', { ids: '' })}{d.forwardedDossierIds.map((f) => <Link key={f} to={`/dossiers/${f}`}> {f}</Link>)}</Typography.Paragraph>}
      {d.daysFromAct !== null && <Alert style={{ marginTop: 8 }} type="info" title={t('dossiers.daysFromAct', { days: d.daysFromAct })} />}
      {d.consultation && <Alert style={{ marginTop: 8 }} type="info" title={t('dossiers.consultation', { days: d.consultation.days, until: showDate(d.consultation.until) || '—', basis: d.consultation.basis })} />}

      <Space wrap style={{ marginTop: 16 }} data-testid="dossier-actions">
        {d.actions.length === 0 && <Typography.Text type="secondary">{t('dossiers.noActions')}</Typography.Text>}
        {d.actions.map((a) => (
          <GuardedButton key={a.action} allowed={a.unmetGuards.length === 0} reason={a.unmetGuards.map((g) => t(`dossiers.guards.${g}`)).join('; ')}
            type={['submit', 'resubmit', 'decide', 'receive'].includes(a.action) ? 'primary' : 'default'} danger={['reject', 'withdraw', 'return'].includes(a.action)}
            data-testid={`dossier-action-${a.action}`} onClick={() => setAction(a.action)}>{t(`dossiers.actions.${a.action}`)}</GuardedButton>
        ))}
      </Space>

      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('dossiers.nominees')}</Typography.Title>
      <Table<DossierNominee> size="small" rowKey="id" dataSource={d.nominees} pagination={false} columns={[
        { title: t('dossiers.nominee'), dataIndex: 'name', render: (v: string, r) => (r.personId ? <Link to={`/people/${r.personId}`}>{v}</Link> : <Link to={`/org/units/${r.unitId}`}>{v}</Link>) },
        { title: t('dossiers.check'), key: 'check', render: (_: unknown, r) => (
          <Space direction="vertical" size={2}>
            <Space><Tag color={ELIGIBLE_COLOR[r.eligible]} data-testid="nominee-eligible">{t(`dossiers.eligible.${r.eligible}`)}</Tag><Typography.Text type="secondary">{t('dossiers.checkedOn', { date: showDate(r.checkedOn) })}</Typography.Text></Space>
            {r.check.missing.length > 0 && <Typography.Text type="secondary">{r.check.missing.join('; ')}</Typography.Text>}
            {r.difference?.changed && <Typography.Text type="warning" data-testid="nominee-changed">{t('dossiers.changed', { now: t(`dossiers.eligible.${r.difference.eligibleNow}`) })}</Typography.Text>}
          </Space>
        ) },
        { title: t('dossiers.override'), key: 'override', render: (_: unknown, r) => (editable && r.eligible !== 'true'
          ? <Input.Search data-testid="nominee-override" defaultValue={r.overrideReason ?? ''} enterButton={t('dossiers.overrideSave')} onSearch={(v) => saveOverride(r, v)} />
          : r.overrideReason ?? '') },
      ]} />

      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('dossiers.parts')}</Typography.Title>
      <DossierParts d={d} editable={editable} act={act} />
      <DossierDocuments d={d} />

      <DossierExtras d={d} act={act} />

      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('dossiers.timeline')}</Typography.Title>
      <Timeline data-testid="dossier-timeline" items={d.events.map((e) => ({
        key: e.id,
        children: (
          <List.Item style={{ padding: 0 }}>
            <Space direction="vertical" size={0}>
              <span><b>{t(`dossiers.actions.${e.action}`, { defaultValue: e.action })}</b> — {e.actor} — {new Date(e.at).toLocaleString('vi-VN')}</span>
              {e.to && <span>{e.from ? `${t(`dossiers.states.${e.from}`)} → ` : ''}{t(`dossiers.states.${e.to}`)}</span>}
              {typeof e.reason?.text === 'string' && <Typography.Text type="secondary">{e.reason.text}</Typography.Text>}
            </Space>
          </List.Item>
        ),
      }))} />
      <TransitionModal dossier={d} action={action} onClose={() => setAction(null)} onDone={() => { const done = action; setAction(null); void refresh(); message.success(t('dossiers.done', { action: t(`dossiers.actions.${done}`) })); }} />
    </Card>
  );
}

/** The decision answering the dossier: its number once issued, else a link to the draft waiting in the register. */
function decisionCell(decision: { number: string | null; date: string | null; decisionId: number | null } | null, t: (key: string) => string) {
  if (!decision) return '';
  const text = decision.number ? `${decision.number} (${showDate(decision.date)})` : t('dossiers.decisionDraftLink');
  return decision.decisionId ? <Link to={`/decisions/${decision.decisionId}`}>{text}</Link> : text;
}

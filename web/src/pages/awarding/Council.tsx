import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Checkbox, InputNumber, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { get, post, put } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { GuardedButton } from '../../components/Guarded.tsx';
import { showDate } from '../../lib/forms.ts';
import { useLocale } from '../../lib/locale.tsx';
import type { AttendanceRequest, BallotRequest, CouncilSession, CountsRequest } from '../../types.ts';

type Choice = 'yes' | 'no' | 'blank';
type Counts = Record<number, { yes: number; no: number; blank: number }>;

/** A council session: attendance, paper counts or the member's secret ballot, closing, and the result with its rule. */
export function CouncilPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [attendance, setAttendance] = useState<Record<number, { present: boolean; written: boolean }>>({});
  const [counts, setCounts] = useState<Counts>({});
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const s = useQuery({ queryKey: ['council', id], queryFn: () => get<CouncilSession>(`/councils/${id}`) });
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try { await fn(); await qc.invalidateQueries({ queryKey: ['council', id] }); } catch (e) { setError(e); }
  };
  if (!s.data) return <Card loading={s.isLoading}><ErrorAlert error={s.error} /></Card>;
  const x = s.data;
  const r = x.result;
  const open = x.status === 'open';
  const manage = x.me.canManage && open;
  const att = (m: CouncilSession['members'][number]) => attendance[m.id] ?? { present: m.attendance === 'present', written: m.writtenVote };
  const saveAttendance = () => act(() => put(`/councils/${x.id}/attendance`, { version: x.version, members: x.members.map((m) => ({ memberId: m.id, attendance: att(m).present ? 'present' : 'absent', writtenVote: !att(m).present && att(m).written })) } satisfies AttendanceRequest));
  const saveCounts = () => act(() => put(`/councils/${x.id}/counts`, { version: x.version, counts: x.candidates.map((c) => ({ candidateId: c.id, ...(counts[c.id] ?? { yes: 0, no: 0, blank: 0 }) })) } satisfies CountsRequest));
  const setCount = (cid: number, k: Choice, v: number | null) => setCounts((p) => ({ ...p, [cid]: { ...(p[cid] ?? { yes: 0, no: 0, blank: 0 }), [k]: v ?? 0 } }));
  const resultOf = (cid: number) => r.candidates.find((c) => c.candidateId === cid);
  return (
    <Card title={<Space>{x.title}<Tag color={open ? 'blue' : 'default'}>{t(`awarding.councils.${open ? 'open' : 'closed'}`)}</Tag></Space>}
      extra={<Typography.Text type="secondary">{x.orgUnitName} · {showDate(x.meetsOn)} · {t(`awarding.councils.ballots.${x.ballot}`)}</Typography.Text>}>
      <ErrorAlert error={error} />
      <Alert style={{ marginBottom: 12 }} type={r.quorum.met ? 'success' : 'warning'} data-testid="council-quorum"
        title={`${t('awarding.councils.quorum', { present: r.present, total: r.membersTotal, required: r.quorum.required, pct: r.quorum.requiredPct })} — ${r.quorum.met ? t('awarding.councils.quorumMet') : t('awarding.councils.quorumNotMet')}`}
        description={<Typography.Text type="secondary">{r.quorum.basis}{r.quorum.uncertain ? ` (${t('awarding.councils.uncertain')})` : ''}</Typography.Text>} />
      <Typography.Title level={5}>{t('awarding.councils.members')}</Typography.Title>
      <Table size="small" rowKey="id" dataSource={x.members} pagination={false} columns={[
        { title: t('awarding.councils.name'), dataIndex: 'name' },
        { title: t('awarding.councils.role'), dataIndex: 'role', render: (v: string) => t(`awarding.councils.roles.${v}`) },
        { title: t('awarding.councils.attendance'), key: 'p', render: (_: unknown, m) => <Checkbox disabled={!manage} checked={att(m).present} onChange={(e) => setAttendance((p) => ({ ...p, [m.id]: { ...att(m), present: e.target.checked } }))} /> },
        { title: t('awarding.councils.writtenVote'), key: 'w', render: (_: unknown, m) => <Checkbox disabled={!manage || att(m).present} checked={att(m).written} onChange={(e) => setAttendance((p) => ({ ...p, [m.id]: { ...att(m), written: e.target.checked } }))} /> },
        ...(x.ballot === 'app' ? [{ title: t('awarding.councils.votedInApp'), key: 'v', render: (_: unknown, m: CouncilSession['members'][number]) => (m.votedInApp ? '✓' : '') }] : []),
      ]} />
      {manage && <GuardedButton allowed style={{ marginTop: 8 }} onClick={saveAttendance} data-testid="council-save-attendance">{t('awarding.councils.saveAttendance')}</GuardedButton>}

      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('awarding.councils.candidates')}</Typography.Title>
      {open && <Typography.Paragraph type="secondary">{t('awarding.councils.hidden')} {x.ballot === 'app' ? t('awarding.councils.ballotsCast', { n: r.ballotsCast }) : ''}</Typography.Paragraph>}
      <Table size="small" rowKey="id" dataSource={x.candidates} pagination={false} columns={[
        { title: t('awarding.councils.name'), dataIndex: 'name' },
        { title: t('awarding.decisions.award'), key: 'a', render: (_: unknown, c) => resultOf(c.id)?.awardName ?? c.awardCode },
        ...(manage && x.ballot === 'paper' ? (['yes', 'no', 'blank'] as const).map((k) => ({
          title: t(`awarding.councils.${k}`), key: k, width: 110,
          render: (_: unknown, c: CouncilSession['candidates'][number]) => <InputNumber min={0} size="small" value={counts[c.id]?.[k] ?? 0} onChange={(v) => setCount(c.id, k, v)} data-testid={`council-count-${k}`} />,
        })) : []),
        ...(x.me.member && open && x.ballot === 'app' && !x.me.voted ? [{
          title: t('awarding.councils.vote'), key: 'vote',
          render: (_: unknown, c: CouncilSession['candidates'][number]) => (
            <Radio.Group size="small" value={choices[String(c.id)] ?? 'blank'} onChange={(e) => setChoices((p) => ({ ...p, [String(c.id)]: e.target.value as Choice }))}
              options={(['yes', 'no', 'blank'] as const).map((k) => ({ value: k, label: t(`awarding.councils.${k}`) }))} />
          ),
        }] : []),
        ...(!open ? [
          { title: `${t('awarding.councils.yes')} / ${t('awarding.councils.no')} / ${t('awarding.councils.blank')}`, key: 'n', render: (_: unknown, c: CouncilSession['candidates'][number]) => { const o = resultOf(c.id); return o ? `${o.yes} / ${o.no} / ${o.blank}` : ''; } },
          { title: t('awarding.councils.result'), key: 'r', render: (_: unknown, c: CouncilSession['candidates'][number]) => { const o = resultOf(c.id); return o ? <Tag color={o.passed ? 'green' : 'red'} data-testid="council-passed">{o.passed ? t('awarding.councils.passed') : t('awarding.councils.notPassed')}</Tag> : null; } },
        ] : []),
        { title: t('awarding.councils.rule'), key: 'rule', render: (_: unknown, c) => { const o = resultOf(c.id); return o ? (
          <Space orientation="vertical" size={0}>
            <span>{locale === 'en' ? o.ruleEn : o.ruleVi}</span>
            <Typography.Text type="secondary">{t('awarding.councils.basis')}: {o.basis}{o.uncertain ? ` (${t('awarding.councils.uncertain')})` : ''}</Typography.Text>
          </Space>
        ) : null; } },
      ]} />
      <Space style={{ marginTop: 8 }}>
        {manage && x.ballot === 'paper' && <GuardedButton allowed onClick={saveCounts} data-testid="council-save-counts">{t('awarding.councils.saveCounts')}</GuardedButton>}
        {x.me.member && open && x.ballot === 'app' && !x.me.voted && (
          <GuardedButton allowed type="primary" data-testid="council-cast" onClick={() => act(() => post(`/councils/${x.id}/ballots`, { choices } satisfies BallotRequest))}>{t('awarding.councils.sendBallot')}</GuardedButton>
        )}
        {x.me.voted && <Typography.Text type="success">{t('awarding.councils.voted')}</Typography.Text>}
        {manage && (
          <Popconfirm title={t('awarding.councils.closeConfirm')} onConfirm={() => act(() => post(`/councils/${x.id}/close`, { version: x.version }))}>
            <GuardedButton allowed type="primary" danger data-testid="council-close">{t('awarding.councils.close')}</GuardedButton>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}

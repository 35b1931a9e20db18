import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get, post, put } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { GuardedButton } from '../../components/Guarded.tsx';
import { cityTodayPicked, isoDate, showDate } from '../../lib/forms.ts';
import type { DecisionRevocations, RecoveryRequest, Revocation, RevocationRequest } from '../../types.ts';
import type { DecisionPanelProps } from './DecisionPanels.tsx';

const GROUNDS = ['fraudulent_declaration', 'false_documents', 'unlawful_procedure', 'later_violation', 'stripped', 'other'] as const;

interface RevokeValues {
  awardeeIds: number[]; ground: (typeof GROUNDS)[number]; reason: string; legalBasis: string; kind?: string;
  decidedOn: Dayjs; signerName: string; signerTitle?: string; externalAuthority?: string; externalNumber?: string;
}

interface RecoveryValues { certificateRecoveredOn?: Dayjs | null; moneyAmount?: number | null; moneyRecoveredOn?: Dayjs | null; note?: string }

type RevokedAwardee = Revocation['awardees'][number];

const money = (n: number) => n.toLocaleString('vi-VN');

/**
 * "Hủy bỏ, thu hồi khen thưởng" under an issued decision (Law Art 93): which awardees still stand and which were
 * revoked from when, a revoking decision (awardees, ground, reason, basis, date, signer; its number comes from the
 * register), and the recovery of the certificate and the money per revoked awardee.
 */
export function RevocationPanel({ decision, refresh }: DecisionPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [revoking, setRevoking] = useState(false);
  const [recovering, setRecovering] = useState<{ revocation: Revocation; awardee: RevokedAwardee } | null>(null);
  const [form] = Form.useForm<RevokeValues>();
  const [recoveryForm] = Form.useForm<RecoveryValues>();
  const issued = decision.status === 'issued';
  const key = ['decision', String(decision.id), 'revocations'];
  const data = useQuery({ queryKey: key, queryFn: () => get<DecisionRevocations>(`/decisions/${decision.id}/revocations`), enabled: issued });
  if (!issued) return null;
  if (!data.data) return <Card size="small" loading={data.isLoading} title={t('revocation.title')}><ErrorAlert error={data.error} /></Card>;
  const x = data.data;
  const standing = x.awardees.filter((a) => a.revocationId === null);
  const external = decision.externalAuthority !== null;
  const reload = () => Promise.all([qc.invalidateQueries({ queryKey: key }), refresh()]);

  const revoke = async (v: RevokeValues) => {
    const body = {
      version: decision.version, awardeeIds: v.awardeeIds, ground: v.ground, reason: v.reason, legalBasis: v.legalBasis, kind: v.kind || null,
      decidedOn: isoDate(v.decidedOn), signerName: v.signerName, signerTitle: v.signerTitle || null,
      external: external ? { authority: v.externalAuthority ?? '', number: v.externalNumber ?? '' } : null,
    } satisfies RevocationRequest;
    const made = await post<Revocation>(`/decisions/${decision.id}/revocations`, body);
    message.success(t('revocation.done', { number: made.numberText }));
    await reload();
  };

  const openRecovery = (revocation: Revocation, awardee: RevokedAwardee) => {
    recoveryForm.setFieldsValue({
      certificateRecoveredOn: awardee.certificateRecoveredOn ? dayjs(awardee.certificateRecoveredOn) : null,
      moneyAmount: awardee.moneyAmount, moneyRecoveredOn: awardee.moneyRecoveredOn ? dayjs(awardee.moneyRecoveredOn) : null, note: awardee.recoveryNote ?? '',
    });
    setRecovering({ revocation, awardee });
  };
  const recover = async (v: RecoveryValues) => {
    if (!recovering) return;
    const body = {
      version: recovering.awardee.version, certificateRecoveredOn: v.certificateRecoveredOn ? isoDate(v.certificateRecoveredOn) : null,
      moneyAmount: v.moneyAmount ?? null, moneyRecoveredOn: v.moneyRecoveredOn ? isoDate(v.moneyRecoveredOn) : null, note: v.note || null,
    } satisfies RecoveryRequest;
    await put<Revocation>(`/decisions/${decision.id}/revocations/${recovering.revocation.id}/awardees/${recovering.awardee.awardeeId}/recovery`, body);
    message.success(t('revocation.recoverySaved'));
    await qc.invalidateQueries({ queryKey: key });
  };

  const recoveryText = (a: RevokedAwardee) => {
    const parts = [
      a.certificateRecoveredOn ? t('revocation.certificateRecovered', { date: showDate(a.certificateRecoveredOn) }) : null,
      a.moneyRecoveredOn && a.moneyAmount !== null ? t('revocation.moneyRecovered', { amount: money(a.moneyAmount), date: showDate(a.moneyRecoveredOn) }) : null,
    ].filter(Boolean);
    return parts.length ? parts.join('; ') : t('revocation.notRecovered');
  };

  return (
    <Card size="small" title={t('revocation.title')} style={{ marginTop: 16 }} data-testid="revocation-panel"
      extra={x.actions.canRevoke ? <GuardedButton allowed danger data-testid="revoke-open" onClick={() => setRevoking(true)}>{t('revocation.open')}</GuardedButton> : null}>
      <Typography.Paragraph type="secondary">{t('revocation.intro')}</Typography.Paragraph>
      <Table size="small" rowKey="awardeeId" dataSource={x.awardees} pagination={false} data-testid="revocation-awardees" columns={[
        { title: t('revocation.name'), dataIndex: 'name', render: (v: string, r) => (r.revokedOn ? <Typography.Text delete>{v}</Typography.Text> : v) },
        { title: t('revocation.award'), dataIndex: 'awardName' },
        { title: t('revocation.state'), dataIndex: 'revokedOn', render: (v: string | null, r) => (v
          ? <Tag color="red" data-testid={`revoked-${r.awardeeId}`}>{t('revocation.revokedOn', { date: showDate(v) })}</Tag>
          : <Tag color="green">{t('revocation.valid')}</Tag>) },
      ]} />

      {x.items.length > 0 && <Typography.Title level={5} style={{ marginTop: 16 }}>{t('revocation.revocations')}</Typography.Title>}
      {x.items.map((r) => (
        <Card key={r.id} size="small" type="inner" style={{ marginTop: 8 }} data-testid={`revocation-${r.id}`}
          title={<Space><span data-testid="revocation-number">{r.numberText}</span><span>{showDate(r.decidedOn)}</span></Space>}>
          <Descriptions size="small" column={2} items={[
            { key: 'g', label: t('revocation.ground'), children: t(`revocation.grounds.${r.ground}`) },
            { key: 's', label: t('revocation.signerName'), children: [r.signerTitle, r.signerName].filter(Boolean).join(' ') },
            { key: 'r', label: t('revocation.reason'), children: r.reason },
            { key: 'b', label: t('revocation.legalBasis'), children: r.legalBasis },
          ]} />
          <Table size="small" rowKey="awardeeId" dataSource={r.awardees} pagination={false} columns={[
            { title: t('revocation.name'), dataIndex: 'name', render: (v: string, a) => (a.personId ? <Link to={`/people/${a.personId}`}>{v}</Link> : <Link to={`/org/units/${a.unitId}`}>{v}</Link>) },
            { title: t('revocation.award'), dataIndex: 'awardName' },
            { title: t('revocation.recovery'), key: 'rec', render: (_: unknown, a) => <span data-testid={`recovery-state-${a.awardeeId}`}>{recoveryText(a)}</span> },
            { key: 'act', render: (_: unknown, a) => (x.actions.canRecordRecovery
              ? <GuardedButton allowed size="small" data-testid={`recovery-open-${a.awardeeId}`} onClick={() => openRecovery(r, a)}>{t('revocation.recordRecovery')}</GuardedButton>
              : null) },
          ]} />
        </Card>
      ))}

      <FormModal<RevokeValues> title={t('revocation.open')} open={revoking} onClose={() => setRevoking(false)} onSubmit={revoke} form={form} testId="revoke" width={680}
        okText={t('revocation.submit')}
        initialValues={{ awardeeIds: standing.map((a) => a.awardeeId), ground: 'false_documents', legalBasis: t('revocation.legalBasisDefault'), kind: decision.kind, decidedOn: cityTodayPicked(), signerName: decision.signerName ?? '', signerTitle: decision.signerTitle ?? '' }}
        fields={['awardeeIds', 'ground', 'reason', 'legalBasis', 'kind', 'decidedOn', 'signerName', 'signerTitle', 'external']}>
        <Typography.Paragraph type="warning">{t('revocation.confirm')}</Typography.Paragraph>
        <Form.Item name="awardeeIds" label={t('revocation.awardees')} extra={t('revocation.awardeesHint')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
          <Checkbox.Group data-testid="revoke-awardees" options={standing.map((a) => ({ value: a.awardeeId, label: `${a.name} — ${a.awardName}` }))} />
        </Form.Item>
        <Form.Item name="ground" label={t('revocation.ground')} rules={[{ required: true, message: t('common.required') }]}>
          <Select data-testid="revoke-ground" options={GROUNDS.map((g) => ({ value: g, label: t(`revocation.grounds.${g}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('revocation.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea data-testid="revoke-reason" rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('revocation.legalBasis')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea data-testid="revoke-basis" rows={2} maxLength={2000} />
        </Form.Item>
        <Space wrap>
          {external ? (
            <>
              <Form.Item name="externalAuthority" label={t('revocation.externalAuthority')} rules={[{ required: true, message: t('common.required') }]}><Input data-testid="revoke-external-authority" style={{ width: 260 }} /></Form.Item>
              <Form.Item name="externalNumber" label={t('revocation.externalNumber')} rules={[{ required: true, message: t('common.required') }]}><Input data-testid="revoke-external-number" style={{ width: 180 }} /></Form.Item>
            </>
          ) : (
            <Form.Item name="kind" label={t('revocation.kind')}><Input data-testid="revoke-kind" style={{ width: 180 }} /></Form.Item>
          )}
          <Form.Item name="decidedOn" label={t('revocation.decidedOn')} rules={[{ required: true, message: t('common.required') }]}><DatePicker data-testid="revoke-date" format="DD/MM/YYYY" /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="signerName" label={t('revocation.signerName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input data-testid="revoke-signer" style={{ width: 240 }} /></Form.Item>
          <Form.Item name="signerTitle" label={t('revocation.signerTitle')}><Input data-testid="revoke-signer-title" style={{ width: 200 }} /></Form.Item>
        </Space>
      </FormModal>

      <FormModal<RecoveryValues> title={recovering ? `${t('revocation.recordRecovery')}: ${recovering.awardee.name}` : t('revocation.recordRecovery')} open={recovering !== null} onClose={() => setRecovering(null)}
        onSubmit={recover} form={recoveryForm} testId="recovery" fields={['certificateRecoveredOn', 'moneyAmount', 'moneyRecoveredOn', 'note']}>
        <Space wrap>
          <Form.Item name="certificateRecoveredOn" label={t('revocation.certificateRecoveredOn')}><DatePicker data-testid="recovery-certificate-date" format="DD/MM/YYYY" /></Form.Item>
          <Form.Item name="moneyAmount" label={t('revocation.moneyAmount')}><InputNumber<number> data-testid="recovery-money" min={0} step={1000} style={{ width: 200 }} formatter={(v) => (v === undefined || v === null || String(v) === '' ? '' : money(Number(v)))} parser={(s) => Number(String(s ?? '').replace(/\D/g, ''))} /></Form.Item>
          <Form.Item name="moneyRecoveredOn" label={t('revocation.moneyRecoveredOn')}><DatePicker data-testid="recovery-money-date" format="DD/MM/YYYY" /></Form.Item>
        </Space>
        <Form.Item name="note" label={t('revocation.note')}><Input data-testid="recovery-note" maxLength={1000} /></Form.Item>
      </FormModal>
    </Card>
  );
}

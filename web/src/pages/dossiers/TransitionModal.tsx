import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { post } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { isoDate } from '../../lib/forms.ts';
import type { Dossier, DossierTransitionRequest } from '../../types.ts';
import { LevelSelect } from './LevelSelect.tsx';

const PART_KINDS = ['submission_letter', 'achievement_report', 'council_minutes', 'initiative_recognition', 'other'] as const;

interface Values {
  reason?: string; forwardTo?: number; decisionNumber?: string; decisionDate?: Dayjs;
  returnReasons?: { nomineeId?: number; partKind?: (typeof PART_KINDS)[number]; criterion?: string; note?: string }[];
}

/** One step of the workflow, with what it asks for: a reason, return reasons, a decision, the next level. */
export function TransitionModal({ dossier, action, onClose, onDone }: { dossier: Dossier; action: string | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  if (!action) return null;
  const submit = async (v: Values) => {
    // One key per step on one version: a double click repeats it (one transition), the next step gets its own.
    const body: DossierTransitionRequest = { action, version: dossier.version, reason: v.reason || null, idempotencyKey: `web-${dossier.id}-${dossier.version}-${action}` };
    if (action === 'return') body.returnReasons = (v.returnReasons ?? []).filter((r) => r.note).map((r) => ({ nomineeId: r.nomineeId ?? null, partKind: r.partKind ?? null, criterion: r.criterion || null, note: r.note as string }));
    if (action === 'forward') body.forwardTo = v.forwardTo ?? null;
    if ((action === 'decide' || action === 'decide_fast') && v.decisionNumber) body.decision = { number: v.decisionNumber, date: v.decisionDate ? isoDate(v.decisionDate) : null };
    await post(`/dossiers/${dossier.id}/transitions`, body);
    onDone();
  };
  const needsReason = ['withdraw', 'reject'].includes(action);
  return (
    <FormModal<Values> title={t(`dossiers.actions.${action}`)} okText={t(`dossiers.actions.${action}`)} open onClose={onClose} onSubmit={submit} form={form} testId="dossier-transition-form" width={680}
      initialValues={{ returnReasons: [{}] }} fields={['reason', 'returnReasons', 'forwardTo', 'decision']}>
      {action === 'return' && (
        <Form.List name="returnReasons">{(fields, { add, remove }) => (<>
          <Typography.Text strong>{t('dossiers.returnReasons')}</Typography.Text>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" wrap>
              <Form.Item name={[f.name, 'nomineeId']}><Select allowClear style={{ width: 200 }} placeholder={t('dossiers.nominee')} options={dossier.nominees.map((n) => ({ value: n.id, label: n.name }))} /></Form.Item>
              <Form.Item name={[f.name, 'partKind']}><Select allowClear style={{ width: 200 }} placeholder={t('dossiers.partKind')} options={PART_KINDS.map((k) => ({ value: k, label: t(`dossiers.partKinds.${k}`) }))} /></Form.Item>
              <Form.Item name={[f.name, 'criterion']}><Input style={{ width: 140 }} placeholder={t('dossiers.criterion')} /></Form.Item>
              <Form.Item name={[f.name, 'note']} rules={[{ required: true, message: t('common.required') }]}><Input data-testid="return-reason-note" style={{ width: 260 }} placeholder={t('dossiers.reason')} /></Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>{t('dossiers.returnReasons')}</Button>
        </>)}</Form.List>
      )}
      {action === 'forward' && <Form.Item name="forwardTo" label={t('dossiers.forwardTo')} rules={[{ required: true, message: t('common.required') }]}><LevelSelect fromUnitId={dossier.receiverUnitId} above /></Form.Item>}
      {(action === 'decide' || action === 'decide_fast') && (
        <Space wrap>
          <Form.Item name="decisionNumber" label={t('dossiers.decisionNumber')} extra={t('dossiers.decisionDraft')}><Input style={{ width: 220 }} /></Form.Item>
          <Form.Item name="decisionDate" label={t('dossiers.decisionDate')}><DatePicker format="DD/MM/YYYY" /></Form.Item>
        </Space>
      )}
      <Form.Item name="reason" label={t('dossiers.reason')} rules={needsReason ? [{ required: true, message: t('common.required') }] : []}><Input.TextArea data-testid="dossier-transition-reason" rows={2} /></Form.Item>
    </FormModal>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { SubjectLists } from '../../components/SubjectLists.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { lastYear, pick, useAwards } from '../../lib/eligibility.ts';
import { isoDate } from '../../lib/forms.ts';
import { useLocale } from '../../lib/locale.tsx';
import type { CreateDossierRequest } from '../../types.ts';
import { LevelSelect } from './LevelSelect.tsx';

const AWARD_TYPES = ['merit', 'movement', 'sudden', 'contribution', 'seniority', 'external'] as const;

interface Values {
  title: string; awardType: (typeof AWARD_TYPES)[number]; awardCode: string; year?: number; senderUnitId: number; receiverUnitId: number;
  actDate?: Dayjs; note?: string; people?: { personId?: number }[]; units?: { unitId?: number }[];
}

const newKey = () => `web-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** A new draft: award, sender and receiving level, nominees. One idempotency key per opened form: a double click makes one dossier. */
export function NewDossierModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const { awards } = useAwards();
  const [form] = Form.useForm<Values>();
  const key = useRef(newKey());
  const awardType = Form.useWatch('awardType', form);
  const sender = Form.useWatch('senderUnitId', form);
  const submit = async (v: Values) => {
    const body = {
      title: v.title, awardType: v.awardType, awardCode: v.awardCode, year: v.year ?? null, senderUnitId: v.senderUnitId, receiverUnitId: v.receiverUnitId,
      actDate: v.actDate ? isoDate(v.actDate) : null, note: v.note || null, idempotencyKey: key.current,
      nominees: [...(v.people ?? []).filter((p) => p.personId).map((p) => ({ personId: p.personId })), ...(v.units ?? []).filter((u) => u.unitId).map((u) => ({ unitId: u.unitId }))],
    } satisfies CreateDossierRequest;
    const made = await post<{ id: number }>('/dossiers', body);
    key.current = newKey();
    await qc.invalidateQueries({ queryKey: ['dossiers'] });
    onCreated(made.id);
  };
  return (
    <FormModal<Values> title={t('dossiers.create')} open={open} onClose={onClose} onSubmit={submit} form={form} testId="dossier-form" width={720}
      initialValues={{ awardType: 'merit', year: lastYear(), people: [{}] }}
      fields={['title', 'awardType', 'awardCode', 'year', 'senderUnitId', 'receiverUnitId', 'actDate', 'note', 'nominees', 'personId', 'unitId']}>
      <Form.Item name="title" label={t('dossiers.titleField')} rules={[{ required: true, message: t('common.required') }]}><Input data-testid="dossier-form-title" /></Form.Item>
      <Space wrap>
        <Form.Item name="awardType" label={t('dossiers.awardType')}><Select data-testid="dossier-form-type" style={{ width: 220 }} options={AWARD_TYPES.map((a) => ({ value: a, label: t(`dossiers.awardTypes.${a}`) }))} /></Form.Item>
        <Form.Item name="year" label={t('dossiers.year')}><InputNumber min={1945} max={2100} /></Form.Item>
        {awardType === 'sudden' && <Form.Item name="actDate" label={t('dossiers.actDate')} rules={[{ required: true, message: t('common.required') }]}><DatePicker format="DD/MM/YYYY" /></Form.Item>}
      </Space>
      <Form.Item name="awardCode" label={t('dossiers.award')} rules={[{ required: true, message: t('common.required') }]}>
        <Select data-testid="dossier-form-award" showSearch={{ optionFilterProp: 'label' }} options={awards.map((a) => ({ value: a.code, label: pick(locale, a.nameVi, a.nameEn) }))} />
      </Form.Item>
      <Form.Item name="senderUnitId" label={t('dossiers.sender')} rules={[{ required: true, message: t('common.required') }]}><UnitSelect testId="dossier-form-sender" style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="receiverUnitId" label={t('dossiers.receiver')} rules={[{ required: true, message: t('common.required') }]}><LevelSelect fromUnitId={sender} testId="dossier-form-receiver" /></Form.Item>
      <Form.Item label={t('dossiers.nominees')}>
        <SubjectLists testPrefix="dossier-form" addPersonLabel={t('dossiers.addPerson')} addUnitLabel={t('dossiers.addUnit')} />
      </Form.Item>
      <Form.Item name="note" label={t('dossiers.note')}><Input.TextArea rows={2} /></Form.Item>
    </FormModal>
  );
}

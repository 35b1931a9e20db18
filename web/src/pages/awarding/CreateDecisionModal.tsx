import { useQueryClient } from '@tanstack/react-query';
import { Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { post } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { SubjectLists } from '../../components/SubjectLists.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { lastYear, pick, useAwards } from '../../lib/eligibility.ts';
import { useLocale } from '../../lib/locale.tsx';
import type { CreateDecisionRequest, Decision } from '../../types.ts';

const AWARD_TYPES = ['merit', 'sudden', 'movement', 'contribution', 'seniority', 'external'] as const;

interface Values {
  authorityUnitId: number; kind: string; awardCode: string; awardType: (typeof AWARD_TYPES)[number]; periodFrom: number; periodTo: number;
  signerName?: string; signerTitle?: string; summary?: string; isExternal?: boolean; externalAuthority?: string; externalNumber?: string;
  people?: { personId?: number }[]; units?: { unitId?: number }[];
}

/** A new draft: authority, symbol, award, period, signer and awardees (no number until it is issued). */
export function CreateDecisionModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const { awards } = useAwards();
  const [form] = Form.useForm<Values>();
  const external = Form.useWatch('isExternal', form);
  const submit = async (v: Values) => {
    const body = {
      authorityUnitId: v.authorityUnitId, kind: v.kind, awardCode: v.awardCode, awardType: v.awardType, periodFrom: v.periodFrom, periodTo: v.periodTo,
      signerName: v.signerName || null, signerTitle: v.signerTitle || null, summary: v.summary || null,
      external: v.isExternal ? { authority: v.externalAuthority ?? '', number: v.externalNumber ?? '' } : null,
      awardees: [...(v.people ?? []).filter((p) => p.personId).map((p) => ({ personId: p.personId })), ...(v.units ?? []).filter((u) => u.unitId).map((u) => ({ unitId: u.unitId }))],
    } satisfies CreateDecisionRequest;
    const made = await post<Decision>('/decisions', body);
    await qc.invalidateQueries({ queryKey: ['decisions'] });
    onCreated(made.id);
  };
  return (
    <FormModal<Values> title={t('awarding.decisions.create')} open={open} onClose={onClose} onSubmit={submit} form={form} testId="decision-form" width={720}
      initialValues={{ kind: 'QĐ-UBND', awardType: 'merit', periodFrom: lastYear(), periodTo: lastYear(), people: [{}] }}
      fields={['authorityUnitId', 'kind', 'awardCode', 'awardType', 'periodFrom', 'periodTo', 'signerName', 'signerTitle', 'summary', 'external', 'awardees']}>
      <Form.Item name="authorityUnitId" label={t('awarding.decisions.authority')} rules={[{ required: true, message: t('common.required') }]}><UnitSelect testId="decision-form-authority" style={{ width: '100%' }} /></Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={t('awarding.decisions.kind')} extra={t('awarding.decisions.kindHint')} rules={[{ required: true, message: t('common.required') }]}><Input data-testid="decision-form-kind" style={{ width: 180 }} /></Form.Item>
        <Form.Item name="awardType" label={t('awarding.decisions.awardType')}><Select style={{ width: 220 }} options={AWARD_TYPES.map((a) => ({ value: a, label: t(`awarding.decisions.awardTypes.${a}`) }))} /></Form.Item>
      </Space>
      <Form.Item name="awardCode" label={t('awarding.decisions.award')} rules={[{ required: true, message: t('common.required') }]}>
        <Select data-testid="decision-form-award" showSearch={{ optionFilterProp: 'label' }} options={awards.map((a) => ({ value: a.code, label: pick(locale, a.nameVi, a.nameEn) }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="periodFrom" label={t('awarding.decisions.periodFrom')} rules={[{ required: true, message: t('common.required') }]}><InputNumber min={1945} max={2100} /></Form.Item>
        <Form.Item name="periodTo" label={t('awarding.decisions.periodTo')} rules={[{ required: true, message: t('common.required') }]}><InputNumber min={1945} max={2100} /></Form.Item>
        <Form.Item name="signerName" label={t('awarding.decisions.signerName')}><Input data-testid="decision-form-signer" style={{ width: 200 }} /></Form.Item>
        <Form.Item name="signerTitle" label={t('awarding.decisions.signerTitle')}><Input style={{ width: 160 }} /></Form.Item>
      </Space>
      <Form.Item name="summary" label={t('awarding.decisions.summary')}><Input.TextArea rows={2} /></Form.Item>
      <Form.Item name="isExternal" valuePropName="checked"><Checkbox>{t('awarding.decisions.external')}</Checkbox></Form.Item>
      {external && (
        <Space wrap>
          <Form.Item name="externalAuthority" label={t('awarding.decisions.externalAuthority')} rules={[{ required: true, message: t('common.required') }]}><Input style={{ width: 300 }} /></Form.Item>
          <Form.Item name="externalNumber" label={t('awarding.decisions.externalNumber')} rules={[{ required: true, message: t('common.required') }]}><Input style={{ width: 200 }} /></Form.Item>
        </Space>
      )}
      <Form.Item label={t('awarding.decisions.awardees')}>
        <SubjectLists testPrefix="decision-form" addPersonLabel={t('awarding.decisions.addPerson')} addUnitLabel={t('awarding.decisions.addUnit')} />
      </Form.Item>
    </FormModal>
  );
}

import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DatedUnitSelect } from '../../components/UnitSelect.tsx';
import { cityTodayPicked, isoDate } from '../../lib/forms.ts';
import type { MergeRequest, SplitRequest, SplitResponse, Unit, UnitKind } from '../../types.ts';
import { useKindOptions } from './ChangeModals.tsx';

interface MergeValues {
  sourceIds: number[]; mode: 'existing' | 'new'; targetId?: number;
  code?: string; kind?: UnitKind; name?: string; shortName?: string; parentId?: number | null;
  effectiveOn: Dayjs; note?: string;
}

/** Merge units (this one preselected) into an existing unit or a new one; calls onDone with the successor. */
export function MergeModal({ unit, open, onClose, onDone }: { unit: Unit; open: boolean; onClose: () => void; onDone: (successor: Unit, effectiveOn: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const kinds = useKindOptions();
  const [form] = Form.useForm<MergeValues>();
  const mode = Form.useWatch('mode', form);
  useEffect(() => {
    if (open) form.setFieldsValue({ sourceIds: [unit.id], mode: 'new', kind: unit.kind, parentId: unit.parentId, effectiveOn: cityTodayPicked() });
  }, [open, unit, form]);
  const submit = async (v: MergeValues) => {
    const effectiveOn = isoDate(v.effectiveOn) as string;
    // The form requires the fields of the chosen mode (the server would refuse a missing one, naming it).
    const target = (v.mode === 'existing'
      ? { unitId: v.targetId }
      : { code: v.code, kind: v.kind, name: v.name, shortName: v.shortName || null, parentId: v.parentId ?? null }) as MergeRequest['target'];
    const successor = await post<Unit>('/org/merges', { sourceIds: v.sourceIds, target, effectiveOn, note: v.note || null } satisfies MergeRequest);
    message.success(t('unit.mergeDone'));
    onDone(successor, effectiveOn);
  };
  return (
    <FormModal title={t('unit.merge')} open={open} onClose={onClose} onSubmit={submit} form={form} testId="merge" width={640}
      fields={['sourceIds', 'code', 'kind', 'name', 'shortName', 'parentId', 'effectiveOn', 'note']}>
      <Form.Item name="sourceIds" label={t('unit.mergeSources')} rules={[{ required: true, message: t('common.required') }]}>
        <DatedUnitSelect dateField="effectiveOn" multiple testId="merge-sources" />
      </Form.Item>
      <Form.Item name="mode" label={t('unit.mergeTargetMode')}>
        <Radio.Group data-testid="merge-target-mode" options={[{ value: 'new', label: <span data-testid="merge-target-new">{t('unit.targetNew')}</span> }, { value: 'existing', label: <span data-testid="merge-target-existing">{t('unit.targetExisting')}</span> }]} />
      </Form.Item>
      {mode === 'existing' ? (
        <Form.Item name="targetId" label={t('unit.targetUnit')} rules={[{ required: true, message: t('common.required') }]}>
          <DatedUnitSelect dateField="effectiveOn" testId="merge-target-unit" />
        </Form.Item>
      ) : (
        <>
          <Space.Compact block>
            <Form.Item name="code" label={t('unit.code')} rules={[{ required: true, message: t('common.required') }]} style={{ width: '35%' }}>
              <Input data-testid="merge-code" />
            </Form.Item>
            <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true, message: t('common.required') }]} style={{ width: '65%' }}>
              <Select options={kinds} data-testid="merge-kind" />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="name" label={t('unit.name')} rules={[{ required: true, message: t('common.required') }]}><Input data-testid="merge-name" /></Form.Item>
          <Form.Item name="shortName" label={t('unit.shortName')}><Input data-testid="merge-short-name" /></Form.Item>
          <Form.Item name="parentId" label={t('unit.parent')}><DatedUnitSelect dateField="effectiveOn" testId="merge-parent" /></Form.Item>
        </>
      )}
      <Form.Item name="effectiveOn" label={t('unit.effectiveOn')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker format="DD/MM/YYYY" data-testid="merge-effective" />
      </Form.Item>
      <Form.Item name="note" label={t('unit.note')}><Input.TextArea rows={2} data-testid="merge-note" /></Form.Item>
    </FormModal>
  );
}

interface SplitValues { successors: { code: string; kind: UnitKind; name: string }[]; peopleTo?: number; effectiveOn: Dayjs; note?: string }

/** Split this unit into two or more new units. */
export function SplitModal({ unit, open, onClose, onDone }: { unit: Unit; open: boolean; onClose: () => void; onDone: (units: Unit[], effectiveOn: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const kinds = useKindOptions();
  const [form] = Form.useForm<SplitValues>();
  const successors = Form.useWatch('successors', form) ?? [];
  useEffect(() => {
    if (open) form.setFieldsValue({ successors: [{ code: '', kind: unit.kind, name: '' }, { code: '', kind: unit.kind, name: '' }], peopleTo: 0, effectiveOn: cityTodayPicked() });
  }, [open, unit, form]);
  const submit = async (v: SplitValues) => {
    const effectiveOn = isoDate(v.effectiveOn) as string;
    const res = await post<SplitResponse>('/org/splits', { sourceId: unit.id, successors: v.successors.map((s) => ({ ...s, parentId: unit.parentId })), peopleTo: v.peopleTo ?? 0, effectiveOn, note: v.note || null } satisfies SplitRequest);
    message.success(t('unit.splitDone'));
    onDone(res.units, effectiveOn);
  };
  return (
    <FormModal title={`${t('unit.split')} — ${unit.name}`} open={open} onClose={onClose} onSubmit={submit} form={form} testId="split" width={720} fields={['successors', 'peopleTo', 'effectiveOn', 'note']}>
      <Form.List name="successors">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="start" style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'code']} label={i === 0 ? t('unit.code') : undefined} rules={[{ required: true, message: t('common.required') }]}>
                  <Input style={{ width: 120 }} data-testid={`split-code-${i}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'kind']} label={i === 0 ? t('unit.kind') : undefined} rules={[{ required: true, message: t('common.required') }]}>
                  <Select options={kinds} style={{ width: 170 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'name']} label={i === 0 ? t('unit.name') : undefined} rules={[{ required: true, message: t('common.required') }]}>
                  <Input style={{ width: 280 }} data-testid={`split-name-${i}`} />
                </Form.Item>
                {fields.length > 2 ? <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} style={{ marginTop: i === 0 ? 26 : 0 }} /> : null}
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ code: '', kind: unit.kind, name: '' })} style={{ marginBottom: 12 }}>{t('unit.addSuccessor')}</Button>
          </>
        )}
      </Form.List>
      <Form.Item name="peopleTo" label={t('unit.peopleTo')} extra={t('unit.peopleToHint')}>
        <Select options={successors.map((s, i) => ({ value: i, label: s?.name || `#${i + 1}` }))} />
      </Form.Item>
      <Form.Item name="effectiveOn" label={t('unit.effectiveOn')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker format="DD/MM/YYYY" data-testid="split-effective" />
      </Form.Item>
      <Form.Item name="note" label={t('unit.note')}><Input.TextArea rows={2} /></Form.Item>
    </FormModal>
  );
}

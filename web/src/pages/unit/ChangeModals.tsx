import { App, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { patch, post } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DatedUnitSelect } from '../../components/UnitSelect.tsx';
import { cityTodayPicked, isoDate } from '../../lib/forms.ts';
import { type ChangeUnitRequest, type CreateUnitRequest, type DissolveRequest, UNIT_KINDS, type Unit, type UnitKind } from '../../types.ts';

interface ModalProps { unit: Unit; open: boolean; onClose: () => void; onDone: (unit: Unit) => void }

/** Options of the unit kind select. */
export function useKindOptions() {
  const { t } = useTranslation();
  return UNIT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }));
}

const required = (t: (k: string) => string) => [{ required: true, message: t('common.required') }];

interface ChangeValues { name: string; shortName?: string; parentId?: number | null; effectiveOn: Dayjs; note?: string }

/** Rename and/or move a unit from an effective date (sends only what changed, with the version). */
export function ChangeUnitModal({ unit, open, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeValues>();
  useEffect(() => {
    if (open) form.setFieldsValue({ name: unit.name, shortName: unit.shortName ?? '', parentId: unit.parentId, effectiveOn: cityTodayPicked(), note: '' });
  }, [open, unit, form]);
  const submit = async (v: ChangeValues) => {
    const body: ChangeUnitRequest = { version: unit.version, effectiveOn: isoDate(v.effectiveOn) };
    if (v.name !== unit.name) body.name = v.name;
    if ((v.shortName || null) !== unit.shortName) body.shortName = v.shortName || null;
    if ((v.parentId ?? null) !== unit.parentId) body.parentId = v.parentId ?? null;
    if (v.note) body.note = v.note;
    const next = await patch<Unit>(`/org/units/${unit.id}`, body);
    message.success(t('unit.changeDone'));
    onDone(next);
  };
  return (
    <FormModal title={t('unit.rename')} open={open} onClose={onClose} onSubmit={submit} form={form} testId="unit-change" fields={['name', 'shortName', 'parentId', 'effectiveOn', 'note']}>
      <Form.Item name="name" label={t('unit.name')} rules={required(t)}><Input data-testid="unit-change-name" /></Form.Item>
      <Form.Item name="shortName" label={t('unit.shortName')}><Input /></Form.Item>
      <Form.Item name="parentId" label={t('unit.parent')}><DatedUnitSelect dateField="effectiveOn" testId="unit-change-parent" /></Form.Item>
      <Form.Item name="effectiveOn" label={t('unit.effectiveOn')} rules={required(t)}><DatePicker format="DD/MM/YYYY" data-testid="unit-change-effective" /></Form.Item>
      <Form.Item name="note" label={t('unit.note')}><Input.TextArea rows={2} /></Form.Item>
    </FormModal>
  );
}

/** Dissolve a unit from a date (the server refuses while it has sub-units or people). */
export function DissolveModal({ unit, open, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ effectiveOn: Dayjs; note?: string }>();
  useEffect(() => {
    if (open) form.setFieldsValue({ effectiveOn: cityTodayPicked(), note: '' });
  }, [open, form]);
  const submit = async (v: { effectiveOn: Dayjs; note?: string }) => {
    const next = await post<Unit>(`/org/units/${unit.id}/dissolve`, { version: unit.version, effectiveOn: isoDate(v.effectiveOn), note: v.note || null } satisfies DissolveRequest);
    message.success(t('unit.dissolveDone'));
    onDone(next);
  };
  return (
    <FormModal title={t('unit.dissolve')} open={open} onClose={onClose} onSubmit={submit} form={form} testId="unit-dissolve" fields={['effectiveOn', 'note']} okText={t('unit.dissolve')}>
      <Typography.Paragraph>{t('unit.dissolveConfirm', { name: unit.name })}</Typography.Paragraph>
      <Form.Item name="effectiveOn" label={t('unit.effectiveOn')} rules={required(t)}><DatePicker format="DD/MM/YYYY" data-testid="unit-dissolve-effective" /></Form.Item>
      <Form.Item name="note" label={t('unit.note')}><Input.TextArea rows={2} /></Form.Item>
    </FormModal>
  );
}

interface CreateValues { code: string; kind: UnitKind; name: string; shortName?: string; establishedOn: Dayjs }

/** Create a sub-unit under `unit`. */
export function CreateChildModal({ unit, open, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const kinds = useKindOptions();
  const [form] = Form.useForm<CreateValues>();
  useEffect(() => {
    if (open) form.setFieldsValue({ establishedOn: cityTodayPicked() });
  }, [open, form]);
  const submit = async (v: CreateValues) => {
    const next = await post<Unit>('/org/units', { code: v.code, kind: v.kind, name: v.name, shortName: v.shortName || null, parentId: unit.id, establishedOn: isoDate(v.establishedOn) } satisfies CreateUnitRequest);
    message.success(t('unit.createDone'));
    onDone(next);
  };
  return (
    <FormModal title={`${t('unit.createChild')} — ${unit.name}`} open={open} onClose={onClose} onSubmit={submit} form={form} testId="unit-create" fields={['code', 'kind', 'name', 'shortName', 'establishedOn']}>
      <Form.Item name="code" label={t('unit.code')} rules={required(t)}><Input data-testid="unit-create-code" /></Form.Item>
      <Form.Item name="kind" label={t('unit.kind')} rules={required(t)}><Select options={kinds} data-testid="unit-create-kind" /></Form.Item>
      <Form.Item name="name" label={t('unit.name')} rules={required(t)}><Input data-testid="unit-create-name" /></Form.Item>
      <Form.Item name="shortName" label={t('unit.shortName')}><Input /></Form.Item>
      <Form.Item name="establishedOn" label={t('unit.establishedOn')} rules={required(t)}><DatePicker format="DD/MM/YYYY" data-testid="unit-create-established" /></Form.Item>
    </FormModal>
  );
}

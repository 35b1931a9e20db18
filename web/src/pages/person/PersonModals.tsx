import { Alert, App, Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_LABELS } from '../../../../src/shared/i18n/messages.ts';
import { ApiError, patch, post } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { cityTodayPicked, isoDate } from '../../lib/forms.ts';
import { useLocale } from '../../lib/locale.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { type Category, type Gender, GENDERS, type PersonDetail, type PersonalData, type TransferRequest, type UpdatePersonRequest } from '../../types.ts';
import { EmploymentFields } from './CreatePersonModal.tsx';
import { fetchPersonalData } from './PersonalData.tsx';

interface Props { person: PersonDetail; open: boolean; onClose: () => void; onDone: (p: PersonDetail) => void; onReload: () => void }

/** The "someone else changed it" notice for a 409 VERSION_CONFLICT, naming the changed fields, with reload. */
function ConflictNotice({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT') return null;
  const fields = Array.isArray(error.details.fields) ? (error.details.fields as string[]) : [];
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="conflict-notice"
      title={t('person.conflictTitle')}
      description={fields.length ? t('person.conflictFields', { fields: fields.map((f) => FIELD_LABELS[locale][f] ?? f).join(', ') }) : undefined}
      action={<Button size="small" onClick={onReload} data-testid="conflict-reload">{t('person.conflictReload')}</Button>}
      style={{ marginBottom: 12 }}
    />
  );
}

interface EditValues { nationalId: string; fullName: string; gender?: Gender | null; birthDate?: Dayjs | null }

/**
 * Edits identity fields with the version the user saw; a conflict offers to reload. The page holds the CCCD
 * and birth date masked, so the form loads the full values (an audited read, or the ones the page already
 * revealed) and compares with those: a masked value is never sent back as a change.
 */
export function EditPersonModal({ person, revealed, open, onClose, onDone, onReload }: Props & { revealed: PersonalData | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [full, setFull] = useState<PersonalData | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    const fill = (d: PersonalData) => {
      if (!live) return;
      setFull(d);
      form.setFieldsValue({ nationalId: d.nationalId, birthDate: d.birthDate ? dayjs(d.birthDate) : null });
    };
    setFull(null);
    setLoadError(null);
    form.setFieldsValue({ nationalId: person.nationalId, fullName: person.fullName, gender: person.gender, birthDate: null });
    if (revealed?.id === person.id) fill(revealed);
    else if (person.actions.canRevealPersonalData) fetchPersonalData(person.id).then(fill, (e: unknown) => live && setLoadError(e));
    return () => { live = false; };
  }, [open, person, revealed, form]);
  const submit = async (v: EditValues) => {
    const body: UpdatePersonRequest = { version: person.version };
    // Without the full values (not loaded, or not allowed) the two fields are read-only and never sent.
    if (full && v.nationalId !== full.nationalId) body.nationalId = v.nationalId;
    if (v.fullName !== person.fullName) body.fullName = v.fullName;
    if ((v.gender ?? null) !== person.gender) body.gender = v.gender ?? null;
    const birth = isoDate(v.birthDate) ?? null;
    if (full && birth !== full.birthDate) body.birthDate = birth;
    const next = await patch<PersonDetail>(`/people/${person.id}`, body);
    message.success(t('person.editDone'));
    onDone(next);
  };
  const req = [{ required: true, message: t('common.required') }];
  return (
    <FormModal title={t('person.edit')} open={open} onClose={onClose} onSubmit={submit} form={form} testId="person-edit" fields={['nationalId', 'fullName', 'gender', 'birthDate']}
      extraError={(e) => <ConflictNotice error={e} onReload={() => { onReload(); onClose(); }} />}>
      <ErrorAlert error={loadError} testId="person-edit-load-error" />
      <Form.Item name="nationalId" label={t('person.nationalId')} rules={req} extra={full ? undefined : t('person.maskedHint')}><Input maxLength={12} disabled={!full} data-testid="person-edit-cccd" /></Form.Item>
      <Form.Item name="fullName" label={t('person.fullName')} rules={req}><Input data-testid="person-edit-name" /></Form.Item>
      <Form.Item name="gender" label={t('person.gender')}><Select allowClear options={GENDERS.map((g) => ({ value: g, label: t(`genders.${g}`) }))} /></Form.Item>
      <Form.Item name="birthDate" label={t('person.birthDate')}><DatePicker format="DD/MM/YYYY" disabled={!full} data-testid="person-edit-birth" /></Form.Item>
    </FormModal>
  );
}

interface TransferValues { unitId: number; position: string; category: Category; isLeader: boolean; fromDate: Dayjs }

/** Moves the person to another unit/position from a date (closes the current position). */
export function TransferModal({ person, open, onClose, onDone, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferValues>();
  const current = person.employments.find((e) => !e.toDate);
  useEffect(() => {
    if (open) form.setFieldsValue({ unitId: current?.unitId, position: current?.position, category: current?.category ?? 'civil_servant', isLeader: current?.isLeader ?? false, fromDate: cityTodayPicked() });
  }, [open, current, form]);
  const submit = async (v: TransferValues) => {
    const next = await post<PersonDetail>(`/people/${person.id}/transfers`, { version: person.version, unitId: v.unitId, position: v.position, category: v.category, isLeader: !!v.isLeader, fromDate: isoDate(v.fromDate) } satisfies TransferRequest);
    message.success(t('person.transferDone'));
    onDone(next);
  };
  return (
    <FormModal title={t('person.transfer')} open={open} onClose={onClose} onSubmit={submit} form={form} testId="person-transfer" fields={['unitId', 'position', 'category', 'isLeader', 'fromDate']}
      extraError={(e) => <ConflictNotice error={e} onReload={() => { onReload(); onClose(); }} />}>
      <EmploymentFields prefix="person-transfer" />
    </FormModal>
  );
}

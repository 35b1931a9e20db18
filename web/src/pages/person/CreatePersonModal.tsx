import { App, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DatedUnitSelect } from '../../components/UnitSelect.tsx';
import { cityTodayPicked, isoDate } from '../../lib/forms.ts';
import { CATEGORIES, type Category, type CreatePersonRequest, type Gender, GENDERS, type PersonDetail } from '../../types.ts';

interface Values {
  nationalId: string; fullName: string; gender?: Gender; birthDate?: Dayjs;
  unitId: number; position: string; category: Category; isLeader: boolean; fromDate: Dayjs;
}

/** Employment fields shared by "create person" and "transfer". */
export function EmploymentFields({ prefix }: { prefix: string }) {
  const { t } = useTranslation();
  const req = [{ required: true, message: t('common.required') }];
  return (
    <>
      <Form.Item name="unitId" label={t('person.unit')} rules={req}><DatedUnitSelect dateField="fromDate" testId={`${prefix}-unit`} /></Form.Item>
      <Form.Item name="position" label={t('person.position')} rules={req}><Input data-testid={`${prefix}-position`} /></Form.Item>
      <Form.Item name="category" label={t('person.category')} rules={req}>
        <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))} data-testid={`${prefix}-category`} />
      </Form.Item>
      <Form.Item name="isLeader" valuePropName="checked"><Checkbox data-testid={`${prefix}-leader`}>{t('person.isLeader')}</Checkbox></Form.Item>
      <Form.Item name="fromDate" label={t('person.fromDate')} rules={req}><DatePicker format="DD/MM/YYYY" data-testid={`${prefix}-from`} /></Form.Item>
    </>
  );
}

/** Creates a person with a first position. */
export function CreatePersonModal({ open, onClose, onDone, defaultUnitId }: { open: boolean; onClose: () => void; onDone: (id: number) => void; defaultUnitId?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.setFieldsValue({ unitId: defaultUnitId, category: 'civil_servant', isLeader: false, fromDate: cityTodayPicked() });
  }, [open, defaultUnitId, form]);
  const submit = async (v: Values) => {
    const created = await post<PersonDetail>('/people', {
      nationalId: v.nationalId, fullName: v.fullName, gender: v.gender ?? null, birthDate: isoDate(v.birthDate) ?? null,
      employment: { unitId: v.unitId, position: v.position, category: v.category, isLeader: !!v.isLeader, fromDate: isoDate(v.fromDate) },
    } satisfies CreatePersonRequest);
    message.success(t('person.createDone'));
    onDone(created.id);
  };
  const req = [{ required: true, message: t('common.required') }];
  return (
    <FormModal title={t('person.create')} open={open} onClose={onClose} onSubmit={submit} form={form} testId="person-create-form"
      fields={['nationalId', 'fullName', 'gender', 'birthDate', 'unitId', 'position', 'category', 'isLeader', 'fromDate', 'employment']}>
      <Form.Item name="nationalId" label={t('person.nationalId')} rules={req}><Input maxLength={12} data-testid="person-create-cccd" /></Form.Item>
      <Form.Item name="fullName" label={t('person.fullName')} rules={req}><Input data-testid="person-create-name" /></Form.Item>
      <Form.Item name="gender" label={t('person.gender')}>
        <Select allowClear options={GENDERS.map((g) => ({ value: g, label: t(`genders.${g}`) }))} data-testid="person-create-gender" />
      </Form.Item>
      <Form.Item name="birthDate" label={t('person.birthDate')}><DatePicker format="DD/MM/YYYY" data-testid="person-create-birth" /></Form.Item>
      <EmploymentFields prefix="person-create" />
    </FormModal>
  );
}

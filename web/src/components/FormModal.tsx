import { Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { markFieldErrors } from '../lib/forms.ts';
import { useLocale } from '../lib/locale.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

interface Props<V> {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** Sends the form; throws ApiError on failure (shown above the form and on the named fields). */
  onSubmit: (values: V) => Promise<void>;
  form: FormInstance<V>;
  fields: string[];
  initialValues?: Partial<V>;
  children: ReactNode;
  testId: string;
  width?: number;
  okText?: string;
  extraError?: (error: unknown) => ReactNode;
}

/** A modal with a vertical form, busy state, and API errors shown in the user's language next to the field. */
export function FormModal<V extends object>({ title, open, onClose, onSubmit, form, fields, initialValues, children, testId, width = 560, okText, extraError }: Props<V>) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      form.resetFields();
      onClose();
    } catch (e) {
      markFieldErrors(form, e, locale, fields);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={title}
      open={open}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onOk={submit}
      confirmLoading={busy}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': `${testId}-submit` } as ButtonProps}
      width={width}
      forceRender
    >
      <div data-testid={testId}>
        {error instanceof ApiError && error.code === 'VERSION_CONFLICT' && extraError ? null : <ErrorAlert error={error} testId={`${testId}-error`} />}
        {error && extraError ? extraError(error) : null}
        <Form form={form} layout="vertical" initialValues={initialValues} requiredMark="optional" onFinish={submit}>
          {children}
        </Form>
      </div>
    </Modal>
  );
}

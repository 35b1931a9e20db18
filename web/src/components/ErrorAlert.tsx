import { Alert } from 'antd';
import { messageOf } from '../api.ts';
import { useLocale } from '../lib/locale.tsx';

/** An API error as a localised alert (or nothing). */
export function ErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { locale } = useLocale();
  if (!error) return null;
  return <Alert data-testid={testId ?? 'error-alert'} type="error" showIcon title={messageOf(error, locale)} style={{ marginBottom: 12 }} />;
}

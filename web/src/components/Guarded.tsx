import { Button, Tooltip, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';

/** A button disabled (with the reason in a tooltip) when the user may not take the action. */
export function GuardedButton({ allowed, reason, ...props }: ButtonProps & { allowed: boolean; reason?: string }) {
  const { t } = useTranslation();
  if (allowed) return <Button {...props} />;
  return (
    <Tooltip title={reason ?? t('common.noPermission')}>
      <span style={{ display: 'inline-block' }}>
        <Button {...props} disabled style={{ ...props.style, pointerEvents: 'none' }} />
      </span>
    </Tooltip>
  );
}

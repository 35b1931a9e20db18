import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  city_committee: 'red', department: 'geekblue', commune: 'green', ward: 'cyan', district: 'orange',
  public_service_unit: 'purple', enterprise: 'gold', mass_organisation: 'magenta', party_body: 'volcano', other: 'default',
};

/** A coloured tag with the unit kind label. */
export function UnitKindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>{t(`kinds.${kind}`, { defaultValue: kind })}</Tag>;
}

import { Form, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cityToday } from '../lib/clock.ts';
import { isoDate } from '../lib/forms.ts';
import { buildTree, foldFilter, toSelectData, useOrgTree } from '../lib/orgTree.ts';

interface Props {
  value?: number | number[] | null;
  onChange?: (v: number | number[] | undefined) => void;
  multiple?: boolean;
  asOf?: string;
  allowClear?: boolean;
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
  status?: 'error';
}

/** A searchable (accent-insensitive) tree of the units in the user's scope, as of a date. */
export function UnitSelect({ value, onChange, multiple, asOf, allowClear = true, placeholder, testId, style, status }: Props) {
  const { t } = useTranslation();
  const { data, isLoading } = useOrgTree(asOf ?? cityToday());
  const treeData = useMemo(() => toSelectData(buildTree(data?.units ?? [])), [data]);
  return (
    <TreeSelect
      data-testid={testId}
      style={{ minWidth: 260, ...style }}
      loading={isLoading}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v as number | number[] | undefined)}
      multiple={multiple}
      treeData={treeData}
      showSearch={{ filterTreeNode: (input, node) => foldFilter(input, node.title) }}
      allowClear={allowClear}
      placeholder={placeholder ?? t('people.unitPlaceholder')}
      treeDefaultExpandedKeys={treeData.map((n) => n.value)}
      popupMatchSelectWidth={false}
      status={status}
    />
  );
}

/**
 * The unit picker of a form with a date: the tree as it stands on the date the form holds in `dateField` (a
 * transfer's "from", a change's "effective on"), so a unit dissolved by then is not offered and one that existed
 * then is, even if it is gone today (issue 12 review). Until a date is picked, today's tree.
 */
export function DatedUnitSelect({ dateField, ...props }: Omit<Props, 'asOf'> & { dateField: string }) {
  const form = Form.useFormInstance();
  const day = Form.useWatch<{ format: (f: string) => string } | undefined>(dateField, form);
  return <UnitSelect {...props} asOf={isoDate(day)} />;
}

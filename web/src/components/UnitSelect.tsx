import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cityToday } from '../lib/clock.ts';
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

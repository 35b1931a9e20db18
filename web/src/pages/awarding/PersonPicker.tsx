import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../api.ts';
import type { SearchResponse } from '../../types.ts';

interface Props {
  value?: number | null;
  onChange?: (v: number | undefined) => void;
  testId?: string;
}

/** A person found by name or CCCD (accent-insensitive, in the user's scope), shown with their unit. */
export function PersonPicker({ value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: ['person-picker', q], queryFn: () => get<SearchResponse>('/people', { q, limit: 20 }), enabled: q.trim().length >= 2 });
  return (
    <Select
      data-testid={testId}
      style={{ minWidth: 280 }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v)}
      placeholder={t('awarding.pickPerson')}
      loading={found.isLoading && q.length >= 2}
      options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: p.currentUnitName ? `${p.fullName} — ${p.currentUnitName}` : p.fullName }))}
      notFoundContent={null}
    />
  );
}

import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { get } from '../../api.ts';
import type { DossierReceivers } from '../../types.ts';

/** The levels a dossier from `fromUnitId` may go to: the unit itself and the units above it (nearest first). */
export function LevelSelect({ fromUnitId, above, value, onChange, testId }: { fromUnitId?: number; above?: boolean; value?: number; onChange?: (v: number) => void; testId?: string }) {
  const levels = useQuery({ queryKey: ['dossier-levels', fromUnitId], queryFn: () => get<DossierReceivers>('/dossiers/receivers', { senderUnitId: fromUnitId }), enabled: Boolean(fromUnitId) });
  const units = (levels.data?.units ?? []).filter((u) => !above || u.id !== fromUnitId);
  return <Select data-testid={testId} style={{ width: '100%' }} value={value} onChange={onChange} loading={levels.isLoading && Boolean(fromUnitId)} options={units.map((u) => ({ value: u.id, label: u.name }))} />;
}

import { App, Button, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, messageOf } from '../../api.ts';
import { useLocale } from '../../lib/locale.tsx';
import type { PersonDetail, PersonalData } from '../../types.ts';

/** Loads one person's full CCCD and birth date (the server records the read in the audit log). */
export const fetchPersonalData = (personId: number) => get<PersonalData>(`/people/${personId}/personal-data`);

/**
 * The person page's full CCCD and birth date: masked until a user who may see them presses "Hiện";
 * each press is one audited read. Forgotten when the person changes (another id or a new version).
 */
export function usePersonalData(person: PersonDetail | undefined) {
  const { message } = App.useApp();
  const { locale } = useLocale();
  const [revealed, setRevealed] = useState<PersonalData | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setRevealed(null), [person?.id, person?.version]);
  const reveal = async () => {
    if (!person) return;
    setBusy(true);
    try {
      setRevealed(await fetchPersonalData(person.id));
    } catch (e) {
      message.error(messageOf(e, locale));
    } finally {
      setBusy(false);
    }
  };
  return { revealed, busy, reveal, hide: () => setRevealed(null) };
}

/** The CCCD cell: the number shown (masked or full) with "Hiện"/"Ẩn" for those who may see it. */
export function NationalIdCell({ person, state }: { person: PersonDetail; state: ReturnType<typeof usePersonalData> }) {
  const { t } = useTranslation();
  const value = state.revealed?.nationalId ?? person.nationalId;
  return (
    <Space size={4}>
      <Tooltip title={state.revealed ? undefined : t('person.maskedHint')}>
        <span data-testid="person-cccd">{value}</span>
      </Tooltip>
      {!person.actions.canRevealPersonalData ? null : state.revealed ? (
        <Button size="small" type="link" onClick={state.hide} data-testid="person-hide">{t('person.hide')}</Button>
      ) : (
        <Tooltip title={t('person.revealHint')}>
          <Button size="small" type="link" loading={state.busy} onClick={() => void state.reveal()} data-testid="person-reveal">{t('person.reveal')}</Button>
        </Tooltip>
      )}
    </Space>
  );
}

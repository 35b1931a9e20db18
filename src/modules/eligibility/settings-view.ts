/** The settings of the law as the settings page shows them: each with who changed it last, by name. */
import type { Queryable } from '../../server/db.ts';
import { usernamesOf } from '../auth/users.ts';
import { type StoredSetting, listSettings } from '../catalogue/settings-repo.ts';

export type SettingView = Omit<StoredSetting, 'updatedById'> & { updatedBy: string | null };

/** Every setting with its value and the username of its last editor (catalogue keeps the id, auth the names). */
export async function settingsView(q: Queryable): Promise<SettingView[]> {
  const settings = await listSettings(q);
  const names = await usernamesOf(q, [...new Set(settings.flatMap((s) => (s.updatedById === null ? [] : [s.updatedById])))]);
  return settings.map(({ updatedById, ...s }) => ({ ...s, updatedBy: updatedById === null ? null : (names.get(updatedById) ?? null) }));
}

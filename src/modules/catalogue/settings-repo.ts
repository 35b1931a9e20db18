/** Stored settings: overrides of the defaults in settings.ts, each change audited with before and after. */
import type { Actor } from '../audit/audit.ts';
import { audit } from '../audit/audit.ts';
import type { Db, Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { SETTING_DEFS, type SettingDef, type SettingValue, type Settings, defaultSettings, settingValueProblem } from './settings.ts';

export interface StoredSetting extends SettingDef {
  value: SettingValue;
  version: number;
  updatedAt: string | null;
  /** The account that changed it last (auth owns accounts: the caller puts a name to it). */
  updatedById: number | null;
}

interface Row {
  key: string;
  value: SettingValue;
  version: number;
  updated_at: string | Date;
  updated_by: number | null;
}

async function rows(q: Queryable): Promise<Map<string, Row>> {
  const list = await q.query<Row>('select key, value, version, updated_at, updated_by from catalogue_setting');
  return new Map(list.map((r) => [r.key, r]));
}

/** Every setting with its current value (stored, else default). */
export async function listSettings(q: Queryable): Promise<StoredSetting[]> {
  const stored = await rows(q);
  return SETTING_DEFS.map((def) => {
    const r = stored.get(def.key);
    const updatedAt = r ? new Date(r.updated_at).toISOString() : null;
    return { ...def, value: r ? r.value : def.defaultValue, version: r?.version ?? 0, updatedAt, updatedById: r?.updated_by ?? null };
  });
}

/** The current values, as the engine takes them. */
export async function currentSettings(q: Queryable): Promise<Settings> {
  const stored = await rows(q);
  const out = defaultSettings();
  for (const [key, r] of stored) if (key in out) out[key] = r.value;
  return out;
}

/**
 * Changes one setting. `version` is the one the caller read (0 for a never-changed setting).
 * @throws AppError NOT_FOUND (unknown key) | VALIDATION_FAILED | VERSION_CONFLICT
 */
export async function updateSetting(q: Db, actor: Actor, key: string, value: unknown, version: number): Promise<void> {
  const def = SETTING_DEFS.find((d) => d.key === key);
  if (!def) throw new AppError('NOT_FOUND', { key });
  const problem = settingValueProblem(def, value);
  if (problem) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'value', rule: problem, params: { min: def.min, max: def.max, options: def.options } }] });
  await q.tx(async (t) => {
    const [current] = await t.query<Row>('select key, value, version from catalogue_setting where key = $1 for update', [key]);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== version) throw new AppError('VERSION_CONFLICT', { currentVersion, yourVersion: version, fields: ['value'], changes: [] });
    const before = current ? current.value : def.defaultValue;
    if (current) await t.query('update catalogue_setting set value = $2::jsonb, version = version + 1, updated_by = $3, updated_at = now() where key = $1', [key, JSON.stringify(value), actor.id]);
    else await t.query('insert into catalogue_setting (key, value, version, updated_by) values ($1, $2::jsonb, 1, $3)', [key, JSON.stringify(value), actor.id]);
    await audit(t, actor, [{ action: 'setting.update', entity: 'catalogue_setting', entityId: null, before: { key, value: before }, after: { key, value } }]);
  });
}

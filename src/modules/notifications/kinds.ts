import type { Locale } from '../../shared/i18n/messages.ts';

/**
 * The kinds of notification and their texts, declared by the modules that send them (at module load):
 * `{param}` placeholders are filled from the notification's params when it is read, in the reader's language.
 * @example defineNotificationKind('dossier.returned', { vi: 'Hồ sơ {code} bị trả lại: {reason}', en: 'Dossier {code} was returned: {reason}' });
 */
export type NotificationTexts = Record<Locale, string>;
export type NotificationParams = Record<string, string | number | null>;

const kinds = new Map<string, NotificationTexts>();

export function defineNotificationKind(kind: string, texts: NotificationTexts): void {
  const known = kinds.get(kind);
  if (known && (known.vi !== texts.vi || known.en !== texts.en)) throw new Error(`Notification kind ${kind} is defined twice with different texts`);
  kinds.set(kind, { vi: texts.vi.normalize('NFC'), en: texts.en });
}

export const isNotificationKind = (kind: string): boolean => kinds.has(kind);

/** The text of a notification; a kind no longer declared shows its name and params rather than nothing. */
export function renderNotification(kind: string, params: NotificationParams, locale: Locale): string {
  const texts = kinds.get(kind);
  if (!texts) return `${kind} ${JSON.stringify(params)}`;
  return texts[locale].replace(/\{(\w+)\}/g, (_, k: string) => (params[k] == null ? '' : String(params[k])));
}

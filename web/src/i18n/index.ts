import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../src/shared/i18n/messages.ts';
import { en } from './en.ts';
import { vi } from './vi.ts';

const STORAGE_KEY = 'vinhdanh.locale';

/** The locale chosen last on this browser, Vietnamese by default. */
export function storedLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };

import dayjs from 'dayjs';
import 'dayjs/locale/vi.js';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../../src/shared/i18n/messages.ts';
import { put, setApiLocale } from '../api.ts';
import { i18n, rememberLocale, storedLocale } from '../i18n/index.ts';
import type { LocaleRequest } from '../types.ts';

interface LocaleState { locale: Locale; setLocale: (l: Locale, opts?: { persist?: boolean }) => void }
const LocaleContext = createContext<LocaleState>({ locale: 'vi', setLocale: () => {} });

function apply(locale: Locale) {
  setApiLocale(locale);
  rememberLocale(locale);
  dayjs.locale(locale === 'vi' ? 'vi' : 'en');
  document.documentElement.lang = locale;
  void i18n.changeLanguage(locale);
}

/** Holds the UI language; switching persists it in localStorage and (when signed in) on the account. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => {
    const l = storedLocale();
    apply(l);
    return l;
  });
  const setLocale = useCallback((l: Locale, opts: { persist?: boolean } = {}) => {
    apply(l);
    setState(l);
    if (opts.persist) put('/auth/locale', { locale: l } satisfies LocaleRequest).catch(() => {});
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export const useLocale = () => useContext(LocaleContext);

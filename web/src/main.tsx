import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import type { Locale as AntLocale } from 'antd/es/locale/index.js';
import * as enNS from 'antd/es/locale/en_US.js';
import * as viNS from 'antd/es/locale/vi_VN.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './App.tsx';
import './i18n/index.ts';
import { LocaleProvider, useLocale } from './lib/locale.tsx';
import './styles.css';

// antd ships CommonJS-typed locale files; unwrap the default export whichever way it arrives.
const unwrap = (m: unknown): AntLocale => ((m as { default?: { default?: AntLocale } }).default?.default ?? (m as { default?: AntLocale }).default ?? m) as AntLocale;
const ANT_LOCALES = { vi: unwrap(viNS), en: unwrap(enNS) };

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } });

function Themed() {
  const { locale } = useLocale();
  return (
    <ConfigProvider
      locale={ANT_LOCALES[locale]}
      theme={{
        algorithm: theme.compactAlgorithm,
        token: { fontFamily: "'Be Vietnam Pro', system-ui, sans-serif", colorPrimary: '#1d4f91', borderRadius: 4, fontSize: 13 },
      }}
    >
      <AntApp>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <Themed />
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);

import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, languageFromTag, type English, type Language } from '../../shared/i18n';
import type { Message } from '../../shared/errors';
import type { Settings } from '../../shared/features/workspace/schema';

/**
 * i18next's `t` (and react-i18next's `useTranslation().t`) take only keys of the English catalogue: a misspelt or
 * missing key, or a key built from a value outside its union (`cases.status.${status}`), is a compile error.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: English };
    returnNull: false;
    // Checked even where a call gives a defaultValue: no key escapes the compiler.
    strictKeyChecks: true;
  }
}

export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: catalogues.en }, de: { translation: catalogues.de } },
    lng: systemLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}

export function systemLanguage(): Language {
  return languageFromTag(navigator.languages?.[0] ?? navigator.language);
}

export const resolveLanguage = (setting: Settings['language']): Language =>
  setting === 'system' ? systemLanguage() : setting;

/** Translates a message that crossed the boundary (a key with parameters). */
export function translateMessage(t: TFunction, m: Message | undefined, fallback = ''): string {
  if (!m) return fallback;
  return t(m.key, { ...(m.params ?? {}), defaultValue: fallback || m.key });
}

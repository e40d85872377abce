import { useMemo } from 'react';
import { useLanguage } from '../../app/language';

/**
 * ISO 639 codes offered in pickers: the languages of the partner countries advisors work with most.
 * Codes already stored on a person stay selectable even when they are not in this list.
 */
export const commonLanguageCodes = [
  'af', 'am', 'ar', 'az', 'be', 'bg', 'bn', 'bs', 'ca', 'cs', 'cy', 'da', 'de', 'el', 'en', 'es', 'et', 'eu', 'fa', 'fi', 'fil', 'fr',
  'ga', 'gl', 'gu', 'ha', 'he', 'hi', 'hr', 'hu', 'hy', 'id', 'ig', 'is', 'it', 'ja', 'ka', 'kk', 'km', 'kn', 'ko', 'ky', 'lb', 'lo',
  'lt', 'lv', 'mg', 'mk', 'ml', 'mn', 'mr', 'ms', 'mt', 'my', 'nb', 'ne', 'nl', 'pa', 'pl', 'ps', 'pt', 'qu', 'ro', 'ru', 'rw', 'si',
  'sk', 'sl', 'so', 'sq', 'sr', 'sv', 'sw', 'ta', 'te', 'tg', 'th', 'tk', 'tr', 'uk', 'ur', 'uz', 'vi', 'wo', 'xh', 'yo', 'zh', 'zu',
] as const;

/**
 * Language names in the UI language ("sw" → "Swahili" / "Suaheli"); unknown codes show as typed.
 * The Intl.DisplayNames (tens of milliseconds to load its data) is made on the first name asked for,
 * not when the people list mounts: the list shows names only in a column that is off by default.
 */
export function useLanguageNames(): (code: string) => string {
  const lang = useLanguage();
  return useMemo(() => {
    let names: Intl.DisplayNames | null | undefined;
    return (code: string) => {
      if (names === undefined) {
        try {
          names = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
        } catch {
          names = null;
        }
      }
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [lang]);
}

/** Options for a language MultiSelect, sorted by name, keeping any extra codes a record holds. */
export function useLanguageOptions(extra: readonly string[] = []): Array<{ value: string; label: string }> {
  const nameOf = useLanguageNames();
  const lang = useLanguage();
  const extraKey = extra.join(',');
  return useMemo(() => {
    const codes = new Set<string>([...commonLanguageCodes, ...(extraKey ? extraKey.split(',') : [])]);
    const collator = new Intl.Collator(lang);
    return [...codes].map((code) => ({ value: code, label: `${nameOf(code)} (${code})` })).sort((a, b) => collator.compare(a.label, b.label));
  }, [nameOf, lang, extraKey]);
}

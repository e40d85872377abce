import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import type { Language } from '../../i18n/languages';

countries.registerLocale(de);
countries.registerLocale(en);

const codes: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();
const known = new Set(codes);

export const allCountryCodes = (): readonly string[] => codes;

export const isKnownCountry = (code: string): boolean => known.has(code);

/** Official short name in the given language; falls back to the code for unknown input. */
export function countryName(code: string, lang: Language): string {
  return countries.getName(code, lang, { select: 'official' }) ?? code;
}

export interface CountryOption {
  code: string;
  name: string;
}

/** Options for a picker, sorted by name in the given language. */
export function countryOptions(lang: Language): CountryOption[] {
  const collator = new Intl.Collator(lang);
  return codes
    .map((code) => ({ code, name: countryName(code, lang) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

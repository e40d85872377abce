export const languages = ['en', 'de'] as const;
export type Language = (typeof languages)[number];

export const isLanguage = (v: unknown): v is Language => v === 'en' || v === 'de';

/** Picks a supported language from a BCP 47 tag such as "de-AT"; English otherwise. */
export function languageFromTag(tag: string | undefined | null): Language {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : 'en';
}

import { de } from './de';
import { en, type Catalogue } from './en';
import type { Language } from './languages';

export { languages, isLanguage, languageFromTag, type Language } from './languages';
export type { Catalogue };

export const catalogues: Record<Language, Catalogue> = { en, de };

/**
 * A minimal translator over the shared catalogues for code that has no i18next instance
 * (the PDF documents); `{{name}}` placeholders are filled from params.
 */
export function translator(lang: Language) {
  const cat = catalogues[lang] as unknown as Record<string, unknown>;
  return (key: string, params: Record<string, string | number> = {}): string => {
    let node: unknown = cat;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    const template = typeof node === 'string' ? node : key;
    return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

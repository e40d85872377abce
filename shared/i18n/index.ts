import type { Widen } from './area';
import { areas } from './areas';
import { de as deCore } from './de';
import { en as enCore } from './en';
import type { Language } from './languages';

export { languages, isLanguage, languageFromTag, type Language } from './languages';

type Areas = typeof areas;
type AreaStrings<L extends 'en' | 'de'> = { [K in keyof Areas]: Areas[K] extends { en: unknown; de: unknown } ? Areas[K][L] : never };

export type Catalogue = Widen<typeof enCore> & Widen<AreaStrings<'en'>>;

function compose(lang: Language): Catalogue {
  const core = lang === 'en' ? enCore : deCore;
  const parts = Object.fromEntries(Object.entries(areas).map(([name, area]) => [name, (area as Record<Language, unknown>)[lang]]));
  return { ...core, ...parts } as Catalogue;
}

export const catalogues: Record<Language, Catalogue> = { en: compose('en'), de: compose('de') };

/**
 * A minimal translator over the shared catalogues for code that has no i18next instance
 * (the PDF documents); `{{name}}` placeholders are filled from params. `{{name, number}}` is
 * understood as i18next understands it, so a catalogue string reads the same in the app and on paper.
 */
export function translator(lang: Language) {
  const cat = catalogues[lang] as unknown as Record<string, unknown>;
  const numbers = new Intl.NumberFormat(lang);
  return (key: string, params: Record<string, string | number> = {}): string => {
    let node: unknown = cat;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    const template = typeof node === 'string' ? node : key;
    return template.replace(/\{\{(\w+)(, *number)?\}\}/g, (whole, name: string, asNumber?: string) => {
      if (!(name in params)) return whole;
      const value = params[name]!;
      return asNumber && typeof value === 'number' ? numbers.format(value) : String(value);
    });
  };
}

import { strings as archive } from '../features/archive/strings';
import { strings as cases } from '../features/cases/strings';
import { strings as contacts } from '../features/contacts/strings';
import { strings as cooperations } from '../features/cooperations/strings';
import { strings as countries } from '../features/countries/strings';
import { strings as dashboard } from '../features/dashboard/strings';
import { strings as imports } from '../features/imports/strings';
import { strings as exportsStrings } from '../features/exports/strings';
import { strings as reports } from '../features/exports/report-strings';
import { strings as matchmaking } from '../features/matchmaking/strings';
import { strings as groups } from '../features/groups/strings';
import { strings as notes } from '../features/notes/strings';
import { strings as organisations } from '../features/organisations/strings';
import { strings as programmes } from '../features/programmes/strings';
import { strings as priorities } from '../features/priorities/strings';
import { strings as myWork } from '../features/myWork/strings';
import { strings as search } from '../features/search/strings';
import { strings as team } from '../features/team/strings';
import { strings as trips } from '../features/trips/strings';
import { strings as views } from '../features/views/strings';
import { strings as workspace } from '../features/workspace/strings';
import type { Widen } from './define';
import { de as deCore } from './de';
import { en as enCore } from './en';
import type { Language } from './languages';

export { languages, isLanguage, languageFromTag, type Language } from './languages';

/**
 * Where every string comes from: the app-wide core here, and each feature's strings.ts beside its schema and
 * contract. Each source holds whole top-level groups ("cases", "tasks", "timeline" for cases); no group is in two.
 */
export const sources = {
  core: { en: enCore, de: deCore },
  workspace,
  cases,
  organisations,
  contacts,
  notes,
  views,
  countries,
  dashboard,
  trips,
  cooperations,
  programmes,
  priorities,
  myWork,
  groups,
  search,
  imports,
  archive,
  exports: exportsStrings,
  reports,
  matchmaking,
  team,
} as const;

type Sources = typeof sources;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The English catalogue: every source's groups side by side. German has the same shape (`Widen`). */
export type English = UnionToIntersection<Sources[keyof Sources]['en']>;
export type Catalogue = Widen<English>;

function compose(lang: Language): Catalogue {
  return Object.assign({}, ...Object.values(sources).map((source) => source[lang])) as Catalogue;
}

export const catalogues: Record<Language, Catalogue> = { en: compose('en'), de: compose('de') };

/** Every string of the catalogue by its dotted path, plural forms included ("contacts.count_other"). */
type Leaves<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];
export type CatalogueKey = Leaves<English>;

/** i18next's plural suffixes; a key with them is asked for by its base and a `count` ("contacts.count"). */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type PluralBase<K> = K extends `${infer Base}_${PluralSuffix}` ? Base : never;

/**
 * A key the app may translate: every string's path, and the base of every plural ("impact.collections.cases" with
 * a count). A misspelt or missing key is a compile error wherever this type is asked for: i18next's `t` in the
 * renderer (shared/i18n/i18next.d.ts), the translator below, and every message that crosses the boundary.
 */
export type TranslationKey = CatalogueKey | PluralBase<CatalogueKey>;

/**
 * Keys built from data rather than from a typed value: the delete dialog's lines (one per collection a delete removes
 * from, one per reference it clears) and a refused delete's message. A reference's field is a plain string in the
 * reference table, so the compiler cannot see these; tests/unit/i18n.test.ts proves that every collection and every
 * reference of the table has its key, in both languages.
 */
export const dataKeys = {
  removes: (collection: string) => `impact.collections.${collection}` as TranslationKey,
  unlinks: (collection: string, field: string) => `impact.fields.${collection}.${field}` as TranslationKey,
  refused: (collection: string, field: string) => `errors.referenced.${collection}.${field}` as TranslationKey,
};

/**
 * A minimal translator over the shared catalogues for code that has no i18next instance
 * (the PDF documents, the calendar, the Electron menu); `{{name}}` placeholders are filled from params.
 * `{{name, number}}` is understood as i18next understands it, and so is a plural asked for by its base with
 * a `count`, so a catalogue string reads the same in the app and on paper.
 */
export function translator(lang: Language) {
  const cat = catalogues[lang] as unknown as Record<string, unknown>;
  const numbers = new Intl.NumberFormat(lang);
  const plurals = new Intl.PluralRules(lang);
  const lookup = (key: string): string | undefined => {
    let node: unknown = cat;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    return typeof node === 'string' ? node : undefined;
  };
  return (key: TranslationKey, params: Record<string, string | number> = {}): string => {
    const count = params['count'];
    const plural = typeof count === 'number' ? (lookup(`${key}_${plurals.select(count)}`) ?? lookup(`${key}_other`)) : undefined;
    const template = plural ?? lookup(key) ?? key;
    return template.replace(/\{\{(\w+)(, *number)?\}\}/g, (whole, name: string, asNumber?: string) => {
      if (!(name in params)) return whole;
      const value = params[name]!;
      return asNumber && typeof value === 'number' ? numbers.format(value) : String(value);
    });
  };
}

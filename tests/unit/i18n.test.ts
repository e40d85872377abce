import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { references } from '../../electron/backend/records/references';
import { operationNames } from '../../shared/contract';
import { collectionNames } from '../../shared/schemas/database';
import { catalogues, translator, type TranslationKey } from '../../shared/i18n';

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('catalogues', () => {
  const en = keys(catalogues.en as unknown as Tree).sort();
  const de = keys(catalogues.de as unknown as Tree).sort();

  it('German and English have the same keys and no empty strings', () => {
    expect(de).toEqual(en);
    for (const lang of ['en', 'de'] as const) {
      const t = translator(lang);
      for (const k of en) expect(t(k as TranslationKey).trim(), `${lang}:${k}`).not.toBe('');
    }
  });

  it('every message key the code uses literally exists in the catalogues', () => {
    const known = new Set(en.map((k) => k.replace(/_(one|other)$/, '')));
    const used = new Set<string>();
    const files = [...sources('shared'), ...sources('electron'), ...sources('renderer')];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/['"`]((?:validation|errors|cases|common|nav|settings|welcome|recovery|shortcuts|pdf|app)\.[A-Za-z0-9_.]+)(?:\|[^'"`]*)?['"`]/g)) {
        used.add(m[1]!);
      }
    }
    const operations = new Set<string>(operationNames);
    const missing = [...used].filter((k) => !known.has(k) && !operations.has(k) && !k.endsWith('.'));
    expect(missing).toEqual([]);
  });

  it('a delete dialog can name every collection it removes from and every reference it clears, in both languages', () => {
    const wanted = [
      ...collectionNames.flatMap((c) => [`impact.collections.${c}_one`, `impact.collections.${c}_other`]),
      ...references.filter((r) => r.onDelete === 'unlink').flatMap((r) => [`impact.fields.${r.from}.${r.field}_one`, `impact.fields.${r.from}.${r.field}_other`]),
      ...references.filter((r) => r.onDelete === 'restrict').map((r) => `errors.referenced.${r.from}.${r.field}`),
    ];
    expect(wanted.filter((k) => !en.includes(k))).toEqual([]);
    expect(translator('de')('impact.fields.agendaItems.counterpartIds_other', { count: 2 })).toBe('2 Programmpunkte verlieren diesen Gesprächspartner');
  });
});

describe('list counts', () => {
  // The count above every list ("12,345 people"); the lists are windowed, so counts this large are real.
  const countKeys: TranslationKey[] = ['lists.count', 'cases.count', 'contacts.count', 'organisations.count', 'notes.count', 'trips.count', 'countries.count'];

  it('group thousands as each language writes them', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: catalogues.en }, de: { translation: catalogues.de } }, lng: 'en', interpolation: { escapeValue: false } });
    for (const key of countKeys) {
      expect(i18n.t(key, { count: 12345, lng: 'en' }), `en:${key}`).toMatch(/^12,345 \S/);
      expect(i18n.t(key, { count: 12345, lng: 'de' }), `de:${key}`).toMatch(/^12\.345 \S/);
    }
    expect(i18n.t('contacts.count', { count: 12345, lng: 'en' })).toBe('12,345 people');
    expect(i18n.t('contacts.count', { count: 1, lng: 'en' })).toBe('1 person');
    expect(i18n.t('cases.count', { count: 1234567, lng: 'de' })).toBe('1.234.567 Vorgänge');
    expect(i18n.t('organisations.count', { count: 12345, lng: 'de' })).toBe('12.345 Organisationen');
  });

  it('read the same through the translator the PDFs use', () => {
    expect(translator('en')('contacts.count_other', { count: 12345 })).toBe('12,345 people');
    expect(translator('de')('contacts.count_other', { count: 12345 })).toBe('12.345 Personen');
    expect(translator('de')('contacts.count_other', {})).toBe('{{count, number}} Personen');
  });
});

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { references } from '../../electron/backend/records/references';
import { operationNames } from '../../shared/contract';
import { collectionNames } from '../../shared/schemas/database';
import { catalogues, dataKeys, sources, translator, type TranslationKey } from '../../shared/i18n';

type Tree = { [k: string]: string | Tree };
const entries = (t: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : entries(v, `${prefix}${k}.`)));

/** The `{{…}}` placeholders of a string, as i18next reads them ("{{count, number}}" → "count, number"). */
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]!.replace(/\s*,\s*/g, ', ')).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const en = new Map(entries(catalogues.en as unknown as Tree));
const de = new Map(entries(catalogues.de as unknown as Tree));
const groups = Object.keys(catalogues.en).sort();

describe('catalogues', () => {
  it('are assembled from sources that each own whole groups, no group in two', () => {
    const owned = Object.entries(sources).flatMap(([name, s]) => Object.keys(s.en).map((group) => `${group}:${name}`));
    const byGroup = new Map<string, string[]>();
    for (const o of owned) {
      const [group, source] = o.split(':') as [string, string];
      byGroup.set(group, [...(byGroup.get(group) ?? []), source]);
    }
    expect([...byGroup].filter(([, s]) => s.length > 1)).toEqual([]);
    expect([...byGroup.keys()].sort()).toEqual(groups);
    for (const [name, s] of Object.entries(sources)) expect(Object.keys(s.de).sort(), name).toEqual(Object.keys(s.en).sort());
    // Every feature's strings and the app-wide core: 24 groups today (the 23 of before and the menu).
    expect(groups.length).toBeGreaterThanOrEqual(24);
  });

  it.each(groups)('%s: German and English have the same keys, no empty strings, the same placeholders', (group) => {
    const inGroup = (m: Map<string, string>) => [...m.keys()].filter((k) => k.startsWith(`${group}.`)).sort();
    const enKeys = inGroup(en);
    expect(enKeys.length).toBeGreaterThan(0);
    expect(inGroup(de)).toEqual(enKeys);
    for (const k of enKeys) {
      expect(en.get(k)!.trim(), `en:${k}`).not.toBe('');
      expect(de.get(k)!.trim(), `de:${k}`).not.toBe('');
      expect(placeholders(de.get(k)!), `placeholders of ${k}`).toEqual(placeholders(en.get(k)!));
    }
  });

  it('every plural has its "other" form, which i18next falls back to', () => {
    const bases = [...en.keys()].filter((k) => /_(zero|one|two|few|many)$/.test(k)).map((k) => k.replace(/_[a-z]+$/, ''));
    expect(bases.length).toBeGreaterThan(0);
    expect(bases.filter((b) => !en.has(`${b}_other`) || !de.has(`${b}_other`))).toEqual([]);
  });

  it('every key the code writes literally exists (schema messages and backend errors included)', () => {
    const known = new Set([...en.keys()].flatMap((k) => [k, k.replace(/_(zero|one|two|few|many|other)$/, '')]));
    const operations = new Set<string>(operationNames);
    const group = groups.join('|');
    // A key's segments are names ("cases.fields.title"); a field path such as 'countries.1' is not a key.
    const literal = new RegExp(`['"\`]((?:${group})(?:\\.[A-Za-z][A-Za-z0-9_]*)+)(?:\\|[^'"\`]*)?['"\`]`, 'g');
    const prefix = new RegExp(`\\bt\\(\`((?:${group})\\.[A-Za-z0-9_.]*)\\$\\{`, 'g');
    const used = new Set<string>();
    const prefixes = new Set<string>();
    const files = [...sourceFiles('shared'), ...sourceFiles('electron'), ...sourceFiles('renderer')].filter((f) => !f.startsWith(join('shared', 'i18n')) && !f.endsWith('strings.ts'));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(literal)) used.add(m[1]!);
      for (const m of text.matchAll(prefix)) prefixes.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(300);
    expect([...used].filter((k) => !known.has(k) && !operations.has(k) && !k.endsWith('.'))).toEqual([]);
    // A key built from a value (`cases.status.${status}`) starts in a subtree that exists; the compiler checks the rest.
    expect(prefixes.size).toBeGreaterThan(20);
    expect([...prefixes].filter((p) => ![...known].some((k) => k.startsWith(p)))).toEqual([]);
  });

  it('a delete or erase dialog can name every collection it removes from and every reference it clears, in both languages', () => {
    const t = { en: translator('en'), de: translator('de') };
    const wanted = [
      ...collectionNames.map((c) => dataKeys.removes(c)),
      // An erasure clears restricted references too (a delegation member).
      ...references.filter((r) => r.onDelete !== 'cascade').map((r) => dataKeys.unlinks(r.from, r.field)),
    ];
    for (const key of wanted) {
      for (const lang of ['en', 'de'] as const) {
        expect(en.has(`${key}_one`) && en.has(`${key}_other`), key).toBe(true);
        expect(t[lang](key, { count: 2 }), `${lang}:${key}`).not.toBe(key);
      }
    }
    const refused = references.filter((r) => r.onDelete === 'restrict').map((r) => dataKeys.refused(r.from, r.field));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.filter((k) => !en.has(k) || !de.has(k))).toEqual([]);
    expect(translator('de')('impact.fields.agendaItems.counterpartIds_other', { count: 2 })).toBe('2 Programmpunkte verlieren diesen Gesprächspartner');
    expect(translator('de')('impact.fields.agendaItems.counterpartIds', { count: 2 })).toBe('2 Programmpunkte verlieren diesen Gesprächspartner');
    expect(translator('en')('impact.collections.cases', { count: 1 })).toBe('1 case');
  });

  it('German names strategy notes and records as the app does (review finding 13), and writes a space before an ellipsis in the import, export and people strings (finding 25)', () => {
    expect(de.get('notes.title')).toBe('Strategiepapiere');
    expect(de.get('exports.titles.notes')).toBe(de.get('notes.title'));
    expect(de.get('exports.subjectAccess.notes')).toBe(de.get('notes.title'));
    // "Eintrag/Einträge" everywhere; the archive's strings are being reworded on their own branch.
    const datensatz = [...de].filter(([key, text]) => /Datens(a|ä)tz/.test(text) && !key.startsWith('archive.'));
    expect(datensatz).toEqual([]);
    const tight = [...de].filter(([key, text]) => /^(imports|exports|contacts)\./.test(key) && /[^\s(„“]…/.test(text));
    expect(tight).toEqual([]);
  });

  it('a misspelt key does not compile (tsc -p tests fails if these lines became valid)', () => {
    // @ts-expect-error: not a key of the catalogue
    expect(translator('en')('cases.titel')).toBe('cases.titel');
    const i18n = i18next.createInstance();
    void i18n.init({ resources: { en: { translation: catalogues.en } }, lng: 'en', initAsync: false });
    // @ts-expect-error: i18next's t takes only catalogue keys, even with a default value
    expect(i18n.t('cases.titel', { defaultValue: 'x' })).toBe('x');
    expect(i18n.t('cases.title')).toBe('Advisory cases');
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
    expect(translator('en')('contacts.count', { count: 1 })).toBe('1 person');
    expect(translator('de')('contacts.count', { count: 12345 })).toBe('12.345 Personen');
  });
});

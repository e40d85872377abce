// Why this file exists: the vCard 4.0 export must be readable by contacts apps. Two independent parsers
// (vcf and ical.js) read it back; the file itself is checked for CRLF line ends, 75-octet folding that
// never splits a UTF-8 character, and escaping that brings commas, semicolons, backslashes and line
// breaks back exactly.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import VCard from 'vcf';

const one = <T>(v: T | T[]): T => (Array.isArray(v) ? v[0]! : v);
import { jobFile } from './helpers/jobs';
import { openTestBackend, rejection } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:30:00Z');
const NOTE = 'Met at the fair; prefers e-mail, not calls.\nBackslash \\ kept. 北京 – جامعة – 🚀';
const LONG_ROLE = 'Leiterin der Abteilung für internationale Zusammenarbeit, Wissenschaftsdiplomatie und Förderprogramme Ost- und Südosteuropa';

async function workspace() {
  const b = await openTestBackend({ now: clock });
  const org = await b.call('organisations.create', { name: 'Universität Łódź; Rektorat', kind: 'university', country: 'PL', city: 'Łódź' });
  const anna = await b.call('contacts.create', {
    contact: {
      honorific: 'Ms',
      academicTitle: 'Prof. Dr.',
      givenName: 'Anna',
      familyName: 'Kowalska-Nowak',
      nativeName: 'Анна Ковальская',
      languages: ['ru', 'pl', 'en'],
      emails: [
        { address: 'anna@uni-lodz.example', kind: 'work' },
        { address: 'anna.home@mail.example', kind: 'private' },
      ],
      phones: [
        { number: '+48 42 635 40 00', kind: 'work' },
        { number: '+48 600 000 000', kind: 'mobile' },
      ],
      expertise: ['materials science', 'mobility, exchange'],
      notes: NOTE,
    },
    positions: [{ organisationId: org.id, role: LONG_ROLE, from: '2023-01-01' }],
  });
  const ben = await b.call('contacts.create', { contact: { givenName: 'Ben', familyName: 'Okoro', country: 'NG' }, positions: [] });
  const carla = await b.call('contacts.create', { contact: { givenName: 'Carla', familyName: 'Dias', country: 'BR' }, positions: [] });
  return { b, anna, ben, carla, org };
}

const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('vCard 4.0 export', () => {
  it('writes CRLF lines folded at 75 octets without splitting a UTF-8 character', async () => {
    const { b, anna } = await workspace();
    const file = await jobFile(b, (await b.call('exports.vcard', { ids: [anna.id], language: 'en' })).jobId);
    expect(file.fileName).toBe('Prof-Dr-Anna-Kowalska-Nowak.vcf');
    expect(file.mime).toMatch(/^text\/vcard/);
    const text = file.bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // the long role and the note were folded
    // Folding happened between characters: the bytes decode without replacement characters.
    expect(text).not.toContain('\uFFFD');
    expect(unfold(text)).toContain(`TITLE:${LONG_ROLE.replace(/,/g, '\\,')}`);
  });

  it('is read back by vcf: one card per person, version 4.0, the properties and their types', async () => {
    const { b, anna, ben } = await workspace();
    const text = (await jobFile(b, (await b.call('exports.vcard', { ids: [anna.id, ben.id], language: 'en' })).jobId)).bytes.toString('utf8');
    const cards = VCard.parse(text);
    expect(cards).toHaveLength(2);
    const card = cards[0]!;
    expect(card.version).toBe('4.0');
    // The name in original script is an alternative FN in its language, not a nickname (review finding 28).
    const names = [card.get('fn')].flat();
    expect(names.map((n) => n.valueOf())).toEqual(['Prof. Dr. Anna Kowalska-Nowak', 'Анна Ковальская']);
    expect(names.map((n) => [n.altid, n.language])).toEqual([
      ['1', 'en'],
      ['1', 'ru'],
    ]);
    expect(card.get('nickname')).toBeUndefined();
    expect(one(card.get('n')).valueOf()).toBe('Kowalska-Nowak;Anna;;Ms,Prof. Dr.;');
    expect(one(card.get('org')).valueOf()).toBe('Universität Łódź\\; Rektorat');
    const emails = [card.get('email')].flat();
    expect(emails.map((e) => e.valueOf())).toEqual(['anna@uni-lodz.example', 'anna.home@mail.example']);
    expect(emails.map((e) => e.type)).toEqual(['work', 'home']);
    const tels = [card.get('tel')].flat();
    expect(tels.map((t) => t.valueOf())).toEqual(['+48 42 635 40 00', '+48 600 000 000']);
    expect(tels.map((t) => t.type)).toEqual(['work', 'cell']);
    expect(one(card.get('uid')).valueOf()).toBe(`urn:uuid:${anna.id}`);
    expect(one(card.get('rev')).valueOf()).toBe('20261121T103000Z');
    expect(one(card.get('categories')).valueOf()).toBe('materials science,mobility\\, exchange');
    expect(one(card.get('adr')).valueOf()).toBe(';;;Łódź;;;Poland');
    expect(one(cards[1]!.get('fn')).valueOf()).toBe('Ben Okoro');
    expect(one(cards[1]!.get('adr')).valueOf()).toBe(';;;;;;Nigeria');
  });

  it('is read back by ical.js with every escaped value exactly as stored', async () => {
    const { b, anna } = await workspace();
    const text = (await jobFile(b, (await b.call('exports.vcard', { ids: [anna.id], language: 'de' })).jobId)).bytes.toString('utf8');
    const card = new ICAL.Component(ICAL.parse(text) as unknown[]);
    expect(card.name).toBe('vcard');
    expect(card.getFirstPropertyValue('version')).toBe('4.0');
    expect(card.getFirstPropertyValue('fn')).toBe('Prof. Dr. Anna Kowalska-Nowak');
    expect(card.getFirstPropertyValue('note')).toBe(NOTE);
    expect(card.getFirstPropertyValue('title')).toBe(LONG_ROLE);
    expect(card.getFirstPropertyValue('org')).toBe('Universität Łódź; Rektorat');
    expect(card.getAllProperties('fn').map((p) => [p.getFirstValue(), p.getParameter('language')])).toEqual([
      ['Prof. Dr. Anna Kowalska-Nowak', 'de'],
      ['Анна Ковальская', 'ru'],
    ]);
    expect(card.getFirstPropertyValue('nickname')).toBeNull();
    expect(card.getFirstProperty('categories')!.getValues()).toEqual(['materials science', 'mobility, exchange']);
    const adr = card.getFirstPropertyValue('adr') as string[];
    expect(adr[6]).toBe('Polen');
    expect(card.getFirstProperty('adr')!.getParameter('cc')).toBe('PL');
    expect(card.getAllProperties('email').map((p) => p.getFirstValue())).toEqual(['anna@uni-lodz.example', 'anna.home@mail.example']);
  });

  it('exports the filtered people list, in its order, and only them', async () => {
    const { b } = await workspace();
    const query = { countries: ['NG', 'BR'], sort: 'name' as const, direction: 'desc' as const };
    const file = await jobFile(b, (await b.call('exports.vcard', { query, language: 'en' })).jobId);
    expect(file.fileName).toBe('people-2026-11-21.vcf');
    const cards = VCard.parse(file.bytes.toString('utf8'));
    const shown = await b.call('contacts.list', query);
    expect(cards.map((c) => one(c.get('fn')).valueOf())).toEqual(shown.rows.map((r) => r.name));
    expect(cards).toHaveLength(2);
  });

  it('refuses an unknown person and an empty list before a job starts', async () => {
    const { b } = await workspace();
    expect((await rejection(b.call('exports.vcard', { ids: ['nobody'], language: 'en' }))).code).toBe('NOT_FOUND');
    const empty = await rejection(b.call('exports.vcard', { query: { countries: ['JP'] }, language: 'en' }));
    expect(empty.messageKey?.key).toBe('exports.nothingToExport');
  });
});

// Why this file exists: a selection in the People and Organisations lists acts through the list query
// narrowed by an `ids` filter (contacts.list, organisations.list, and so exports.list and
// exports.vcard, which take those queries). It must narrow to exactly those records, within the
// filter and in the list's order, and refuse a malformed or oversized list of ids at that field.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { MAX_ID_FILTER } from '../../shared/schemas/list';
import { jobFile } from './helpers/jobs';
import { openTestBackend, rejection } from './helpers/workspace';

async function workspace() {
  const b = await openTestBackend({ now: () => new Date('2026-11-21T10:30:00Z') });
  const orgs = [];
  for (const [name, country] of [
    ['Aga Khan University', 'KE'],
    ['Berlin Water Works', 'DE'],
    ['Coastal Institute', 'KE'],
    ['Delta Lab', 'GH'],
  ] as const)
    orgs.push(await b.call('organisations.create', { name, country }));
  const people = [];
  for (const [givenName, familyName] of [
    ['Amina', 'Mwangi'],
    ['Kofi', 'Mensah'],
    ['Rami', 'Haddad'],
  ] as const)
    people.push(await b.call('contacts.create', { contact: { givenName, familyName } }));
  return { b, orgs, people };
}

describe('the ids filter of a list query', () => {
  it('narrows a list to the named records, within the other filters, in the list’s order', async () => {
    const { b, orgs } = await workspace();
    const [aga, berlin, coastal, delta] = orgs.map((o) => o.id);
    const all = await b.call('organisations.list', { ids: [delta!, aga!, berlin!], sort: 'name', direction: 'desc' });
    expect(all.rows.map((r) => r.name)).toEqual(['Delta Lab', 'Berlin Water Works', 'Aga Khan University']);
    // The filter still applies: only the Kenyan ones of those named.
    const kenyan = await b.call('organisations.list', { ids: [delta!, aga!, coastal!], countries: ['KE'] });
    expect(kenyan.rows.map((r) => r.name)).toEqual(['Aga Khan University', 'Coastal Institute']);
    expect(kenyan.total).toBe(2);
    // An id that names nothing (merged or deleted since) selects nothing.
    expect((await b.call('organisations.list', { ids: ['gone-1'] })).total).toBe(0);
  });

  it('exports only the selected rows, in the list’s order, and says so in the report’s filter', async () => {
    const { b, people } = await workspace();
    const [amina, , rami] = people;
    const { jobId } = await b.call('exports.list', {
      list: 'contacts',
      query: { sort: 'name', direction: 'asc', ids: [rami!.id, amina!.id] },
      columns: ['name'],
      format: 'csv',
      language: 'en',
    });
    const file = await jobFile(b, jobId);
    const [header, ...rows] = Papa.parse<string[]>(file.bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(header).toEqual(['Name']);
    expect(rows).toEqual([['Rami Haddad'], ['Amina Mwangi']]);
    const { filterSummary } = await import('../../electron/backend/services/exports/rows');
    const { ListExportRequest } = await import('../../shared/features/exports/contract');
    const req = ListExportRequest.parse({ list: 'contacts', query: { ids: [rami!.id, amina!.id] }, columns: ['name'], format: 'pdf', language: 'de' });
    expect(filterSummary(b.store.db, req, 'de')).toBe('nur die 2 ausgewählten Zeilen');
  });

  it('writes a vCard of exactly the selected people', async () => {
    const { b, people } = await workspace();
    const [amina, kofi] = people;
    const { jobId } = await b.call('exports.vcard', { query: { ids: [amina!.id, kofi!.id] }, language: 'en' });
    const text = (await jobFile(b, jobId)).bytes.toString('utf8');
    // In the list's order (by family name), not the order the ids came in.
    expect(text.match(/^FN:.*$/gm)).toEqual(['FN:Kofi Mensah', 'FN:Amina Mwangi']);
  });

  it('refuses ids that are not ids, an empty list and more than the limit, at that field, and changes nothing', async () => {
    const { b } = await workspace();
    const before = b.store.db;
    for (const [ids, path] of [
      [['../etc/passwd'], 'ids.0'],
      [[], 'ids'],
      [Array.from({ length: MAX_ID_FILTER + 1 }, (_, i) => `id-${i}`), 'ids'],
    ] as const) {
      const e = await rejection(b.call('contacts.list', { ids: [...ids] }));
      expect(e.code).toBe('VALIDATION');
      expect(Object.keys(e.fields ?? {})).toContain(path);
    }
    const e = await rejection(b.call('exports.list', { list: 'organisations', query: { ids: ['a b'] }, columns: ['name'], format: 'csv', language: 'en' }));
    expect(e.code).toBe('VALIDATION');
    expect(b.store.db).toBe(before);
  });
});

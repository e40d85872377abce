// Why this file exists: the subject-access export (GDPR Art. 15) must hold every record that names the
// person — linked through the reference table or named in full in free text — and nothing about anyone
// else: other people's ids and names are taken out of what it includes. The zip holds a PDF (read back
// with poppler) and a JSON checked against the shared schema.
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docFromPlainText } from '../../shared/domain/richtext';
import { SubjectAccessExport } from '../../shared/features/exports/schema';
import { jobFile } from './helpers/jobs';
import { pdfinfo, pdftotext, savePdf } from './helpers/poppler';
import { openTestBackend, rejection, tempDir } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:30:00Z');

async function workspace() {
  const b = await openTestBackend({ now: clock });
  const org = await b.call('organisations.create', { name: 'University of Nairobi', kind: 'university', country: 'KE', city: 'Nairobi' });
  const amina = await b.call('contacts.create', {
    contact: { givenName: 'Amina', familyName: 'Okafor', emails: [{ address: 'amina@uon.example', kind: 'work' }], notes: 'Prefers calls in the morning.' },
    positions: [{ organisationId: org.id, role: 'Dean of Research', from: '2022-01-01' }],
  });
  const ben = await b.call('contacts.create', {
    contact: { givenName: 'Benedikt', familyName: 'Otieno-Schwarz', emails: [{ address: 'ben@uon.example', kind: 'work' }] },
    positions: [{ organisationId: org.id, role: 'Registrar', from: '2020-01-01' }],
  });
  const both = await b.call('cases.create', { title: 'Joint doctoral school', openedOn: '2026-01-10', countries: ['KE'], clientContactIds: [amina.id, ben.id] });
  const bensCase = await b.call('cases.create', { title: 'Registry digitisation', openedOn: '2026-02-10', countries: ['KE'], clientContactIds: [ben.id] });
  const namedCase = await b.call('cases.create', { title: 'Water lab', openedOn: '2026-03-10', countries: ['KE'], summary: 'Idea raised by amina OKAFOR at the fair.' });
  const meeting = await b.call('activities.create', { kind: 'meeting', date: '2026-09-01', title: 'Kick-off', participantIds: [amina.id, ben.id] });
  await b.call('activities.create', { kind: 'call', date: '2026-09-02', title: 'Registry call', participantIds: [ben.id], caseId: bensCase.id });
  const linkedNote = await b.call('notes.create', { title: 'Nairobi partners', kind: 'countryStrategy', countries: ['KE'], contactIds: [amina.id, ben.id], body: docFromPlainText('Partners.') });
  await b.call('notes.create', { title: 'Registry', kind: 'countryStrategy', countries: ['KE'], contactIds: [ben.id], body: docFromPlainText('About the registry.') });
  // "Amina Okaforova" is someone else: a name inside a longer word does not count.
  await b.call('notes.create', { title: 'Other contacts', kind: 'countryStrategy', countries: ['KE'], body: docFromPlainText('Met Amina Okaforova in Lagos.') });
  const namedNote = await b.call('notes.create', { title: 'Fair report', kind: 'countryStrategy', countries: ['KE'], body: docFromPlainText('Long talk with Amina Okafor about water.') });
  const trip = await b.call('trips.create', {
    title: 'Delegation to Nairobi',
    destinations: [{ country: 'KE', city: 'Nairobi' }],
    startDate: '2027-01-11',
    endDate: '2027-01-14',
    timeZones: ['Africa/Nairobi'],
    members: [
      { kind: 'staff', name: 'Helena Vogt', function: 'Head of unit', role: 'head' },
      { kind: 'contact', contactId: amina.id, role: 'member' },
      { kind: 'contact', contactId: ben.id, role: 'member' },
    ],
  });
  await b.call('agenda.create', { tripId: trip.id, title: 'Registry visit', date: '2027-01-12', start: '10:00', end: '11:00', timeZone: 'Africa/Nairobi', counterpartIds: [ben.id] });
  const otherTrip = await b.call('trips.create', {
    title: 'Science week',
    destinations: [{ country: 'KE', city: 'Mombasa' }],
    startDate: '2027-03-01',
    endDate: '2027-03-03',
    timeZones: ['Africa/Nairobi'],
    members: [{ kind: 'contact', contactId: ben.id, role: 'head' }],
  });
  const withAmina = await b.call('agenda.create', { tripId: otherTrip.id, title: 'Research dinner', date: '2027-03-02', start: '19:00', end: '21:00', timeZone: 'Africa/Nairobi', counterpartIds: [amina.id, ben.id] });
  return { b, amina, ben, both, namedCase, meeting, linkedNote, namedNote, trip, otherTrip, withAmina };
}

async function exportFor(b: Awaited<ReturnType<typeof workspace>>['b'], contactId: string, language: 'en' | 'de' = 'en') {
  const file = await jobFile(b, (await b.call('exports.subjectAccess', { contactId, language })).jobId);
  const entries = unzipSync(file.bytes);
  const names = Object.keys(entries).sort();
  const json = JSON.parse(strFromU8(entries[names.find((n) => n.endsWith('.json'))!]!)) as unknown;
  const pdf = savePdf(await tempDir(), entries[names.find((n) => n.endsWith('.pdf'))!]!);
  return { file, names, json, pdf };
}

describe('subject-access export (GDPR Art. 15)', () => {
  it('holds exactly the records that name the person, each with why, and a zip of a PDF and a JSON', async () => {
    const w = await workspace();
    const { file, names, json } = await exportFor(w.b, w.amina.id);
    expect(file.fileName).toBe('subject-access-Amina-Okafor-2026-11-21.zip');
    expect(file.mime).toBe('application/zip');
    expect(names).toEqual(['subject-access-Amina-Okafor-2026-11-21.json', 'subject-access-Amina-Okafor-2026-11-21.pdf']);
    const data = SubjectAccessExport.parse(json);
    expect(data.subject).toEqual({ id: w.amina.id, name: 'Amina Okafor' });
    expect(data.person.emails[0]!.address).toBe('amina@uon.example');
    expect(data.positions.map((p) => p.record.role)).toEqual(['Dean of Research']);
    const ids = (list: Array<{ record: { id: string }; reasons: string[] }>) => Object.fromEntries(list.map((x) => [x.record.id, x.reasons]));
    expect(ids(data.cases)).toEqual({ [w.both.id]: ['clientContact'], [w.namedCase.id]: ['namedInText'] });
    expect(ids(data.activities)).toEqual({ [w.meeting.id]: ['participant'] });
    expect(ids(data.notes)).toEqual({ [w.linkedNote.id]: ['linkedNote'], [w.namedNote.id]: ['namedInText'] });
    expect(ids(data.trips)).toEqual({ [w.trip.id]: ['delegationMember'], [w.otherTrip.id]: ['tripOfAgendaItem'] });
    expect(ids(data.agendaItems)).toEqual({ [w.withAmina.id]: ['counterpart'] });
    expect(data.lastContact).toBe('2026-09-01');
  });

  it('says nothing about anyone else: other people are taken out and only counted', async () => {
    const w = await workspace();
    const { json, pdf } = await exportFor(w.b, w.amina.id);
    const text = JSON.stringify(json);
    for (const other of [w.ben.id, 'Benedikt', 'Otieno-Schwarz', 'ben@uon.example', 'Registrar', 'Registry', 'Helena Vogt']) expect(text, other).not.toContain(other);
    const data = SubjectAccessExport.parse(json);
    expect(data.cases.find((c) => c.record.id === w.both.id)).toMatchObject({ otherPeople: 1, record: { clientContactIds: [w.amina.id] } });
    expect(data.activities[0]).toMatchObject({ otherPeople: 1, record: { participantIds: [w.amina.id] } });
    expect(data.trips.find((t) => t.record.id === w.trip.id)).toMatchObject({ otherPeople: 2, record: { members: [{ kind: 'contact', contactId: w.amina.id, role: 'member' }] } });
    expect(data.trips.find((t) => t.record.id === w.otherTrip.id)).toMatchObject({ otherPeople: 1, record: { members: [] } });
    expect(data.agendaItems[0]).toMatchObject({ otherPeople: 1, record: { counterpartIds: [w.amina.id] } });
    const printed = pdftotext(pdf);
    for (const other of ['Benedikt', 'Otieno-Schwarz', 'ben@uon.example', 'Registry', 'Helena Vogt']) expect(printed, other).not.toContain(other);
  });

  it('prints the PDF: title, the person, each section with why, others counted, confidential, page X of Y', async () => {
    const w = await workspace();
    const { pdf } = await exportFor(w.b, w.amina.id, 'de');
    const info = pdfinfo(pdf);
    expect(info.Title).toBe('Gespeicherte Daten zu Amina Okafor');
    expect(info.Tagged).toBe('yes');
    const text = pdftotext(pdf).replace(/\s+/g, ' ');
    for (const expected of [
      'Auskunft nach DSGVO Art. 15',
      'Die Person',
      'amina@uon.example',
      'Prefers calls in the morning.',
      'Dean of Research',
      'Joint doctoral school',
      'Warum enthalten: Ansprechperson · 1 weitere Person genannt (ausgelassen)',
      'Water lab',
      'nennt sie im Text',
      'Fair report',
      'Delegation to Nairobi',
      'Research dinner',
      'VERTRAULICH',
      'Seite 1 von',
    ])
      expect(text, expected).toContain(expected);
  });

  it('prints no less than the person page: the country from the current position, languages by name, the salutation apart, consent and review dates', async () => {
    const b = await openTestBackend({ now: clock });
    const org = await b.call('organisations.create', { name: 'Moscow Institute for Comparative Regional Studies', kind: 'researchInstitute', country: 'RU' });
    const vera = await b.call('contacts.create', {
      contact: {
        honorific: 'Ms',
        academicTitle: 'Dr.',
        givenName: 'Vera',
        familyName: 'Gromova',
        nativeName: 'Вера Громова',
        languages: ['ru', 'en', 'de'],
        gdpr: { lawfulBasis: 'consent', source: 'Workshop', consentOn: '2026-03-04', reviewOn: '2027-03-04' },
      },
      positions: [{ organisationId: org.id, role: 'Senior Researcher', from: '2020-01-01' }],
    });
    const en = pdftotext((await exportFor(b, vera.id, 'en')).pdf).replace(/\s+/g, ' ');
    for (const expected of ['Salutation Ms', 'Name Dr. Vera Gromova', 'Country Russian Federation (from the current position)', 'Languages Russian, English, German', 'Consent given on', 'Review on'])
      expect(en, expected).toContain(expected);
    expect(en).not.toContain('Ms Dr.');
    expect(en).toMatch(/Consent given on \d/);
    const de = pdftotext((await exportFor(b, vera.id, 'de')).pdf).replace(/\s+/g, ' ');
    for (const expected of ['Anrede Ms', 'Name Dr. Vera Gromova', '(aus der aktuellen Position)', 'Sprachen Russisch, Englisch, Deutsch', 'Einwilligung erteilt am 4. März 2026', 'Überprüfen am 4. März 2027'])
      expect(de, expected).toContain(expected);
  });

  it('for a person named nowhere else: their record and empty sections', async () => {
    const w = await workspace();
    const loner = await w.b.call('contacts.create', { contact: { givenName: 'Lina', familyName: 'Alone' }, positions: [] });
    const data = SubjectAccessExport.parse((await exportFor(w.b, loner.id)).json);
    expect([data.positions, data.cases, data.activities, data.notes, data.trips, data.agendaItems].map((l) => l.length)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(data.person.id).toBe(loner.id);
  });

  it('refuses an unknown person before a job starts', async () => {
    const { b } = await workspace();
    expect((await rejection(b.call('exports.subjectAccess', { contactId: 'nobody', language: 'en' }))).code).toBe('NOT_FOUND');
  });
});

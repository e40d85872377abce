// Why this file exists: data that leaves Attaché as a list export must come back in through the
// importer — export the people list to CSV and to Excel, import each file into an empty workspace,
// and the same people, organisations and positions are there (names, roles, e-mail, phone, topics,
// country; hostile strings as typed).
import { describe, expect, it } from 'vitest';
import { IMPORT_CHUNK_BYTES, toPieces, type ImportParsed } from '../../shared/features/imports/schema';
import { displayName } from '../../shared/features/contacts/schema';
import { jobFile } from './helpers/jobs';
import { openTestBackend, type TestBackend } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:00:00Z');
const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

async function importFile(tb: TestBackend, fileName: string, bytes: Uint8Array) {
  const { uploadId } = await tb.call('imports.begin', { fileName, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
    await tb.call('imports.upload', { uploadId, offset, data: toPieces(bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES), base64) });
  }
  const done = async (jobId: string) => {
    for (;;) {
      const status = await tb.call('imports.status', { jobId });
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const analysed = await done((await tb.call('imports.analyse', { uploadId })).jobId);
  if (analysed.state !== 'done' || analysed.result.kind !== 'importParsed') throw new Error(`analysis ended ${JSON.stringify(analysed)}`);
  const parsed: ImportParsed = analysed.result;
  const applied = await done(
    (await tb.call('imports.apply', { uploadId: parsed.uploadId, target: 'people', mapping: parsed.proposal.people, duplicates: { all: 'skip', rows: [] }, language: 'en' })).jobId,
  );
  if (applied.state !== 'done' || applied.result.kind !== 'importApplied') throw new Error(`apply ended ${JSON.stringify(applied)}`);
  return { parsed, applied: applied.result };
}

/** What a person looks like, independent of ids and stamps. */
function people(tb: TestBackend) {
  const { contacts, positions, organisations } = tb.store.db;
  return contacts
    .map((c) => {
      const roles = positions
        .filter((p) => p.contactId === c.id)
        .map((p) => ({ role: p.role, organisation: organisations.find((o) => o.id === p.organisationId)?.name }));
      return { name: displayName(c), emails: c.emails.map((e) => e.address), phones: c.phones.map((p) => p.number), topics: [...c.expertise].sort(), roles };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

describe('export → import round trip', () => {
  it.each(['csv', 'xlsx'] as const)('the people list exported as %s comes back as the same people, organisations and positions', async (format) => {
    const source = await openTestBackend({ now: clock });
    const nairobi = await source.call('organisations.create', { name: 'University of Nairobi', kind: 'university', country: 'KE', city: 'Nairobi' });
    const accra = await source.call('organisations.create', { name: 'The "Quoted", Institute; Ltd', kind: 'researchInstitute', country: 'GH', city: 'Accra' });
    const people0 = [
      { givenName: 'Amina', familyName: 'Okafor', org: nairobi.id, role: 'Dean of Engineering', email: 'amina.okafor@uonbi.example', phone: '+254 20 123456', topics: ['water', 'Rocket 🚀 lab'] },
      { givenName: 'Kwame', familyName: 'Mensah-Boateng', org: accra.id, role: 'Director', email: 'k.mensah@quoted.example', phone: '+233 30 2000', topics: ['climate'] },
      { givenName: 'Jörg', familyName: 'Müller', org: accra.id, role: '=Visiting fellow', email: 'j.mueller@quoted.example', phone: '', topics: [] },
    ];
    for (const p of people0) {
      await source.call('contacts.create', {
        contact: {
          givenName: p.givenName,
          familyName: p.familyName,
          emails: [{ address: p.email, kind: 'work' }],
          phones: p.phone ? [{ number: p.phone, kind: 'work' }] : [],
          expertise: p.topics,
        },
        positions: [{ organisationId: p.org, role: p.role, from: '2024-01-01' }],
      });
    }
    const { jobId } = await source.call('exports.list', {
      list: 'contacts',
      query: { sort: 'name', direction: 'asc' },
      columns: ['name', 'role', 'organisation', 'country', 'email', 'phone', 'expertise'],
      format,
      language: 'en',
    });
    const file = await jobFile(source, jobId);

    const target = await openTestBackend({ now: clock });
    const { applied } = await importFile(target, file.fileName, file.bytes);
    expect(applied).toMatchObject({ created: 3, skipped: 0, organisationsCreated: 2, positionsCreated: 3 });
    const expected = people(source);
    // A formula-looking value is neutralised in the file ('=…); the importer gives it back as typed.
    expect(people(target)).toEqual(expected);
    expect(target.store.db.organisations.map((o) => [o.name, o.country]).sort()).toEqual(source.store.db.organisations.map((o) => [o.name, o.country]).sort());
  });
});

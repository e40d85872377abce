/**
 * Importing people and organisations through the real backend on a temp workspace: each file
 * shape (Outlook 1252, Excel BOM, Google, XLSX, vCard 3.0/4.0/2.1), the mapping proposal and its
 * memory, duplicates and the choices for them, the one-step apply with its backup and report, an
 * Undo that gives back exactly the data before, cancel, and bad input refused without a change.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES, toPieces, type ImportParsed, type Mapping } from '../../shared/features/imports/schema';
import { appleVcard3, csv, duplicatesCsv, excelBomCsv, googleCsv, hostile, outlookGermanCsv, outlookVcard21, utf8, vcard4 } from '../fixtures/imports';
import { downloadPlatform, openBackend, type Platform } from '../../electron/backend';
import { AppError } from '../../shared/errors';
import { openTestBackend, rejection, tempDir, TEST_KDF, type TestBackend } from './helpers/workspace';

const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const clock = () => new Date('2026-11-21T10:00:00Z');

async function waitForJob(tb: TestBackend, jobId: string) {
  for (;;) {
    const status = await tb.call('imports.status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Sends the file in slices as the web page does, and reads it. */
async function stage(tb: TestBackend, fileName: string, bytes: Uint8Array): Promise<ImportParsed> {
  const { uploadId } = await tb.call('imports.begin', { fileName, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
    await tb.call('imports.upload', { uploadId, offset, data: toPieces(bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES), base64) });
  }
  const { jobId } = await tb.call('imports.analyse', { uploadId });
  const status = await waitForJob(tb, jobId);
  if (status.state === 'failed') throw Object.assign(new Error(status.error.message), { code: status.error.code, key: status.error.messageKey?.key });
  if (status.state !== 'done' || status.result.kind !== 'importParsed') throw new Error(`analysis ended ${status.state}`);
  return status.result;
}

async function apply(tb: TestBackend, parsed: ImportParsed, opts: { target?: 'people' | 'organisations'; mapping?: Mapping; all?: 'skip' | 'update' | 'create'; rows?: Array<{ row: number; action: 'skip' | 'update' | 'create' }> } = {}) {
  const target = opts.target ?? parsed.suggestedTarget;
  const { jobId } = await tb.call('imports.apply', {
    uploadId: parsed.uploadId,
    target,
    mapping: opts.mapping ?? parsed.proposal[target],
    duplicates: { all: opts.all ?? 'skip', rows: opts.rows ?? [] },
    language: 'en',
  });
  const status = await waitForJob(tb, jobId);
  if (status.state !== 'done' || status.result.kind !== 'importApplied') throw new Error(`apply ended ${status.state}: ${JSON.stringify(status)}`);
  return status.result;
}

const mapped = (parsed: ImportParsed, target: 'people' | 'organisations' = 'people') =>
  Object.fromEntries(parsed.columns.map((c) => [c.header, parsed.proposal[target][c.index]]));

const tables = (tb: TestBackend) => {
  const { organisations, contacts, positions, trash } = tb.store.db;
  return structuredClone({ organisations: organisations.toArray(), contacts: contacts.toArray(), positions: positions.toArray(), trash });
};

describe('import: reading files of real-world shape', () => {
  it('reads an Outlook export (Windows-1252, semicolons, German headers) and stores people, organisations and positions', async () => {
    const tb = await openTestBackend({ now: clock });
    const parsed = await stage(tb, 'Kontakte.CSV', outlookGermanCsv());
    expect(parsed).toMatchObject({ format: 'csv', encoding: 'Windows-1252', delimiter: ';', rowCount: 3, suggestedTarget: 'people' });
    expect(mapped(parsed)).toMatchObject({
      Anrede: 'honorific',
      Titel: 'academicTitle',
      Vorname: 'givenName',
      'Weitere Vornamen': null,
      Nachname: 'familyName',
      Firma: 'organisation',
      Abteilung: 'department',
      Position: 'position',
      'Ort geschäftlich': null,
      'Land/Region geschäftlich': 'country',
      'Telefon geschäftlich': 'phone',
      Mobiltelefon: 'phoneMobile',
      'Fax geschäftlich': null,
      'E-Mail-Adresse': 'email',
      'E-Mail-Typ': null,
      'E-Mail: Angezeigter Name': null,
      'E-Mail 2: Adresse': 'email',
      Kategorien: 'topics',
      Notizen: 'notes',
    });
    const preview = await tb.call('imports.preview', { uploadId: parsed.uploadId, target: 'people', mapping: parsed.proposal.people });
    expect(preview).toMatchObject({ rowCount: 3, valid: 3, invalid: 0, duplicates: 0, organisationsToCreate: 3 });
    expect(preview.rows[0]).toMatchObject({ name: 'Dr. Anna Müller', organisation: 'Société Générale', position: 'Leiterin, Forschung', country: 'CH', organisationAction: 'create' });
    // Organisations are one when name and country agree: Société Générale in Zürich is not the one in Paris.
    expect(preview.rows[2]).toMatchObject({ organisation: 'Société Générale', country: 'FR', organisationAction: 'create' });

    const result = await apply(tb, parsed);
    expect(result).toMatchObject({ created: 3, updated: 0, skipped: 0, organisationsCreated: 3, positionsCreated: 3 });
    const anna = tb.store.db.contacts.find((c) => c.familyName === 'Müller')!;
    expect(anna).toMatchObject({
      honorific: 'Frau',
      academicTitle: 'Dr.',
      givenName: 'Anna',
      country: 'CH',
      emails: [
        { address: 'anna.mueller@example.ch', kind: 'work' },
        { address: 'a.mueller@example.org', kind: 'work' },
      ],
      phones: [
        { number: '+41 44 123 45 67', kind: 'work' },
        { number: '+41 79 765 43 21', kind: 'mobile' },
      ],
      expertise: ['Energie', 'Wasser'],
      notes: 'Kennt „alle“ – Budget 5 000 €',
    });
    const sg = tb.store.db.organisations.filter((o) => o.name === 'Société Générale');
    expect(sg.map((o) => o.country)).toEqual(['CH', 'FR']);
    expect(tb.store.db.positions.filter((p) => p.organisationId === sg[0]!.id).map((p) => p.role)).toEqual(['Leiterin, Forschung']);
    expect(tb.store.db.contacts.find((c) => c.familyName === 'Fauré')).toMatchObject({ academicTitle: 'Prof. Dr.', givenName: 'Élodie', country: 'FR' });
    // A backup was taken first.
    const backups = await tb.call('workspace.backups', { verify: false });
    expect(backups.some((b) => b.reason === 'import')).toBe(true);
  });

  it('reads a UTF-8 CSV with BOM (Excel) headed with Attaché’s own column labels', async () => {
    const tb = await openTestBackend({ now: clock });
    const parsed = await stage(tb, 'people.csv', excelBomCsv());
    expect(parsed).toMatchObject({ encoding: 'UTF-8 (BOM)', delimiter: ',' });
    expect(parsed.columns[0]!.header).toBe('Name');
    expect(mapped(parsed)).toMatchObject({ Name: 'fullName', Role: 'position', Organisation: 'organisation', Country: 'country', 'E-mail': 'email', Phone: 'phone', Expertise: 'topics' });
    await apply(tb, parsed);
    expect(tb.store.db.contacts.map((c) => [c.academicTitle, c.givenName, c.familyName, c.country])).toEqual([
      ['Dr.', 'Amina', 'Mensah', 'GH'],
      ['', 'Nguyễn Thị', 'Lan', 'VN'],
    ]);
  });

  it('reads a Google Contacts CSV: numbered e-mails (work and home), phone, organisation and title', async () => {
    const tb = await openTestBackend({ now: clock });
    const parsed = await stage(tb, 'contacts.csv', googleCsv());
    expect(mapped(parsed)).toMatchObject({ 'Given Name': 'givenName', 'Family Name': 'familyName', 'E-mail 1 - Type': null, 'E-mail 1 - Value': 'email', 'E-mail 2 - Value': 'email', 'Phone 1 - Value': 'phone', 'Organization 1 - Name': 'organisation', 'Organization 1 - Title': 'position', 'Address 1 - Country': 'country', 'Name Prefix': 'honorific' });
    await apply(tb, parsed);
    const kwame = tb.store.db.contacts.find((c) => c.givenName === 'Kwame')!;
    expect(kwame.emails.map((e) => e.address)).toEqual(['kwame@example.gh', 'kwame.private@example.com']);
    expect(kwame.country).toBe('GH');
    expect(tb.store.db.contacts.find((c) => c.familyName === 'Rossi')!.country).toBe('IT'); // "Italien", German
    expect(tb.store.db.positions.map((p) => p.role).sort()).toEqual(['Programme Officer', 'Senior Scientist']);
  });

  it('reads the first sheet of an Excel workbook', async () => {
    const tb = await openTestBackend({ now: clock });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Partner');
    sheet.addRow(['Name', 'Kurzname', 'Art', 'Land', 'Ort', 'Website', 'Themen']);
    sheet.addRow(['Universität Wien', 'Uni Wien', 'Hochschule', 'Österreich', 'Wien', 'https://www.univie.ac.at', 'Physik; Chemie']);
    sheet.addRow(['Kenya Medical Research Institute', 'KEMRI', 'researchInstitute', 'KE', 'Nairobi', '', 'Health']);
    workbook.addWorksheet('Ignored').addRow(['x']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const parsed = await stage(tb, 'partner.xlsx', bytes);
    expect(parsed).toMatchObject({ format: 'xlsx', rowCount: 2, suggestedTarget: 'organisations' });
    expect(mapped(parsed, 'organisations')).toMatchObject({ Name: 'name', Kurzname: 'shortName', Art: 'kind', Land: 'country', Ort: 'city', Website: 'website', Themen: 'topics' });
    const result = await apply(tb, parsed, { target: 'organisations' });
    expect(result.created).toBe(2);
    expect(tb.store.db.organisations.map((o) => [o.name, o.shortName, o.kind, o.country, o.city, o.topics])).toEqual([
      ['Universität Wien', 'Uni Wien', 'university', 'AT', 'Wien', ['Physik', 'Chemie']],
      ['Kenya Medical Research Institute', 'KEMRI', 'researchInstitute', 'KE', 'Nairobi', ['Health']],
    ]);
  });

  it('reads vCards: Apple 3.0 (folded, two e-mails, photo ignored with a note), 4.0, and Outlook 2.1 quoted-printable', async () => {
    const tb = await openTestBackend({ now: clock });
    const apple = await stage(tb, 'Kontakte.vcf', utf8(appleVcard3()));
    expect(apple).toMatchObject({ format: 'vcard', rowCount: 2, notes: [{ key: 'imports.notes.photos', params: { count: 1 } }] });
    await apply(tb, apple);
    const chinedu = tb.store.db.contacts.find((c) => c.familyName === 'Okafor')!;
    expect(chinedu).toMatchObject({
      academicTitle: 'Dr.',
      givenName: 'Chinedu',
      country: 'NG',
      emails: [
        { address: 'c.okafor@example.ng', kind: 'work' },
        { address: 'chinedu@example.com', kind: 'private' },
      ],
      phones: [
        { number: '+234 1 280 0000', kind: 'work' },
        { number: '+234 803 000 0000', kind: 'mobile' },
      ],
      expertise: ['Catalysis', 'Energy'],
      notes: 'Prefers e-mail.\nAsk about the lab visit, in March.',
    });
    const lagos = tb.store.db.organisations.find((o) => o.name === 'University of Lagos')!;
    expect(tb.store.db.positions.find((p) => p.organisationId === lagos.id)!.role).toBe('Professor of Physical Chemistry and Head of the Catalysis Research Group, Department of Chemistry');

    const v4 = await stage(tb, 'wang.vcf', utf8(vcard4()));
    await apply(tb, v4);
    const wang = tb.store.db.contacts.find((c) => c.familyName === 'Wang')!;
    expect(wang.emails.map((e) => e.address)).toEqual(['wang.fang@example.cn', 'fang.wang@example.org', 'wf@example.com']);
    expect(wang).toMatchObject({ country: 'CN', notes: 'Long note that is folded in the middle of a word and continues here.' });
    expect(tb.store.db.organisations.some((o) => o.name === '北京大学')).toBe(true);

    const outlook = await stage(tb, 'Klaere.vcf', outlookVcard21());
    await apply(tb, outlook);
    expect(tb.store.db.contacts.find((c) => c.familyName === 'Schröder')).toMatchObject({ givenName: 'Kläre', notes: 'Erste Zeile\nZweite Zeile mit „Anführung“ und 5 €' });
    expect(tb.store.db.organisations.some((o) => o.name === 'Technische Universität')).toBe(true);
  });

  it('keeps hostile strings exactly as written: right-to-left, CJK, emoji, quotes, formula-looking cells', async () => {
    const tb = await openTestBackend({ now: clock });
    const rows = [
      ['Given Name', 'Family Name', 'Company', 'Notes'],
      [hostile.emoji, hostile.rtl, hostile.cjk, hostile.quotes],
      ['X', hostile.formula, hostile.plus, `${hostile.formula}\n${hostile.rtl}`],
    ];
    const parsed = await stage(tb, 'hostile.csv', utf8(csv(rows)));
    await apply(tb, parsed);
    const stored = tb.store.db.contacts.map((c) => [c.givenName, c.familyName, c.notes]);
    expect(stored).toEqual([
      [hostile.emoji, hostile.rtl, hostile.quotes],
      ['X', hostile.formula, `${hostile.formula}\n${hostile.rtl}`],
    ]);
    expect(tb.store.db.organisations.map((o) => o.name)).toEqual([hostile.cjk, hostile.plus]);
  });
});

describe('import: mapping, duplicates, apply and undo', () => {
  it('finds duplicates (same e-mail, same name at the same organisation, diacritics folded) and applies the choice per row or for all', async () => {
    const tb = await openTestBackend({ now: clock });
    const { bytes, duplicates, rows } = duplicatesCsv();
    const parsed = await stage(tb, 'dups.csv', bytes);
    const preview = await tb.call('imports.preview', { uploadId: parsed.uploadId, target: 'people', mapping: parsed.proposal.people });
    expect(preview).toMatchObject({ rowCount: rows, valid: rows, duplicates, invalid: 0, organisationsToCreate: 10 }); // row 81–90's "Elsewhere" is not made: they are skipped
    const flagged = preview.rows.filter((r) => r.duplicate);
    expect(flagged).toHaveLength(duplicates);
    expect(flagged[0]).toMatchObject({ row: 81, duplicate: { reason: 'email', row: 1, existingId: null } });
    expect(flagged.find((r) => r.row === 91)).toMatchObject({ duplicate: { reason: 'nameAtOrganisation', row: 11 } });

    // Row 81 merges into row 1's person, row 82 is created anyway, the rest are skipped.
    const result = await apply(tb, parsed, { all: 'skip', rows: [{ row: 81, action: 'update' }, { row: 82, action: 'create' }] });
    expect(result).toMatchObject({ created: 82, updated: 0, skipped: 18 });
    expect(tb.store.db.contacts).toHaveLength(81);
    // The row's non-empty values replace those of the earlier row's person; the e-mail is kept once.
    expect(tb.store.db.contacts.find((c) => c.emails.some((e) => e.address === 'person0@example.org'))).toMatchObject({ givenName: 'Other0', familyName: 'Name0', emails: [{ address: 'person0@example.org' }] });
    const report = await tb.call('imports.report', { uploadId: parsed.uploadId, language: 'en' });
    if (report.delivery !== 'download') throw new Error('expected a download');
    const text = Buffer.from(report.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(lines[0]).toEqual(['Row', 'Outcome', 'Record', 'Reason']);
    expect(lines).toHaveLength(101);
    expect(lines.find((l) => l[0] === '83')).toEqual(['83', 'skipped', 'Other2 Name2', 'same e-mail as Given2 Family2']);
    expect(lines.find((l) => l[0] === '81')).toEqual(['81', 'created', 'Other0 Name0', 'merged into the record of row 1']);
  });

  it('finds people already in the workspace by their name in original script at their organisation, and by name and country as a possible duplicate that is created unless chosen otherwise', async () => {
    const tb = await openTestBackend({ now: clock, sample: true });
    const eleni = tb.store.db.contacts.find((c) => c.familyName === 'Papadaki')!;
    const vera = tb.store.db.contacts.find((c) => c.familyName === 'Gromova')!;
    expect(vera.country).toBeNull(); // her country is that of her current position (Moscow)
    const bytes = utf8(
      csv([
        ['First Name', 'Last Name', 'Company', 'Job Title', 'Country'],
        ['Ελένη', 'Παπαδάκη', 'Attica Institute for Mediterranean Studies', 'Research Director', ''],
        ['Vera', 'Gromova', '', '', 'Russia'],
        ['Vera', 'Gromova', '', '', 'Russia'],
        ['Nadia', 'Haddad', 'Attica Institute for Mediterranean Studies', '', ''],
      ]),
    );
    const parsed = await stage(tb, 'people.csv', bytes);
    const preview = await tb.call('imports.preview', { uploadId: parsed.uploadId, target: 'people', mapping: parsed.proposal.people });
    const [greek, russian, again, noTitle] = preview.rows;
    expect(greek).toMatchObject({ duplicate: { reason: 'nameAtOrganisation', existingId: eleni.id, possible: false } });
    expect(russian).toMatchObject({ duplicate: { reason: 'nameAndCountry', existingId: vera.id, possible: true } });
    expect(again).toMatchObject({ duplicate: { reason: 'nameAndCountry', possible: true } });
    // No job title: the preview says so instead of showing a role nobody typed.
    expect(noTitle).toMatchObject({ position: '', defaultPosition: true, duplicate: null });
    expect(preview.duplicates).toBe(3);

    // Skip for all applies to the certain duplicate; the possible ones are created; row 3 is skipped by its own choice.
    const before = tb.store.db.contacts.length;
    const result = await apply(tb, parsed, { all: 'skip', rows: [{ row: 3, action: 'skip' }] });
    expect(result).toMatchObject({ created: 2, updated: 0, skipped: 2 });
    expect(tb.store.db.contacts).toHaveLength(before + 2);
  });

  it('shows the mapped city and kind of organisations in the preview', async () => {
    const tb = await openTestBackend({ now: clock });
    const parsed = await stage(tb, 'orgs.csv', utf8(csv([['Name', 'City', 'Kind', 'Country'], ['Université de Lomé', 'Lomé', 'University', 'Togo']])));
    const mapping: Mapping = ['name', 'city', 'kind', 'country'];
    const preview = await tb.call('imports.preview', { uploadId: parsed.uploadId, target: 'organisations', mapping });
    expect(preview.rows[0]).toMatchObject({ name: 'Université de Lomé', city: 'Lomé', kind: 'university', country: 'TG', errors: [] });
  });

  it('updates existing records when asked, and one Undo gives back exactly the data before', async () => {
    const tb = await openTestBackend({ now: clock });
    const org = await tb.call('organisations.create', { name: 'Universität Zürich', country: 'CH' });
    const existing = await tb.call('contacts.create', {
      contact: { givenName: 'Anna', familyName: 'Müller', emails: [{ address: 'anna.mueller@example.ch', kind: 'work' }], expertise: ['Climate'] },
      positions: [{ organisationId: org.id, role: 'Professor' }],
    });
    const before = tables(tb);

    const rows = [
      ['Vorname', 'Nachname', 'Firma', 'Position', 'E-Mail-Adresse', 'Land', 'Kategorien'],
      ['Anna', 'Müller', 'Universitat Zurich', 'Professorin', 'anna.mueller@example.ch', 'CH', 'Water'], // same e-mail: update
      ['Ben', 'Meier', 'UNIVERSITÄT ZÜRICH', 'Postdoc', 'ben@example.ch', 'Schweiz', ''], // organisation matched with diacritics folded
      ['Cem', 'Kaya', 'Boğaziçi Üniversitesi', 'Lecturer', 'cem@example.tr', 'Türkei', ''],
    ];
    const parsed = await stage(tb, 'update.csv', utf8(csv(rows, ';')));
    const preview = await tb.call('imports.preview', { uploadId: parsed.uploadId, target: 'people', mapping: parsed.proposal.people });
    expect(preview.rows[0]!.duplicate).toMatchObject({ reason: 'email', existingId: existing.id, label: 'Anna Müller' });
    expect(preview.rows[1]).toMatchObject({ organisationAction: 'match' });
    const result = await apply(tb, parsed, { all: 'update' });
    expect(result).toMatchObject({ created: 2, updated: 1, skipped: 0, organisationsCreated: 1, positionsCreated: 3 });
    const anna = tb.store.db.contacts.find((c) => c.id === existing.id)!;
    expect(anna).toMatchObject({ revision: 2, expertise: ['Climate', 'Water'] });
    expect(tb.store.db.organisations).toHaveLength(2);
    expect(tb.store.db.trash.at(-1)).toMatchObject({ label: 'the state before importing update.csv' });

    const { label } = await tb.call('undo.apply', { undoId: result.undoId! });
    expect(label).toBe('the state before importing update.csv');
    expect(tables(tb)).toEqual(before);
    // And it stays so after reopening from disk.
    await tb.close();
    const reopened = await openTestBackend({ dataDir: tb.dataDir, now: clock });
    expect(tables(reopened)).toEqual(before);
  });

  it('refuses an Undo once an imported record was edited, and changes nothing', async () => {
    const tb = await openTestBackend({ now: clock });
    const parsed = await stage(tb, 'people.csv', excelBomCsv());
    const result = await apply(tb, parsed);
    const amina = tb.store.db.contacts.find((c) => c.familyName === 'Mensah')!;
    await tb.call('contacts.update', { id: amina.id, revision: amina.revision, changes: { owner: 'Jana' } });
    const after = tables(tb);
    const error = await rejection(tb.call('undo.apply', { undoId: result.undoId! }));
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: { key: 'imports.undoChanged' } });
    expect(tables(tb)).toEqual(after);
  });

  it('remembers the last mapping and proposes it for the same headers', async () => {
    const tb = await openTestBackend({ now: clock });
    const rows = [['Kürzel', 'Wer'], ['x@example.org', 'Anna Example']];
    const first = await stage(tb, 'a.csv', utf8(csv(rows)));
    expect(first.proposal.people).toEqual([null, null]);
    await tb.call('settings.update', { importMappings: { people: { kurzel: 'email', wer: 'fullName' } } });
    const second = await stage(tb, 'b.csv', utf8(csv(rows)));
    expect(second.proposal.people).toEqual(['email', 'fullName']);
  });

  it('shows row-level errors with their field and skips those rows', async () => {
    const tb = await openTestBackend({ now: clock });
    const rows = [
      ['First Name', 'Last Name', 'E-mail Address', 'Country', 'Lawful basis'],
      ['Ok', 'Person', 'ok@example.org', 'Kenya', 'Berechtigte Interessen'],
      ['No', '', 'no-family@example.org', '', ''],
      ['Bad', 'Mail', 'not-an-address', '', ''],
      ['Bad', 'Country', '', 'Atlantis', ''],
      ['Bad', 'Basis', '', '', 'because'],
    ];
    const parsed = await stage(tb, 'errors.csv', utf8(csv(rows)));
    const preview = await tb.call('imports.preview', { uploadId: parsed.uploadId, target: 'people', mapping: parsed.proposal.people });
    expect(preview).toMatchObject({ valid: 1, invalid: 4 });
    expect(preview.rows.map((r) => r.errors.map((e) => `${e.field}:${e.message.key}`))).toEqual([
      [],
      ['familyName:validation.required'],
      ['emails.0.address:validation.email'],
      ['country:validation.unknownCountry'],
      ['gdpr.lawfulBasis:validation.invalidChoice'],
    ]);
    const result = await apply(tb, parsed);
    expect(result).toMatchObject({ created: 1, skipped: 4 });
    expect(tb.store.db.contacts.at(0)).toMatchObject({ country: 'KE', gdpr: { lawfulBasis: 'legitimateInterests' } });
  });
});

describe('import: bad input changes nothing', () => {
  it('refuses a file over 200 MB before any byte is sent', async () => {
    const tb = await openTestBackend({ now: clock });
    const error = await rejection(tb.call('imports.begin', { fileName: 'huge.csv', size: MAX_IMPORT_BYTES + 1 }));
    expect(error).toMatchObject({ code: 'VALIDATION', messageKey: { key: 'imports.errors.tooLarge', params: { max: 200 } } });
    // …and a staged file that grows past its announced size is dropped.
    const { uploadId } = await tb.call('imports.begin', { fileName: 'small.csv', size: 3 });
    const grown = await rejection(tb.call('imports.upload', { uploadId, offset: 0, data: [Buffer.from('a,b\n1,2\n').toString('base64')] }));
    expect(grown.messageKey?.key).toBe('imports.errors.tooLarge');
  });

  it('reads a file picked in the shell’s dialog, and refuses a large one without reading it', async () => {
    const reads: string[] = [];
    let next: { fileName: string; size: number; bytes: Uint8Array } | null = null;
    const platform: Platform = {
      ...downloadPlatform,
      shell: 'electron',
      pickFile: async () =>
        next && { fileName: next.fileName, size: next.size, read: async () => (reads.push(next!.fileName), next!.bytes) },
    };
    const backend = await openBackend({ dataDir: await tempDir(), platform, validateOutput: true, kdf: TEST_KDF });
    const call = async <N extends Parameters<typeof backend.dispatch>[0]>(name: N, input: unknown) => {
      const e = await backend.dispatch(name, input as never);
      if (!e.ok) throw AppError.fromBody(e.error);
      return e.data as never;
    };
    try {
      await call('workspace.initialize', { sample: false });
      expect(await call('imports.pick', {})).toEqual({ cancelled: true });
      next = { fileName: 'huge.csv', size: MAX_IMPORT_BYTES + 1, bytes: new Uint8Array() };
      expect((await rejection(call('imports.pick', {}))).messageKey?.key).toBe('imports.errors.tooLarge');
      expect(reads).toEqual([]);
      const bytes = excelBomCsv();
      next = { fileName: 'people.csv', size: bytes.length, bytes };
      const picked: { uploadId: string; cancelled: boolean } = await call('imports.pick', {});
      expect(picked).toMatchObject({ cancelled: false, fileName: 'people.csv', size: bytes.length });
      expect(reads).toEqual(['people.csv']);
      const { jobId }: { jobId: string } = await call('imports.analyse', { uploadId: picked.uploadId });
      let status: { state: string; result?: { rowCount: number } };
      for (;;) {
        status = await call('imports.status', { jobId });
        if (status.state !== 'running') break;
        await new Promise((resolve) => setImmediate(resolve)); // let the job's slices run
      }
      expect(status).toMatchObject({ state: 'done', result: { rowCount: 2 } });
    } finally {
      await backend.close();
    }
  });

  it('refuses a wrong file type, a file without rows, ragged rows, and an old .xls', async () => {
    const tb = await openTestBackend({ now: clock });
    const before = tables(tb);
    expect((await rejection(tb.call('imports.begin', { fileName: 'contract.docx', size: 100 }))).messageKey?.key).toBe('imports.errors.fileType');
    const cases: Array<[string, Uint8Array, string]> = [
      ['renamed.csv', utf8('%PDF-1.7\n%âãÏÓ\n'), 'imports.errors.fileType'],
      ['binary.csv', new Uint8Array([0x41, 0x00, 0x42, 0x43]), 'imports.errors.fileType'],
      ['header-only.csv', utf8('First Name,Last Name\r\n\r\n'), 'imports.errors.empty'],
      ['ragged.csv', utf8('a,b,c\r\n1,2,3\r\n1,2\r\n1,2,3,4\r\n'), 'imports.errors.ragged'],
      ['old.csv', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'imports.errors.xls'],
      ['broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), 'imports.errors.fileType'],
    ];
    for (const [name, bytes, key] of cases) {
      const error = await stage(tb, name, bytes).then(
        () => null,
        (e: { key?: string }) => e,
      );
      expect(error?.key, name).toBe(key);
    }
    expect(tables(tb)).toEqual(before);
  });

  it('cancels an analysis and an apply; a cancelled apply changes nothing', async () => {
    const tb = await openTestBackend({ now: clock });
    const rows = [['First Name', 'Last Name', 'Notes']];
    for (let i = 0; i < 200_000; i++) rows.push([`G${i}`, `F${i}`, 'x'.repeat(60)]);
    const bytes = utf8(csv(rows));
    const { uploadId } = await tb.call('imports.begin', { fileName: 'big.csv', size: bytes.length });
    for (let offset = 0; offset < bytes.length; offset += IMPORT_CHUNK_BYTES) {
      await tb.call('imports.upload', { uploadId, offset, data: toPieces(bytes.subarray(offset, offset + IMPORT_CHUNK_BYTES), base64) });
    }
    // The parse yields after each megabyte: the cancel lands between two slices.
    const analysis = await tb.call('imports.analyse', { uploadId });
    expect(await tb.call('imports.status', analysis)).toMatchObject({ state: 'running' });
    await tb.call('jobs.cancel', analysis);
    expect((await waitForJob(tb, analysis.jobId)).state).toBe('cancelled');

    // Read it for real, then cancel the apply while its backup is written.
    const { jobId } = await tb.call('imports.analyse', { uploadId });
    const parsed = await waitForJob(tb, jobId);
    if (parsed.state !== 'done' || parsed.result.kind !== 'importParsed') throw new Error('not read');
    const before = tables(tb);
    const applying = await tb.call('imports.apply', { uploadId, target: 'people', mapping: parsed.result.proposal.people, duplicates: { all: 'skip', rows: [] }, language: 'en' });
    await tb.call('jobs.cancel', applying);
    expect((await waitForJob(tb, applying.jobId)).state).toBe('cancelled');
    expect(tables(tb)).toEqual(before);
  });
});

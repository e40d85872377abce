import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { caseBriefingModel } from '../../electron/backend/pdf/documents/case-briefing';
import { renderPdf } from '../../electron/backend/pdf/render';
import { pageTexts, pdffonts, pdfinfo, pdftotext, rowCells, savePdf, textLines } from './helpers/poppler';
import { openTestBackend, tempDir } from './helpers/workspace';
import { docFromPlainText } from '../../shared/domain/richtext';

const TITLE = 'Kooperation Łódź – Москва – Αθήνα – İzmir';

async function exportBriefing(language: 'en' | 'de') {
  const b = await openTestBackend({ now: () => new Date('2026-11-21T10:30:00Z') });
  const c = await b.call('cases.create', {
    title: TITLE,
    client: 'Network of Eastern European Studies',
    countries: ['PL', 'GR', 'TR'],
    topics: ['mobility'],
    openedOn: '2026-06-24',
    dueOn: '2026-12-31',
    summary: 'Partners in Łódź, Athens and İzmir.\n\nSecond paragraph about Москва.',
  });
  const result = await b.call('cases.exportBriefing', { id: c.id, language });
  if (result.delivery !== 'download') throw new Error('expected a download');
  const dir = await tempDir();
  return { path: savePdf(dir, Buffer.from(result.base64, 'base64')), fileName: result.fileName, c, b };
}

describe('case briefing PDF, read back with poppler', () => {
  it('prints the multi-script title exactly as typed and names the file portably', async () => {
    const { path, fileName } = await exportBriefing('en');
    const text = pdftotext(path);
    expect(text).toContain(TITLE);
    expect(text).toContain('Second paragraph about Москва.');
    expect(fileName).toMatch(/^AC-2026-001-Kooperation-Lodz-.*\.pdf$/);
  });

  it('embeds every font (no standard-14 fonts) with Unicode maps', async () => {
    const { path } = await exportBriefing('en');
    const fonts = pdffonts(path);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.unicode, f.name).toBe(true);
      expect(f.name).toMatch(/NotoSans/);
    }
  });

  it('is tagged, titled, in the right language, with a cover, details and page X of Y', async () => {
    const { path } = await exportBriefing('de');
    const info = pdfinfo(path);
    expect(info.Title).toBe(TITLE);
    expect(info.Tagged).toBe('yes');
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThanOrEqual(2);
    const texts = pageTexts(path);
    expect(texts[0]).toContain('VORGANGS-BRIEFING');
    expect(texts[0]).toContain('INTERN');
    expect(texts[0]).toMatch(/Erstellt am 21\. November 2026/);
    expect(texts[1]).toContain('Zusammenfassung');
    expect(texts[1]).toContain('Angaben');
    expect(texts[1]).toMatch(/Partnerländer\s+Polen, Griechenland, Türkei/);
    texts.forEach((t, i) => expect(t).toContain(`Seite ${i + 1} von ${pages}`));

    const struct = execFileSync('pdfinfo', ['-struct', path], { encoding: 'utf8' });
    expect(struct).toMatch(/Document/);
    expect(struct).toMatch(/H1/);
    expect(struct).toMatch(/Table/);
    expect(struct).toMatch(/TH/);
    const catalog = execFileSync('pdfinfo', ['-meta', path], { encoding: 'utf8' });
    expect(catalog).toBeDefined();
  });

  it('the document model is plain data, testable without pdfkit', async () => {
    const { c, b } = await exportBriefing('en');
    const model = caseBriefingModel(b.store.db, c, { language: 'en', generatedAt: new Date('2026-11-21T10:30:00Z'), today: '2026-11-21' });
    expect(model.classification.level).toBe('internal');
    const sections = ['Summary', 'Details', 'Client', 'Partners', 'Status history', 'Open tasks', 'Latest timeline entries', 'Linked notes'];
    expect(model.blocks.filter((x) => x.kind === 'heading' && x.level === 1).map((x) => (x as { text: string }).text)).toEqual(sections);
    const rendered = await renderPdf(model);
    expect(rendered.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(sections);
    expect(rendered.headings.slice(0, 2).map((h) => [h.text, h.page])).toEqual([
      ['Summary', 2],
      ['Details', 2],
    ]);
  });
});

/**
 * A case whose client was picked as an organisation (no free-text client), with people there, client
 * contacts, partners, a status history, tasks, a timeline and a linked note.
 */
async function richCase() {
  let now = new Date('2026-03-02T09:00:00Z');
  const b = await openTestBackend({ now: () => now });
  const org = (name: string, kind: 'university' | 'ministry' | 'researchInstitute', country: string, city: string, parentId: string | null = null) =>
    b.call('organisations.create', { name, kind, country, city, parentId });
  const knust = await org('Kwame Nkrumah University of Science and Technology', 'university', 'GH', 'Kumasi');
  const office = await org('Office of International Relations', 'university', 'GH', 'Kumasi', knust.id);
  const partnerA = await org('Leibniz Centre for Tropical Marine Research', 'researchInstitute', 'DE', 'Bremen');
  const partnerB = await org('University of Cape Coast', 'university', 'GH', 'Cape Coast');
  const person = (givenName: string, familyName: string, academicTitle: string, positions: Array<{ organisationId: string; role: string; from: string; to: string | null }>, email = '') =>
    b.call('contacts.create', { contact: { givenName, familyName, academicTitle, emails: email ? [{ address: email, kind: 'work' as const }] : [], phones: [] }, positions });
  const ama = await person('Ama', 'Mensah', 'Dr.', [
    { organisationId: knust.id, role: 'Deputy Registrar', from: '2015-01-01', to: '2021-12-31' },
    { organisationId: office.id, role: 'Director', from: '2022-01-01', to: null },
  ], 'ama.mensah@knust.example');
  await person('Kofi', 'Asante', 'Prof.', [{ organisationId: knust.id, role: 'Pro-Vice-Chancellor', from: '2020-08-01', to: null }]);
  await person('Yaw', 'Owusu', '', [{ organisationId: knust.id, role: 'Registrar', from: '2010-01-01', to: '2024-12-31' }]);
  const esi = await person('Esi', 'Boateng', '', [{ organisationId: partnerB.id, role: 'Programme Officer', from: '2023-02-01', to: null }], 'esi.boateng@ucc.example');
  const c = await b.call('cases.create', {
    title: 'Coastal erosion research network',
    clientId: knust.id,
    client: '',
    clientContactIds: [ama.id, esi.id],
    partnerOrganisationIds: [partnerA.id, partnerB.id],
    countries: ['GH', 'DE'],
    topics: ['climate'],
    openedOn: '2026-03-02',
    owner: 'A. Berger',
    summary: 'A network on coastal erosion between Kumasi, Cape Coast and Bremen.',
  });
  let current = c;
  for (const [status, on] of [
    ['analysis', '2026-04-10T09:00:00Z'],
    ['advising', '2026-09-01T09:00:00Z'],
  ] as const) {
    now = new Date(on);
    current = await b.call('cases.update', { id: c.id, revision: current.revision, changes: { status } });
  }
  now = new Date('2026-11-21T10:30:00Z');
  await b.call('tasks.create', { caseId: c.id, title: 'Send the draft MoU to KNUST', dueOn: '2026-11-01', assignee: 'A. Berger' });
  await b.call('tasks.create', { caseId: c.id, title: 'Book the venue for the kick-off', dueOn: '2027-01-15', assignee: 'H. Vogt' });
  await b.call('tasks.create', { caseId: c.id, title: 'Collect partner CVs', dueOn: null, assignee: '' });
  const done = await b.call('tasks.create', { caseId: c.id, title: 'Finished: first scoping call', dueOn: '2026-05-01', assignee: 'A. Berger' });
  await b.call('tasks.update', { id: done.id, revision: done.revision, changes: { done: true } });
  // Twelve timeline entries, one a month; the briefing prints the latest ten.
  for (let m = 1; m <= 12; m++) {
    const date = new Date(Date.UTC(2025, 10 + m, 15)).toISOString().slice(0, 10); // December 2025 to November 2026
    await b.call('activities.create', { kind: m % 2 ? 'call' : 'meeting', date, title: `Timeline entry ${m}`, text: `Notes of entry ${m}.`, caseId: c.id, participantIds: m === 12 ? [ama.id] : [] });
  }
  await b.call('notes.create', {
    title: 'Ghana country strategy 2026',
    kind: 'countryStrategy',
    status: 'final',
    caseIds: [c.id],
    body: docFromPlainText('Coastal research is a priority of the bilateral agenda.\n\nSecond paragraph with further detail.'),
  });
  return { b, c, knust };
}

async function exportRich(language: 'en' | 'de') {
  const { b, c } = await richCase();
  const result = await b.call('cases.exportBriefing', { id: c.id, language });
  if (result.delivery !== 'download') throw new Error('expected a download');
  return savePdf(await tempDir(), Buffer.from(result.base64, 'base64'), `rich-${language}.pdf`);
}

describe('the case briefing as a report: client, people, partners, history, tasks, timeline, notes', () => {
  it('names the client organisation picked with the organisation picker, never "—"', async () => {
    const path = await exportRich('en');
    const text = pdftotext(path, '-layout');
    const pages = pageTexts(path);
    expect(pages[0]).toMatch(/Client\s+Kwame Nkrumah University of Science and Technology/);
    expect(text).toMatch(/Client\s+Kwame Nkrumah University of Science and Technology/);
    expect(text).not.toMatch(/Client\s+—/);
  });

  it('lists the client’s people in their current positions and the case’s client contacts with theirs', async () => {
    const path = await exportRich('en');
    const text = pdftotext(path, '-layout');
    const lines = textLines(path);
    // People there now: a department's role names the department; the latest contact is derived from the timeline.
    expect(rowCells(lines, 'Dr. Ama Mensah', 'People there now')).toEqual(['Dr. Ama Mensah', 'Director, Office of International Relations', '15 November 2026']);
    expect(rowCells(lines, 'Prof. Kofi Asante', 'People there now')).toEqual(['Prof. Kofi Asante', 'Pro-Vice-Chancellor', '—']);
    // A position that has ended is not printed as current; nor is someone who left.
    expect(text).not.toContain('Deputy Registrar');
    expect(text).not.toContain('Yaw Owusu');
    expect(rowCells(lines, 'Dr. Ama Mensah', 'Client contacts')).toEqual(['Dr. Ama Mensah', 'Director, Office of International Relations', 'ama.mensah@knust.example', '—']);
    expect(rowCells(lines, 'Esi Boateng', 'Client contacts')).toEqual(['Esi Boateng', 'Programme Officer, University of Cape Coast', 'esi.boateng@ucc.example', '—']);
    expect(rowCells(lines, 'Leibniz Centre', 'Partner organisations')).toEqual(['Leibniz Centre for Tropical Marine Research', 'Bremen, Germany', 'Research institute']);
    expect(rowCells(lines, 'Ghana', 'Region')).toEqual(['Ghana', 'Western Africa › Sub-Saharan Africa › Africa']);
    expect(rowCells(lines, 'Germany', 'Region')).toEqual(['Germany', 'Western Europe › Europe']);
  });

  it('prints the status history, the open tasks with due dates, overdue ones marked, and their assignees', async () => {
    const path = await exportRich('en');
    const text = pdftotext(path, '-layout');
    const lines = textLines(path);
    expect(rowCells(lines, 'Intake', 'Status history')).toEqual(['Intake', '2 March 2026', '10 April 2026']);
    expect(rowCells(lines, 'Analysis', 'Status history')).toEqual(['Analysis', '10 April 2026', '1 September 2026']);
    expect(rowCells(lines, 'Advising', 'Status history')).toEqual(['Advising', '1 September 2026', 'current']);
    expect(rowCells(lines, 'Send the draft MoU')).toEqual(['Send the draft MoU to KNUST', '1 November 2026 — overdue', 'A. Berger']);
    expect(rowCells(lines, 'Book the venue')).toEqual(['Book the venue for the kick-off', '15 January 2027', 'H. Vogt']);
    expect(rowCells(lines, 'Collect partner CVs')).toEqual(['Collect partner CVs', '—', '—']);
    expect(text).toContain('Collect partner CVs');
    expect(text).not.toContain('Finished: first scoping call');
    expect(text.replace(/\s+/g, ' ')).toContain('3 open, 1 overdue');
  });

  it('prints the latest timeline entries, newest first, and the linked notes’ summaries', async () => {
    const path = await exportRich('en');
    const text = pdftotext(path, '-layout');
    for (let m = 3; m <= 12; m++) expect(text).toContain(`Timeline entry ${m}`);
    expect(text).not.toMatch(/Timeline entry 1\b/);
    expect(text).not.toMatch(/Timeline entry 2\b/);
    expect(text.indexOf('Timeline entry 12')).toBeLessThan(text.indexOf('Timeline entry 11'));
    expect(rowCells(textLines(path), '15 November 2026', 'Latest timeline entries')).toEqual(['15 November 2026', 'Meeting', 'Timeline entry 12 Notes of entry 12.', 'Dr. Ama Mensah']);
    expect(text.replace(/\s+/g, ' ')).toContain('The 10 most recent of 12 entries.');
    expect(text).toContain('Ghana country strategy 2026');
    expect(text).toContain('Coastal research is a priority of the bilateral agenda.');
  });

  it('says it all in German too', async () => {
    const path = await exportRich('de');
    const text = pdftotext(path, '-layout');
    expect(text).toMatch(/Auftraggeber\s+Kwame Nkrumah University of Science and Technology/);
    expect(text).not.toMatch(/Auftraggeber\s+—/);
    expect(text).toMatch(/Ansprechpersonen beim Auftraggeber/);
    expect(rowCells(textLines(path), 'Send the draft MoU')).toEqual(['Send the draft MoU to KNUST', '1. November 2026 — überfällig', 'A. Berger']);
    expect(text).toContain('Statusverlauf');
    expect(text).toContain('Offene Aufgaben');
    expect(text).toContain('Verknüpfte Notizen');
  });
});

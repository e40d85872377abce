import { describe, expect, it } from 'vitest';
import { docFromPlainText } from '../../shared/domain/richtext';
import { openTestBackend, rejection, type TestBackend } from './helpers/workspace';

const TODAY = '2026-11-21';
const clock = () => new Date(`${TODAY}T10:00:00Z`);

async function world(b: TestBackend) {
  const institute = await b.call('organisations.create', { name: 'Institute for Coastal Climate Research', shortName: 'ICCR', kind: 'researchInstitute', country: 'DE', city: 'Kiel', topics: ['climate adaptation'] });
  const embassy = await b.call('organisations.create', { name: 'German Embassy Nairobi', kind: 'embassy', country: 'KE', city: 'Nairobi' });
  const section = await b.call('organisations.create', { name: 'Science Section', kind: 'embassy', country: 'KE', parentId: embassy.id });
  const amina = await b.call('contacts.create', {
    contact: { givenName: 'Amina', familyName: 'Otieno', academicTitle: 'Dr.', expertise: ['climate adaptation'], languages: ['en', 'sw'] },
    positions: [{ organisationId: embassy.id, role: 'Head of Science Section', from: '2022-09-01', to: null }],
  });
  const ivan = await b.call('contacts.create', {
    contact: { givenName: 'Ivan', familyName: 'Petrov', nativeName: 'Иван Петров', transliteration: 'Ivan Petrov', expertise: ['artificial intelligence'] },
    positions: [{ organisationId: institute.id, role: 'Director', from: '2020-01-01', to: null }],
  });
  return { institute, embassy, section, amina, ivan };
}

describe('organisations', () => {
  it('refuses a parent that would make a cycle, and unknown parents', async () => {
    const b = await openTestBackend({ now: clock });
    const { embassy, section } = await world(b);
    const cycle = await rejection(b.call('organisations.update', { id: embassy.id, revision: embassy.revision, changes: { parentId: section.id } }));
    expect(cycle.fields?.parentId?.key).toBe('validation.parentCycle');
    const unknown = await rejection(b.call('organisations.create', { name: 'Orphan', parentId: 'does-not-exist' }));
    expect(unknown.fields?.parentId?.key).toBe('validation.unknownRecord');
  });

  it('lists with filters by kind, country, region and folded text, in windows', async () => {
    const b = await openTestBackend({ now: clock });
    await world(b);
    const names = async (q: object) => (await b.call('organisations.list', q)).rows.map((r) => r.name);
    expect(await names({ kinds: ['embassy'] })).toEqual(['German Embassy Nairobi', 'Science Section']);
    expect(await names({ regions: ['202'] })).toHaveLength(2); // Kenya is in Sub-Saharan Africa
    expect(await names({ text: 'kiel' })).toEqual(['Institute for Coastal Climate Research']);
    const page = await b.call('organisations.list', { offset: 1, limit: 1 });
    expect(page.total).toBe(3);
    expect(page.rows).toHaveLength(1);
    expect(page.offset).toBe(1);
  });
});

describe('positions over time', () => {
  it('a hand-over ends the old holder the day before and keeps both on record', async () => {
    const b = await openTestBackend({ now: clock });
    const { embassy, amina, ivan } = await world(b);
    const [position] = (await b.call('contacts.related', { id: amina.id })).positions;
    const { ended, started } = await b.call('positions.handOver', { positionId: position!.position.id, revision: position!.position.revision, successorId: ivan.id, on: '2026-10-01' });
    expect(ended.to).toBe('2026-09-30');
    expect(started).toMatchObject({ contactId: ivan.id, organisationId: embassy.id, role: 'Head of Science Section', from: '2026-10-01', to: null });

    const related = await b.call('organisations.related', { id: embassy.id });
    expect(related.current.map((p) => [p.contact.name, p.position.role])).toEqual([['Ivan Petrov', 'Head of Science Section']]);
    expect(related.former.map((p) => [p.contact.name, p.position.to])).toEqual([['Dr. Amina Otieno', '2026-09-30']]);

    const people = (await b.call('contacts.list', { organisationId: embassy.id })).rows;
    expect(people.map((p) => p.name)).toEqual(['Ivan Petrov']);
    const aminaRow = (await b.call('contacts.list', { text: 'otieno' })).rows[0]!;
    expect(aminaRow.role).toBeNull();
  });

  it('refuses a hand-over to the same person or before the holder started', async () => {
    const b = await openTestBackend({ now: clock });
    const { amina } = await world(b);
    const [p] = (await b.call('contacts.related', { id: amina.id })).positions;
    const same = await rejection(b.call('positions.handOver', { positionId: p!.position.id, revision: 1, successorId: amina.id, on: '2026-10-01' }));
    expect(same.fields?.successorId?.key).toBe('validation.sameHolder');
    const early = await rejection(b.call('positions.handOver', { positionId: p!.position.id, revision: 1, successorId: amina.id === 'x' ? 'y' : (await b.call('contacts.list', { text: 'ivan' })).rows[0]!.id, on: '2020-01-01' }));
    expect(early.fields?.on?.key).toBe('validation.handoverBeforeStart');
  });

  it('finds people by their name in the original script and by their organisation', async () => {
    const b = await openTestBackend({ now: clock });
    await world(b);
    expect((await b.call('contacts.list', { text: 'Петров' })).rows.map((r) => r.name)).toEqual(['Ivan Petrov']);
    expect((await b.call('contacts.list', { text: 'coastal' })).rows.map((r) => r.name)).toEqual(['Ivan Petrov']);
    expect((await b.call('contacts.list', { countries: ['KE'] })).rows.map((r) => r.name)).toEqual(['Dr. Amina Otieno']);
    expect((await b.call('contacts.list', { languages: ['sw'] })).total).toBe(1);
  });
});

describe('derived last contact', () => {
  it('is the date of the latest activity a person took part in, and moves back when it is deleted', async () => {
    const b = await openTestBackend({ now: clock });
    const { amina, ivan } = await world(b);
    const c = await b.call('cases.create', { title: 'Partners in Kenya', openedOn: '2026-01-10', clientContactIds: [amina.id] });
    await b.call('activities.create', { kind: 'call', date: '2026-03-02', title: 'First call', participantIds: [amina.id], caseId: c.id });
    const meeting = await b.call('activities.create', { kind: 'meeting', date: '2026-11-02', title: 'Meeting in Nairobi', participantIds: [amina.id, ivan.id], caseId: c.id });

    const last = async (id: string) => (await b.call('contacts.related', { id })).lastContact;
    expect(await last(amina.id)).toBe('2026-11-02');
    expect((await b.call('contacts.list', { text: 'otieno' })).rows[0]!.lastContact).toBe('2026-11-02');
    const timeline = (await b.call('contacts.related', { id: ivan.id })).activities;
    expect(timeline.map((a) => [a.title, a.caseTitle])).toEqual([['Meeting in Nairobi', 'Partners in Kenya']]);

    await b.call('activities.delete', { id: meeting.id, revision: meeting.revision });
    expect(await last(amina.id)).toBe('2026-03-02');
    expect(await last(ivan.id)).toBeNull();
  });
});

describe('referential integrity', () => {
  it('refuses links to records that do not exist', async () => {
    const b = await openTestBackend({ now: clock });
    const err = await rejection(b.call('cases.create', { title: 'Ghost client', openedOn: '2026-01-01', clientId: 'missing' }));
    expect(err.fields?.clientId?.key).toBe('validation.unknownRecord');
    const act = await rejection(b.call('activities.create', { date: '2026-01-01', participantIds: ['missing'] }));
    expect(act.fields?.participantIds?.key).toBe('validation.unknownRecord');
    const pos = await rejection(b.call('positions.create', { contactId: 'missing', organisationId: 'missing', role: 'X' }));
    expect(pos.code).toBe('VALIDATION');
  });

  it('deleting a referenced person explains the impact, clears every reference atomically, and undo restores all of it', async () => {
    const b = await openTestBackend({ now: clock });
    const { amina, ivan } = await world(b);
    const c = await b.call('cases.create', { title: 'Partners in Kenya', openedOn: '2026-01-10', clientContactIds: [amina.id, ivan.id] });
    const a = await b.call('activities.create', { kind: 'meeting', date: '2026-11-02', participantIds: [amina.id, ivan.id], caseId: c.id });
    const n = await b.call('notes.create', { title: 'Kenya strategy', contactIds: [amina.id], caseIds: [c.id] });

    const impact = await b.call('contacts.deleteImpact', { id: amina.id });
    expect(impact.label).toBe('Dr. Amina Otieno');
    expect(impact.removes).toEqual([{ collection: 'positions', count: 1 }]);
    expect(impact.unlinks).toEqual(
      expect.arrayContaining([
        { collection: 'cases', field: 'clientContactIds', count: 1 },
        { collection: 'activities', field: 'participantIds', count: 1 },
        { collection: 'notes', field: 'contactIds', count: 1 },
      ]),
    );

    const { undoId } = await b.call('contacts.delete', { id: amina.id, revision: amina.revision });
    expect((await b.call('cases.get', { id: c.id })).clientContactIds).toEqual([ivan.id]);
    expect((await b.call('activities.list', { caseId: c.id }))[0]!.participantIds).toEqual([ivan.id]);
    expect((await b.call('notes.get', { id: n.id })).contactIds).toEqual([]);
    expect(b.store.db.positions.some((p) => p.contactId === amina.id)).toBe(false);
    // Nothing anywhere still points at the deleted person.
    expect(JSON.stringify(b.store.db).includes(`"${amina.id}"`)).toBe(
      JSON.stringify(b.store.db.trash).includes(`"${amina.id}"`),
    );

    await b.call('undo.apply', { undoId });
    expect((await b.call('contacts.get', { id: amina.id })).familyName).toBe('Otieno');
    expect([...(await b.call('cases.get', { id: c.id })).clientContactIds].sort()).toEqual([amina.id, ivan.id].sort());
    expect([...(await b.call('activities.list', { caseId: c.id }))[0]!.participantIds].sort()).toEqual([amina.id, ivan.id].sort());
    expect((await b.call('notes.get', { id: n.id })).contactIds).toEqual([amina.id]);
    expect((await b.call('contacts.related', { id: amina.id })).positions).toHaveLength(1);
    expect((await b.call('activities.list', { caseId: c.id }))[0]!.revision).toBeGreaterThan(a.revision);
  });

  it('deleting an organisation removes its positions, detaches sub-organisations, keeps the client name on cases; undo restores', async () => {
    const b = await openTestBackend({ now: clock });
    const { embassy, section, amina } = await world(b);
    const c = await b.call('cases.create', { title: 'Embassy request', openedOn: '2026-01-10', clientId: embassy.id });
    const { undoId } = await b.call('organisations.delete', { id: embassy.id, revision: embassy.revision });
    expect((await b.call('organisations.get', { id: section.id })).parentId).toBeNull();
    const afterCase = await b.call('cases.get', { id: c.id });
    expect(afterCase.clientId).toBeNull();
    expect(afterCase.client).toBe('German Embassy Nairobi');
    expect((await b.call('contacts.related', { id: amina.id })).positions).toEqual([]);

    await b.call('undo.apply', { undoId });
    expect((await b.call('organisations.get', { id: section.id })).parentId).toBe(embassy.id);
    expect((await b.call('cases.get', { id: c.id })).clientId).toBe(embassy.id);
    expect((await b.call('organisations.related', { id: embassy.id })).current).toHaveLength(1);
  });

  it('deleting a case takes its tasks and leaves its timeline entries on the people; undo restores', async () => {
    const b = await openTestBackend({ now: clock });
    const { amina } = await world(b);
    const c = await b.call('cases.create', { title: 'Short-lived', openedOn: '2026-01-10' });
    await b.call('tasks.create', { caseId: c.id, title: 'Write memo', dueOn: '2026-11-01' });
    const act = await b.call('activities.create', { date: '2026-05-05', participantIds: [amina.id], caseId: c.id });
    const impact = await b.call('cases.deleteImpact', { id: c.id });
    expect(impact.removes).toEqual([{ collection: 'tasks', count: 1 }]);
    const { undoId } = await b.call('cases.delete', { id: c.id, revision: c.revision });
    expect(await b.call('tasks.list', {})).toEqual([]);
    const kept = (await b.call('contacts.related', { id: amina.id })).activities;
    expect(kept.map((a) => [a.id, a.caseId])).toEqual([[act.id, null]]);
    await b.call('undo.apply', { undoId });
    expect((await b.call('tasks.list', { caseId: c.id })).map((t) => t.title)).toEqual(['Write memo']);
    expect((await b.call('activities.list', { caseId: c.id })).map((a) => a.id)).toEqual([act.id]);
  });
});

describe('cases: status history, tasks, links', () => {
  it('records each status change with its day and marks overdue tasks', async () => {
    const b = await openTestBackend({ now: clock });
    const c = await b.call('cases.create', { title: 'History', openedOn: '2026-02-01' });
    const up = await b.call('cases.update', { id: c.id, revision: 1, changes: { status: 'analysis' } });
    expect(up.statusHistory).toEqual([
      { status: 'intake', on: '2026-02-01' },
      { status: 'analysis', on: TODAY },
    ]);
    const task = await b.call('tasks.create', { caseId: c.id, title: 'Late', dueOn: '2026-11-01' });
    await b.call('tasks.create', { caseId: c.id, title: 'Later', dueOn: '2026-12-01' });
    const [first] = await b.call('tasks.list', { caseId: c.id });
    expect(first).toMatchObject({ title: 'Late', overdue: true });
    const row = (await b.call('cases.list', {})).rows[0]!;
    expect([row.openTasks, row.overdueTasks]).toEqual([2, 1]);
    const done = await b.call('tasks.update', { id: task.id, revision: task.revision, changes: { done: true } });
    expect(done.doneOn).toBe(TODAY);
    expect((await b.call('cases.list', {})).rows[0]!.overdueTasks).toBe(0);
  });
});

describe('strategy notes', () => {
  it('keeps every saved version; an earlier one can be viewed and restored', async () => {
    const b = await openTestBackend({ now: clock });
    const n = await b.call('notes.create', { title: 'Africa strategy', kind: 'regionalStrategy', regions: ['202'], body: docFromPlainText('First draft.') });
    const v2 = await b.call('notes.update', { id: n.id, revision: 1, changes: { body: docFromPlainText('Second draft with young scientists.') } });
    await b.call('notes.update', { id: n.id, revision: v2.revision, changes: { title: 'Africa strategy 2027', status: 'final' } });
    const versions = await b.call('notes.revisions', { id: n.id });
    expect(versions.map((v) => v.noteRevision)).toEqual([3, 2, 1]);
    expect(versions[2]!.excerpt).toBe('First draft.');
    const first = await b.call('notes.revision', { id: versions[2]!.id });
    expect(first.title).toBe('Africa strategy');

    const restored = await b.call('notes.restoreRevision', { id: n.id, revision: 3, revisionId: first.id });
    expect(restored.title).toBe('Africa strategy');
    expect(restored.body).toEqual(docFromPlainText('First draft.'));
    expect((await b.call('notes.revisions', { id: n.id })).map((v) => v.noteRevision)).toEqual([4, 3, 2, 1]);
  });

  it('refuses rich text outside the documented subset (e.g. a javascript: link)', async () => {
    const b = await openTestBackend({ now: clock });
    const evil = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] };
    const err = await rejection(b.call('notes.create', { title: 'Bad', body: evil as never }));
    expect(err.code).toBe('VALIDATION');
    const unknownNode = { type: 'doc', content: [{ type: 'codeBlock', content: [] }] };
    expect((await rejection(b.call('notes.create', { title: 'Bad', body: unknownNode as never }))).code).toBe('VALIDATION');
  });

  it('a country shows the notes about it and about its regions; search finds note text', async () => {
    const b = await openTestBackend({ now: clock });
    await b.call('notes.create', { title: 'Sub-Saharan priorities', regions: ['202'], body: docFromPlainText('Innovation prize and young scientists.') });
    await b.call('notes.create', { title: 'Vietnam country strategy', countries: ['VN'] });
    const ghana = await b.call('countries.detail', { code: 'GH' });
    expect(ghana.notes.map((n) => n.title)).toEqual(['Sub-Saharan priorities']);
    expect((await b.call('notes.list', { countries: ['GH'] })).rows.map((n) => n.title)).toEqual(['Sub-Saharan priorities']);
    expect((await b.call('notes.list', { text: 'innovation prize' })).rows.map((n) => n.title)).toEqual(['Sub-Saharan priorities']);
    const hits = (await b.call('search.global', { text: 'vietnam' })).groups.flatMap((g) => g.hits);
    expect(hits.map((h) => [h.kind, h.label])).toContainEqual(['note', 'Vietnam country strategy']);
    // And by the words of its text.
    expect((await b.call('search.global', { text: 'young scientists' })).groups.flatMap((g) => g.hits).map((h) => h.label)).toEqual(['Sub-Saharan priorities']);
  });

  it('deleting a note takes its versions, and undo brings them back', async () => {
    const b = await openTestBackend({ now: clock });
    const n = await b.call('notes.create', { title: 'Temporary' });
    await b.call('notes.update', { id: n.id, revision: 1, changes: { title: 'Temporary 2' } });
    const { undoId } = await b.call('notes.delete', { id: n.id, revision: 2 });
    expect(b.store.db.noteRevisions.filter((r) => r.noteId === n.id)).toEqual([]);
    await b.call('undo.apply', { undoId });
    expect((await b.call('notes.revisions', { id: n.id })).length).toBe(2);
  });
});

describe('saved views', () => {
  it('stores named filter combinations per list', async () => {
    const b = await openTestBackend({ now: clock });
    const v = await b.call('views.create', { name: 'AI in Southeast Asia', list: 'contacts', query: { regions: ['035'], topics: ['artificial intelligence'] }, columns: ['name', 'role'] });
    expect((await b.call('views.list', { list: 'contacts' })).map((x) => x.name)).toEqual(['AI in Southeast Asia']);
    expect(await b.call('views.list', { list: 'cases' })).toEqual([]);
    await b.call('views.delete', { id: v.id });
    expect(await b.call('views.list', { list: 'contacts' })).toEqual([]);
  });
});

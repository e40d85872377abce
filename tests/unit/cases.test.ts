import { describe, expect, it } from 'vitest';
import { nextCaseReference } from '../../shared/features/cases/rules';
import { openTestBackend, rejection } from './helpers/workspace';

const clock = (iso: string) => () => new Date(iso);

describe('cases service', () => {
  it('generates references per year of opening and keeps counting after edits', async () => {
    const b = await openTestBackend({ now: clock('2026-06-01T10:00:00Z') });
    const a = await b.call('cases.create', { title: 'A', openedOn: '2026-01-05' });
    const c = await b.call('cases.create', { title: 'B', openedOn: '2026-02-05' });
    const old = await b.call('cases.create', { title: 'C', openedOn: '2025-12-30' });
    expect([a.reference, c.reference, old.reference]).toEqual(['AC-2026-001', 'AC-2026-002', 'AC-2025-001']);
    await b.call('cases.update', { id: c.id, revision: 1, changes: { reference: 'AC-2026-017' } });
    expect((await b.call('cases.nextReference', { openedOn: '2026-03-01' })).reference).toBe('AC-2026-018');
    expect(nextCaseReference(['X-1', 'AC-2027-009'], 2027)).toBe('AC-2027-010');
  });

  it('normalises input: trimmed title, upper-case reference and countries, folded topic spaces, no duplicates', async () => {
    const b = await openTestBackend();
    const c = await b.call('cases.create', {
      title: '  Green hydrogen roadmap  ',
      reference: ' ac-2026/h2 ',
      countries: ['cl', 'CL', 'de'],
      topics: ['green   hydrogen', 'green hydrogen', ' energy '],
      openedOn: '2026-04-01',
    });
    expect(c.title).toBe('Green hydrogen roadmap');
    expect(c.reference).toBe('AC-2026/H2');
    expect(c.countries).toEqual(['CL', 'DE']);
    expect(c.topics).toEqual(['green hydrogen', 'energy']);
  });

  it('validates the merged record on update: a due date moved before the opening date is refused', async () => {
    const b = await openTestBackend();
    const c = await b.call('cases.create', { title: 'Dates', openedOn: '2026-04-01', dueOn: '2026-05-01' });
    const err = await rejection(b.call('cases.update', { id: c.id, revision: 1, changes: { openedOn: '2026-06-01' } }));
    expect(err.fields?.dueOn?.key).toBe('validation.dueBeforeOpened');
    expect((await b.call('cases.get', { id: c.id })).openedOn).toBe('2026-04-01');
  });

  it('filters by status, country and folded text, and sorts', async () => {
    const b = await openTestBackend();
    await b.call('cases.create', { title: 'Kooperation Łódź – Москва – Αθήνα – İzmir', openedOn: '2026-01-01', countries: ['PL', 'GR', 'TR'], status: 'onHold' });
    await b.call('cases.create', { title: 'Water alliance', openedOn: '2026-01-02', countries: ['JO'], status: 'advising', dueOn: '2026-03-01' });
    await b.call('cases.create', { title: 'AI in health', openedOn: '2026-01-03', countries: ['SG'], status: 'advising', dueOn: '2026-02-01' });

    const titles = async (q: object) => (await b.call('cases.list', q)).rows.map((c) => c.title);
    expect(await titles({ text: 'lodz izmir' })).toEqual(['Kooperation Łódź – Москва – Αθήνα – İzmir']);
    expect(await titles({ text: 'москва' })).toHaveLength(1);
    expect(await titles({ text: 'Jordanien' })).toEqual(['Water alliance']); // country names in German match too
    expect(await titles({ statuses: ['advising'], sort: 'dueOn', direction: 'asc' })).toEqual(['AI in health', 'Water alliance']);
    expect(await titles({ countries: ['GR'] })).toHaveLength(1);
    expect(await titles({ statuses: ['closed'] })).toEqual([]);
    const list = (await b.call('cases.list', {})).rows;
    expect(list[0]).not.toHaveProperty('summary');
  });

  it('delete then undo restores the case exactly; undo twice is refused', async () => {
    const b = await openTestBackend();
    const c = await b.call('cases.create', { title: 'To delete', openedOn: '2026-01-01', summary: 'Keep every word.' });
    const { undoId } = await b.call('cases.delete', { id: c.id, revision: c.revision });
    expect((await b.call('cases.list', {})).rows).toEqual([]);
    expect((await rejection(b.call('cases.get', { id: c.id }))).code).toBe('NOT_FOUND');

    const { label } = await b.call('undo.apply', { undoId });
    expect(label).toContain('To delete');
    expect(await b.call('cases.get', { id: c.id })).toEqual(c);
    expect((await rejection(b.call('undo.apply', { undoId }))).code).toBe('NOT_FOUND');
  });

  it('refuses to delete from a stale revision', async () => {
    const b = await openTestBackend();
    const c = await b.call('cases.create', { title: 'Busy', openedOn: '2026-01-01' });
    await b.call('cases.update', { id: c.id, revision: 1, changes: { status: 'analysis' } });
    expect((await rejection(b.call('cases.delete', { id: c.id, revision: 1 }))).code).toBe('CONFLICT');
    expect((await b.call('cases.list', {})).rows).toHaveLength(1);
  });

  it('the sample workspace has cases in every status and passes validation', async () => {
    const b = await openTestBackend({ sample: true });
    const list = (await b.call('cases.list', {})).rows;
    expect(list.length).toBeGreaterThanOrEqual(10);
    expect(new Set(list.map((c) => c.status))).toEqual(new Set(['intake', 'analysis', 'advising', 'implementation', 'onHold', 'closed']));
  });
});

import { describe, expect, it } from 'vitest';
import type { Rows } from '../../shared/schemas/collection';
import type { Database } from '../../shared/schemas/database';
import { openTestBackend } from './helpers/workspace';

type Row = { id: string; revision: number } & Record<string, unknown>;

/** The record of a collection with the most filled-in fields, so an accidental reset shows. */
function richest(rows: readonly Row[]): Row {
  const filled = (r: Row) => Object.values(r).filter((v) => v !== null && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0)).length;
  return [...rows].sort((a, b) => filled(b) - filled(a))[0]!;
}

/** Every field except the ones the update is allowed to touch. */
function untouched(r: Row, allowed: readonly string[]) {
  return Object.fromEntries(Object.entries(r).filter(([k]) => !['updatedAt', 'revision', ...allowed].includes(k)));
}

type Collection = Exclude<keyof Database, 'schemaVersion' | 'settings' | 'counters' | 'noteRevisions'>;

const cases: Array<{ collection: Collection; op: string; changes: Record<string, unknown>; derived?: string[] }> = [
  { collection: 'cases', op: 'cases.update', changes: { title: 'Renamed case' } },
  { collection: 'tasks', op: 'tasks.update', changes: { done: true }, derived: ['doneOn'] },
  { collection: 'activities', op: 'activities.update', changes: { title: 'Renamed activity' } },
  { collection: 'organisations', op: 'organisations.update', changes: { notes: 'One line of notes.' } },
  { collection: 'contacts', op: 'contacts.update', changes: { notes: 'One line of notes.' } },
  { collection: 'positions', op: 'positions.update', changes: { role: 'Renamed role' } },
  { collection: 'notes', op: 'notes.update', changes: { title: 'Renamed note' } },
  { collection: 'views', op: 'views.update', changes: { name: 'Renamed view' } },
  { collection: 'trips', op: 'trips.update', changes: { title: 'Renamed trip' } },
  { collection: 'agendaItems', op: 'agenda.update', changes: { place: 'Another room' } },
];

describe('an update of one field keeps every other field', () => {
  it.each(cases)('$op', async ({ collection, op, changes, derived = [] }) => {
    const b = await openTestBackend({ sample: true });
    const db = b.store.db as Database;
    const before = richest([...(db[collection] as Rows<Row>)]);
    await b.dispatch(op as never, { id: before.id, revision: before.revision, changes } as never).then((e) => {
      if (!e.ok) throw new Error(JSON.stringify(e.error));
    });
    const after = (b.store.db[collection] as Rows<{ id: string }>).find((r) => r.id === before.id) as unknown as Row;
    expect(after).toMatchObject(changes);
    expect(untouched(after, [...Object.keys(changes), ...derived])).toEqual(untouched(before, [...Object.keys(changes), ...derived]));
  });

  it('settings: changing the theme keeps the language', async () => {
    const b = await openTestBackend();
    await b.call('settings.update', { language: 'de', theme: 'dark' });
    await b.call('settings.update', { theme: 'light' });
    expect(await b.call('settings.get', {})).toEqual({ language: 'de', theme: 'light', lockAfterMinutes: 15, advisorName: '', notifyDue: false });
  });
});

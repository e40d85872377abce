// Deleting a note goes through the delete planner like every other record: the impact it shows
// names the trips that lose the link, and one Undo puts the note, its versions and the link back.
// (notes.deleteImpact was once written by hand and reported nothing while the delete cleared a
// trip's noteIds.)
import { describe, expect, it } from 'vitest';
import { docFromPlainText } from '../../shared/domain/richtext';
import { openTestBackend } from './helpers/workspace';

describe('deleting a note a trip links to', () => {
  it('lists the trip link it clears, and undo restores the note, its versions and the link', async () => {
    const b = await openTestBackend();
    const note = await b.call('notes.create', { title: 'Kenya strategy', kind: 'regionalStrategy', regions: ['202'], body: docFromPlainText('First draft.') });
    const edited = await b.call('notes.update', { id: note.id, revision: note.revision, changes: { body: docFromPlainText('Second draft.') } });
    const trip = await b.call('trips.create', {
      title: 'Delegation to Nairobi',
      destinations: [{ country: 'KE', city: 'Nairobi' }],
      startDate: '2027-01-11',
      endDate: '2027-01-13',
      timeZones: ['Africa/Nairobi'],
      noteIds: [note.id],
    });
    const versions = await b.call('notes.revisions', { id: note.id });
    expect(versions).toHaveLength(2);

    const impact = await b.call('notes.deleteImpact', { id: note.id });
    expect(impact).toEqual({ label: 'Kenya strategy', removes: [], unlinks: [{ collection: 'trips', field: 'noteIds', count: 1 }] });

    const { undoId } = await b.call('notes.delete', { id: note.id, revision: edited.revision });
    expect((await b.call('trips.get', { id: trip.id })).noteIds).toEqual([]);
    expect(b.store.db.noteRevisions.filter((r) => r.noteId === note.id)).toEqual([]);

    await b.call('undo.apply', { undoId });
    expect((await b.call('trips.get', { id: trip.id })).noteIds).toEqual([note.id]);
    expect(await b.call('notes.get', { id: note.id })).toEqual(edited);
    expect(await b.call('notes.revisions', { id: note.id })).toEqual(versions);
  });
});

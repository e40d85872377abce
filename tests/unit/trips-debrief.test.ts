import { describe, expect, it } from 'vitest';
import { describePlan, planDelete } from '../../electron/backend/records/references';
import { Store } from '../../electron/backend/store/store';
import { parseDatabase } from '../../shared/schemas/database';
import { buildTrip } from '../fixtures/trip';
import { openTestBackend } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:00:00Z');

/** The database as written to disk, parsed with the full schema. */
/** What the files hold (snapshot + journal), as the next start reads them. */
async function onDisk(dataDir: string) {
  return parseDatabase(await Store.peek(dataDir));
}

describe('debrief with several linked cases', () => {
  it('puts the meeting once on each counterpart’s timeline and once on each linked case’s, however often it is saved', async () => {
    const b = await openTestBackend({ now: clock });
    const { items, caseA, caseB, people } = await buildTrip(b, 1, 2);
    const planned = items[0]!;
    const counterparts = planned.counterpartIds;
    expect(counterparts).toEqual([people[0]!.id, people[1]!.id]);
    const item = await b.call('agenda.update', { id: planned.id, revision: planned.revision, changes: { caseIds: [caseA.id, caseB.id] } });

    const save = async (revision: number, agreed: string) =>
      b.call('agenda.debrief', { agendaItemId: item.id, revision, agreed, followUps: [{ title: 'Draft the call text', caseId: caseA.id }] });
    const first = await save(item.revision, 'Joint call for young scientists.');
    const second = await save(first.revision, 'Joint call for young scientists, co-funded 50/50.');

    const check = async () => {
      const fromDebrief = (a: { source: { agendaItemId: string } | null }) => a.source?.agendaItemId === item.id;
      for (const person of counterparts) {
        const timeline = (await b.call('contacts.related', { id: person })).activities.filter(fromDebrief);
        expect(timeline, `timeline of ${person}`).toHaveLength(1);
        expect(timeline[0]!.text).toBe('Joint call for young scientists, co-funded 50/50.');
      }
      for (const c of [caseA, caseB]) {
        const onCase = (await b.call('activities.list', { caseId: c.id })).filter(fromDebrief);
        expect(onCase, `timeline of ${c.title}`).toHaveLength(1);
        expect(onCase[0]).toMatchObject({ kind: 'meeting', date: item.date, title: item.title, text: 'Joint call for young scientists, co-funded 50/50.' });
      }
      // On disk: one entry per case, each saying who was there; the person's timeline folds them.
      const db = await onDisk(b.dataDir);
      const written = db.activities.filter(fromDebrief);
      expect(written.map((a) => a.caseId).sort()).toEqual([caseA.id, caseB.id].sort());
      for (const a of written) expect([...a.participantIds].sort()).toEqual([...counterparts].sort());
      // Both cases count as cases the person took part in.
      for (const person of counterparts) {
        const cases = (await b.call('contacts.related', { id: person })).cases.map((c) => c.id);
        expect(cases).toEqual(expect.arrayContaining([caseA.id, caseB.id]));
      }
      expect(db.tasks.filter((t) => t.source?.agendaItemId === item.id).map((t) => t.title)).toEqual(['Draft the call text']);
    };
    await check();
    // Saved once more, unchanged: nothing new.
    await save(second.revision, 'Joint call for young scientists, co-funded 50/50.');
    await check();
  });
});

describe('deleting a debriefed agenda item', () => {
  it('leaves no timeline entry or task pointing at the deleted item, shows it in the impact, and undo restores the pointers', async () => {
    const b = await openTestBackend({ now: clock });
    const { trip, items, caseB } = await buildTrip(b, 2, 4);
    const item = items[0]!;
    const debriefed = await b.call('agenda.debrief', { agendaItemId: item.id, revision: item.revision, agreed: 'Agreed on a joint call.', followUps: [{ title: 'Draft the call text' }] });
    const before = await onDisk(b.dataDir);
    const activity = before.activities.find((a) => a.source?.agendaItemId === item.id)!;
    const task = before.tasks.find((t) => t.source?.agendaItemId === item.id)!;
    expect(activity.caseId).toBe(caseB.id);
    expect(task.caseId).toBe(caseB.id);

    // The delete dialog names the cleared links.
    const impact = describePlan(planDelete(b.store.db, 'agendaItems', item.id), item.title, 'agendaItems');
    expect(impact.unlinks).toEqual(
      expect.arrayContaining([
        { collection: 'activities', field: 'source', count: 1 },
        { collection: 'tasks', field: 'source', count: 1 },
      ]),
    );

    const { undoId } = await b.call('agenda.delete', { id: item.id, revision: debriefed.revision });
    const after = await onDisk(b.dataDir);
    const agendaIds = new Set(after.agendaItems.map((a) => a.id));
    const dangling = [...after.activities, ...after.tasks].filter((r) => r.source && !agendaIds.has(r.source.agendaItemId));
    expect(dangling).toEqual([]);
    // The entry and the task stay where they were (on the case), only without the link to the debrief.
    expect(after.activities.find((a) => a.id === activity.id)).toMatchObject({ caseId: caseB.id, text: 'Agreed on a joint call.', source: null });
    expect(after.tasks.find((t) => t.id === task.id)).toMatchObject({ caseId: caseB.id, title: 'Draft the call text', source: null });

    await b.call('undo.apply', { undoId });
    const restored = await onDisk(b.dataDir);
    expect(restored.agendaItems.find((a) => a.id === item.id)?.debrief?.agreed).toBe('Agreed on a joint call.');
    expect(restored.activities.find((a) => a.id === activity.id)?.source).toEqual(activity.source);
    expect(restored.tasks.find((t) => t.id === task.id)?.source).toEqual(task.source);

    // Restored links still identify the debrief's entries: saving again updates them, no duplicates.
    const back = restored.agendaItems.find((a) => a.id === item.id)!;
    await b.call('agenda.debrief', { agendaItemId: item.id, revision: back.revision, agreed: 'Agreed on a joint call, again.', followUps: [{ title: 'Draft the call text' }] });
    const resaved = await onDisk(b.dataDir);
    expect(resaved.activities.filter((a) => a.source?.agendaItemId === item.id).map((a) => a.id)).toEqual([activity.id]);
    expect(resaved.tasks.filter((t) => t.source?.agendaItemId === item.id).map((t) => t.id)).toEqual([task.id]);

    // Deleting the whole trip still counts each entry once, and undo puts everything back.
    const tripImpact = await b.call('trips.deleteImpact', { id: trip.id });
    expect(tripImpact.unlinks).toEqual(
      expect.arrayContaining([
        { collection: 'activities', field: 'source', count: 1 },
        { collection: 'tasks', field: 'source', count: 1 },
      ]),
    );
    const current = await b.call('trips.get', { id: trip.id });
    const tripUndo = await b.call('trips.delete', { id: trip.id, revision: current.revision });
    const noTrip = await onDisk(b.dataDir);
    expect([...noTrip.activities, ...noTrip.tasks].filter((r) => r.source)).toEqual([]);
    await b.call('undo.apply', { undoId: tripUndo.undoId });
    const all = await onDisk(b.dataDir);
    expect(all.activities.find((a) => a.id === activity.id)?.source).toEqual(activity.source);
    expect(all.tasks.find((t) => t.id === task.id)?.source).toEqual(task.source);
    expect(all.agendaItems.filter((a) => a.tripId === trip.id)).toHaveLength(2);
  });
});

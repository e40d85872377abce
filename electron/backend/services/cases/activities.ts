import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { ActivityFields, type ActivityRecord } from '../../../../shared/features/cases/activities';
import { parseOrThrow } from '../../../../shared/validation';
import type { ServiceContext } from '../../records/context';
import { byId, indexes } from '../../records/indexes';
import { assertRevision, findOrThrow, indexOfOrThrow } from '../../records/records';
import { applyDelete, planDelete } from '../../records/references';

/** The timeline: meetings, calls, e-mails, notes and visits, on a case and on each participant. */
export function createActivityService(ctx: ServiceContext) {
  const { store } = ctx;

  function assertLinks(a: { caseId: string | null; participantIds: readonly string[] }) {
    if (a.caseId && !byId(store.db.cases).has(a.caseId)) {
      throw new AppError('VALIDATION', 'The case does not exist.', { fields: { caseId: { key: 'validation.unknownRecord' } } });
    }
    const contacts = byId(store.db.contacts);
    const missing = a.participantIds.find((id) => !contacts.has(id));
    if (missing) throw new AppError('VALIDATION', `No contact with id ${missing}.`, { fields: { participantIds: { key: 'validation.unknownRecord' } } });
  }

  const withNames = (a: ActivityRecord) => {
    const contacts = byId(store.db.contacts);
    return {
      ...a,
      participants: a.participantIds.map((id) => {
        const c = contacts.get(id)!;
        return { id, name: [c.academicTitle, c.givenName, c.familyName].filter(Boolean).join(' ') };
      }),
      caseTitle: a.caseId ? (byId(store.db.cases).get(a.caseId)?.title ?? null) : null,
    };
  };

  return {
    list(query: ParsedInputOf<'activities.list'>) {
      const ix = indexes(store.db);
      const source = query.caseId ? ix.activitiesOfCase(query.caseId) : query.contactId ? ix.activitiesOfContact(query.contactId) : store.db.activities;
      return [...source]
        .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt))
        .slice(0, query.limit)
        .map(withNames);
    },

    create(input: ParsedInputOf<'activities.create'>): Promise<ActivityRecord> {
      return store.update((draft) => {
        const fields = parseOrThrow(ActivityFields, input, 'Activity');
        assertLinks(fields);
        const stamp = ctx.now().toISOString();
        const record: ActivityRecord = { id: ctx.newId(), createdAt: stamp, updatedAt: stamp, revision: 1, ...fields };
        draft.activities.push(record);
        return record;
      });
    },

    update(input: ParsedInputOf<'activities.update'>): Promise<ActivityRecord> {
      return store.update((draft) => {
        const i = indexOfOrThrow(store.db.activities, input.id, 'activity');
        const current = store.db.activities[i]!;
        assertRevision(current, input.revision, 'activity');
        const { id: _i, createdAt: _c, updatedAt: _u, revision: _r, ...fields } = current;
        const next = parseOrThrow(ActivityFields, { ...fields, ...input.changes }, 'Activity');
        assertLinks(next);
        const record: ActivityRecord = { ...current, ...next, revision: current.revision + 1, updatedAt: ctx.now().toISOString() };
        draft.activities[i] = record;
        return record;
      });
    },

    delete({ id, revision }): Promise<{ undoId: string }> {
      return store.update((draft) => {
        const a = findOrThrow(store.db.activities, id, 'activity');
        assertRevision(a, revision, 'activity');
        return { undoId: applyDelete(ctx, draft, planDelete(store.db, 'activities', id), a.title || a.kind) };
      });
    },
  } satisfies ServiceOf<'activities'>;
}

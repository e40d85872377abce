import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { ActivityFields, type ActivityRecord } from '../../../../shared/features/cases/activities';
import type { ServiceContext } from '../../records/context';
import { byId, indexes } from '../../records/indexes';
import { collection } from '../../records/recipe';

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

  const records = collection(ctx, { collection: 'activities', what: 'activity', fields: ActivityFields, title: 'Activity', label: (a) => a.title || a.kind, check: assertLinks });

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

    create: (input) => store.update((draft) => records.insert(draft, input)),

    update: (input) => store.update((draft) => records.patch(draft, input)),

    delete: (input) => records.remove(input),
  } satisfies ServiceOf<'activities'>;
}

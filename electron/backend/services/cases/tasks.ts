import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { TaskFields, type TaskRecord } from '../../../../shared/features/cases/schema';
import { type ServiceContext, localDate } from '../../records/context';
import { byId, indexes } from '../../records/indexes';
import { collection } from '../../records/recipe';

export function createTaskService(ctx: ServiceContext) {
  const { store } = ctx;
  const today = () => localDate(ctx.now());

  const records = collection(ctx, {
    collection: 'tasks',
    what: 'task',
    fields: TaskFields,
    title: 'Task',
    label: (t) => t.title,
    check: (t) => {
      if (!byId(store.db.cases).has(t.caseId)) {
        throw new AppError('VALIDATION', 'The case does not exist.', { fields: { caseId: { key: 'validation.unknownRecord' } } });
      }
    },
    // The day a task is ticked off is recorded; unticking clears it.
    derive: (next, current) => (current ? { ...next, doneOn: next.done ? (current.done ? current.doneOn : today()) : null } : next),
  });

  const view = (t: TaskRecord) => ({ ...t, overdue: !t.done && !!t.dueOn && t.dueOn < today() });

  return {
    list(query: ParsedInputOf<'tasks.list'>) {
      const source = query.caseId ? indexes(store.db).tasksOfCase(query.caseId) : store.db.tasks;
      const cases = byId(store.db.cases);
      return source
        .filter((t) => (!query.openOnly || !t.done) && (!query.assignee || t.assignee === query.assignee))
        .map((t) => ({ ...view(t), caseTitle: cases.get(t.caseId)?.title ?? '', caseReference: cases.get(t.caseId)?.reference ?? '' }))
        .sort((a, b) => Number(a.done) - Number(b.done) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.createdAt.localeCompare(b.createdAt))
        .slice(0, query.limit);
    },

    create: (input) => store.update((draft) => records.insert(draft, input)),

    update: (input) => store.update((draft) => records.patch(draft, input)),

    delete: (input) => records.remove(input),
  } satisfies ServiceOf<'tasks'>;
}

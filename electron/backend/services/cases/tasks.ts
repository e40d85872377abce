import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { TaskFields, type TaskRecord } from '../../../../shared/features/cases/schema';
import { parseOrThrow } from '../../../../shared/validation';
import { type ServiceContext, localDate } from '../../records/context';
import { byId, indexes } from '../../records/indexes';
import { assertRevision, findOrThrow, indexOfOrThrow } from '../../records/records';
import { applyDelete, planDelete } from '../../records/references';

export function createTaskService(ctx: ServiceContext) {
  const { store } = ctx;
  const today = () => localDate(ctx.now());

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

    create(input: ParsedInputOf<'tasks.create'>): Promise<TaskRecord> {
      return store.update((draft) => {
        if (!byId(store.db.cases).has(input.caseId)) {
          throw new AppError('VALIDATION', 'The case does not exist.', { fields: { caseId: { key: 'validation.unknownRecord' } } });
        }
        const stamp = ctx.now().toISOString();
        const record: TaskRecord = { id: ctx.newId(), createdAt: stamp, updatedAt: stamp, revision: 1, ...parseOrThrow(TaskFields, input, 'Task') };
        draft.tasks.push(record);
        return record;
      });
    },

    update(input: ParsedInputOf<'tasks.update'>): Promise<TaskRecord> {
      return store.update((draft) => {
        const i = indexOfOrThrow(store.db.tasks, input.id, 'task');
        const current = store.db.tasks[i]!;
        assertRevision(current, input.revision, 'task');
        const { id: _i, createdAt: _c, updatedAt: _u, revision: _r, ...fields } = current;
        const next = parseOrThrow(TaskFields, { ...fields, ...input.changes }, 'Task');
        // The day a task is ticked off is recorded; unticking clears it.
        next.doneOn = next.done ? (current.done ? current.doneOn : today()) : null;
        const record: TaskRecord = { ...current, ...next, revision: current.revision + 1, updatedAt: ctx.now().toISOString() };
        draft.tasks[i] = record;
        return record;
      });
    },

    delete({ id, revision }): Promise<{ undoId: string }> {
      return store.update((draft) => {
        const t = findOrThrow(store.db.tasks, id, 'task');
        assertRevision(t, revision, 'task');
        return { undoId: applyDelete(ctx, draft, planDelete(store.db, 'tasks', id), t.title) };
      });
    },
  } satisfies ServiceOf<'tasks'>;
}

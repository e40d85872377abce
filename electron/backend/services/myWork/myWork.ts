/**
 * The My work service (`myWork.list`): tasks across every case (debrief follow-ups with the meeting
 * and trip they came from) and reminders on people, mine or everyone's, grouped by the pure rule in
 * shared/features/myWork/rules.ts with today from the backend's clock. Each scope is memoised on the
 * collections it reads, the settings (the advisor's name) and the day.
 */
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { myWorkGroupsOf, weekEndOf } from '../../../../shared/features/myWork/rules';
import type { MyWorkView } from '../../../../shared/features/myWork/schema';
import { type ServiceContext, localDate } from '../../records/context';
import { byId, dayKey, indexes, memoOn } from '../../records/indexes';
import { dashboardAssignee } from '../dashboard/dashboard';

export function createMyWorkService(ctx: ServiceContext) {
  const { store } = ctx;
  const mine = memoOn<MyWorkView['groups']>();
  const everyone = memoOn<MyWorkView['groups']>();

  return {
    list({ scope }: ParsedInputOf<'myWork.list'>): MyWorkView {
      const db = store.db;
      const today = localDate(ctx.now());
      const assignee = dashboardAssignee(db);
      const who = scope === 'mine' ? assignee : null;
      const ix = indexes(db);
      const cache = scope === 'mine' ? mine : everyone;
      const groups = cache([db.tasks, db.reminders, db.cases, db.contacts, db.agendaItems, db.trips, db.settings, dayKey(today)], () =>
        myWorkGroupsOf({
          tasks: db.tasks,
          reminders: db.reminders,
          caseById: ix.caseById,
          contactById: ix.contact,
          agendaItemById: (id) => byId(db.agendaItems).get(id),
          tripById: (id) => byId(db.trips).get(id),
          who,
          today,
        }),
      );
      return { today, weekEnds: weekEndOf(today), scope, assignee, groups };
    },
  } satisfies ServiceOf<'myWork'>;
}

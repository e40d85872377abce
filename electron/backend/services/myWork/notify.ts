/**
 * The system notification on the day work falls due (Electron, opt-in in Settings, off by default).
 * Which tasks and reminders are due today is the pure rule `dueToday` (shared/features/myWork/rules.ts);
 * this decides whether to tell — the setting is on, the shell can notify, something is due, and
 * today has not been told yet — and words it. The shell only shows it (Platform.notifier).
 */
import { dueToday } from '../../../../shared/features/myWork/rules';
import { isLanguage, translator, type Language } from '../../../../shared/i18n';
import type { Database } from '../../../../shared/schemas/database';
import type { SystemNotifier } from '../../platform';
import { type ServiceContext, localDate } from '../../records/context';
import { dashboardAssignee } from '../dashboard/dashboard';

/** The notice for what is due today in `db`, or null when nothing is (or the setting is off). */
export function dueNotice(db: Database, today: string, systemLanguage: Language): { title: string; body: string } | null {
  if (!db.settings.notifyDue) return null;
  const due = dueToday(db.tasks, db.reminders, dashboardAssignee(db), today);
  if (!due) return null;
  const t = translator(isLanguage(db.settings.language) ? db.settings.language : systemLanguage);
  const count = due.tasks + due.reminders;
  return { title: t('myWork.notice.title', { count }), body: count === 1 ? due.first : t('myWork.notice.body', { first: due.first, count: count - 1 }) };
}

export interface DueNotifier {
  /** Tells the OS once per day, when there is something to tell; true when it did. */
  check(): boolean;
}

export function createDueNotifier(ctx: ServiceContext, notifier: SystemNotifier | undefined): DueNotifier {
  let toldOn: string | null = null;
  return {
    check() {
      if (!notifier || ctx.store.state !== 'ready') return false;
      const today = localDate(ctx.now());
      if (toldOn === today) return false;
      const notice = dueNotice(ctx.store.db, today, notifier.language);
      if (!notice) return false;
      toldOn = today;
      notifier.show(notice);
      return true;
    },
  };
}

/**
 * The system notification on the day work falls due (issue 14, Electron, opt-in): which tasks and
 * reminders are due today (the pure rule), and that the backend tells the shell's notifier only when
 * the setting is on, once a day, and not at all in a shell without one (the web host). The notifier
 * here is a fake at the platform boundary that records what it was asked to show.
 */
import { describe, expect, it } from 'vitest';
import { downloadPlatform, type Platform, type SystemNotifier } from '../../electron/backend';
import { dueNotice } from '../../electron/backend/services/myWork/notify';
import { dueToday } from '../../shared/features/myWork/rules';
import type { ReminderRecord } from '../../shared/features/reminders/schema';
import type { TaskRecord } from '../../shared/features/cases/schema';
import { openTestBackend } from './helpers/workspace';

const TODAY = '2026-06-17';
const meta = { createdAt: '2026-06-01T00:00:00.000Z', updatedAt: '2026-06-01T00:00:00.000Z', revision: 1 };
const task = (id: string, title: string, dueOn: string | null, assignee = '', done = false): TaskRecord => ({ ...meta, id, caseId: 'c1', title, dueOn, assignee, done, doneOn: done ? TODAY : null, source: null });
const reminder = (id: string, text: string, dueOn: string, assignee = '', done = false): ReminderRecord => ({ ...meta, id, contactId: 'p1', text, dueOn, assignee, done, doneOn: done ? TODAY : null });

describe('dueToday', () => {
  it('counts the open tasks and reminders due exactly today, of the advisor (case aside) or everyone’s', () => {
    const tasks = [task('t1', 'Send the memo', TODAY, 'Anna'), task('t2', 'Overdue one', '2026-06-16', 'Anna'), task('t3', 'Done', TODAY, 'Anna', true), task('t4', 'Ben’s', TODAY, 'Ben'), task('t5', 'Undated', null, 'Anna')];
    const reminders = [reminder('r1', 'Call Amina', TODAY, 'anna'), reminder('r2', 'Tomorrow', '2026-06-18', 'Anna')];
    expect(dueToday(tasks, reminders, 'Anna', TODAY)).toEqual({ today: TODAY, tasks: 1, reminders: 1, first: 'Call Amina' });
    expect(dueToday(tasks, reminders, null, TODAY)).toEqual({ today: TODAY, tasks: 2, reminders: 1, first: 'Ben’s' });
    expect(dueToday(tasks, [], 'Ben', '2026-06-18')).toBeNull();
  });
});

/** A fake notifier: what the backend asked the OS to show. */
function fakeNotifier(): SystemNotifier & { shown: Array<{ title: string; body: string }> } {
  const shown: Array<{ title: string; body: string }> = [];
  return { language: 'en', shown, show: (n) => void shown.push(n) };
}

describe('the notification on the day', () => {
  it('is off by default; once switched on it tells once a day, and again the next day', async () => {
    let clock = new Date('2026-06-17T08:00:00');
    const notifier = fakeNotifier();
    const platform: Platform = { ...downloadPlatform, shell: 'electron', notifier };
    const b = await openTestBackend({ now: () => clock, platform });
    const c = await b.call('cases.create', { title: 'Water partnership', openedOn: '2026-02-01' });
    await b.call('tasks.create', { caseId: c.id, title: 'Send the memo', dueOn: TODAY });
    const person = await b.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Okafor' }, positions: [] });
    await b.call('reminders.create', { contactId: person.id, text: 'Call Amina back', dueOn: '2026-06-18' });
    expect(b.store.db.settings.notifyDue).toBe(false);
    expect(dueNotice(b.store.db, TODAY, 'en')).toBeNull();
    await b.call('settings.update', { language: 'en' });
    expect(notifier.shown).toHaveLength(0);

    await b.call('settings.update', { notifyDue: true });
    expect(notifier.shown).toEqual([{ title: 'Due today in Attaché: 1 item', body: 'Send the memo' }]);
    await b.call('settings.update', { theme: 'dark' });
    expect(notifier.shown).toHaveLength(1);

    clock = new Date('2026-06-18T08:00:00');
    await b.call('settings.update', { language: 'de' });
    expect(notifier.shown).toHaveLength(2);
    expect(notifier.shown[1]).toEqual({ title: 'Heute fällig in Attaché: 1 Eintrag', body: 'Call Amina back' });

    // Nothing due: nothing told.
    clock = new Date('2026-06-19T08:00:00');
    await b.call('settings.update', { theme: 'light' });
    expect(notifier.shown).toHaveLength(2);
  });

  it('words several items in the system language when the settings follow the system', async () => {
    const b = await openTestBackend({ now: () => new Date('2026-06-17T08:00:00') });
    const c = await b.call('cases.create', { title: 'Water partnership', openedOn: '2026-02-01' });
    await b.call('tasks.create', { caseId: c.id, title: 'Send the memo', dueOn: TODAY });
    await b.call('tasks.create', { caseId: c.id, title: 'Book the room', dueOn: TODAY });
    await b.call('settings.update', { notifyDue: true });
    expect(dueNotice(b.store.db, TODAY, 'de')).toEqual({ title: 'Heute fällig in Attaché: 2 Einträge', body: 'Book the room und 1 weiterer' });
  });

  it('is never told in the web host, which has no notifier, whatever the setting', async () => {
    const b = await openTestBackend({ now: () => new Date('2026-06-17T08:00:00') });
    expect(downloadPlatform.notifier).toBeUndefined();
    const c = await b.call('cases.create', { title: 'Water partnership', openedOn: '2026-02-01' });
    await b.call('tasks.create', { caseId: c.id, title: 'Send the memo', dueOn: TODAY });
    await b.call('settings.update', { notifyDue: true });
    // The rule would tell (the setting is on, something is due) — the shell has nobody to tell it to.
    expect(dueNotice(b.store.db, TODAY, 'en')).not.toBeNull();
  });
});

/**
 * The advisor's name in Settings (issue 13): saved trimmed and bounded, and it is whose tasks
 * "My work" on the dashboard lists (case and surrounding spaces aside) — everyone's while it is empty.
 * Through the real backend on a temp folder with a fixed clock.
 */
import { describe, expect, it } from 'vitest';
import { dashboardAssignee } from '../../electron/backend/services/dashboard/dashboard';
import { openTestBackend, rejection } from './helpers/workspace';

const now = () => new Date('2026-06-15T10:00:00');

describe('settings.advisorName', () => {
  it('starts empty, is saved trimmed, and refuses more than 120 characters', async () => {
    const b = await openTestBackend({ now });
    expect((await b.call('settings.get', {})).advisorName).toBe('');
    expect((await b.call('settings.update', { advisorName: '  Anna Berger ' })).advisorName).toBe('Anna Berger');
    expect(b.store.db.settings.advisorName).toBe('Anna Berger');
    // Another setting's change keeps it.
    expect((await b.call('settings.update', { theme: 'dark' })).advisorName).toBe('Anna Berger');
    const tooLong = await rejection(b.call('settings.update', { advisorName: 'x'.repeat(121) }));
    expect(tooLong.code).toBe('VALIDATION');
    expect((await b.call('settings.get', {})).advisorName).toBe('Anna Berger');
  });

  it('is whose tasks My work lists; empty again, everyone’s', async () => {
    const b = await openTestBackend({ now });
    const c = await b.call('cases.create', { title: 'Water partnership', openedOn: '2026-02-01' });
    await b.call('tasks.create', { caseId: c.id, title: 'Send the memo', dueOn: '2026-06-10', assignee: 'anna berger' });
    await b.call('tasks.create', { caseId: c.id, title: 'Book the room', dueOn: '2026-06-20', assignee: 'Ben Ode' });
    await b.call('tasks.create', { caseId: c.id, title: 'Call the embassy', dueOn: null, assignee: 'Anna Berger' });
    const titles = async () => {
      const d = await b.call('dashboard.get', {});
      return { assignee: d.myWork.assignee, titles: d.myWork.tasks.map((t) => t.title), total: d.myWork.total };
    };

    expect(dashboardAssignee(b.store.db)).toBeNull();
    expect(await titles()).toEqual({ assignee: null, titles: ['Send the memo', 'Book the room', 'Call the embassy'], total: 3 });

    await b.call('settings.update', { advisorName: 'Anna Berger' });
    expect(dashboardAssignee(b.store.db)).toBe('Anna Berger');
    expect(await titles()).toEqual({ assignee: 'Anna Berger', titles: ['Send the memo', 'Call the embassy'], total: 2 });

    await b.call('settings.update', { advisorName: 'BEN ODE' });
    expect(await titles()).toEqual({ assignee: 'BEN ODE', titles: ['Book the room'], total: 1 });

    await b.call('settings.update', { advisorName: '' });
    expect(dashboardAssignee(b.store.db)).toBeNull();
    expect((await titles()).total).toBe(3);
  });
});

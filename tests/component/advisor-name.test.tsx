/**
 * The advisor's name (Settings → Your name) against the real backend on a temp folder (clock fixed):
 * saved from the Settings screen, it turns the dashboard's "Open tasks" (everyone's) into "My work"
 * (only the tasks assigned to that name), and a new task on a case starts assigned to it.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { TasksPanel } from '../../renderer/src/screens/cases/TasksPanel';
import { DashboardScreen } from '../../renderer/src/screens/dashboard/DashboardScreen';
import { SettingsScreen } from '../../renderer/src/screens/settings/SettingsScreen';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

async function workspace(): Promise<{ backend: TestBackend; caseId: string }> {
  const backend = await openTestBackend({ now: () => new Date('2026-06-15T10:00:00') });
  const water = await backend.call('cases.create', { title: 'Water partnership', openedOn: '2026-02-01', status: 'advising' });
  await backend.call('tasks.create', { caseId: water.id, title: 'Book the room', dueOn: '2026-06-20', assignee: 'Lena Vogt' });
  await backend.call('tasks.create', { caseId: water.id, title: 'Send the memo', dueOn: '2026-06-10', assignee: 'anna berger' });
  return { backend, caseId: water.id };
}

const taskTitles = (region: HTMLElement) => within(region).getAllByRole('listitem').map((li) => within(li).getByRole('link').textContent);

describe('Settings → Your name drives My work', () => {
  it('saves the name, and the dashboard lists only that name’s tasks under “My work”', async () => {
    const { backend } = await workspace();
    const view = renderWithBackend(
      backend,
      <Routes>
        <Route path="/settings" element={<SettingsScreen />} />
        <Route path="/dashboard" element={<DashboardScreen />} />
      </Routes>,
      { path: '/dashboard' },
    );
    // No name yet: everyone's open tasks.
    const all = await screen.findByRole('region', { name: 'Open tasks' });
    expect(taskTitles(all)).toEqual(['Send the memo', 'Book the room']);
    expect(screen.queryByRole('region', { name: 'My work' })).toBeNull();

    await view.router.navigate('/settings');
    const input = await screen.findByRole('textbox', { name: 'Your name' });
    expect(input).toHaveAccessibleDescription('Your name as it appears as assignee on tasks; My work on the dashboard lists your tasks.');
    const save = screen.getByRole('button', { name: 'Save name' });
    expect(save).toBeDisabled();
    fireEvent.change(input, { target: { value: '  Anna Berger ' } });
    fireEvent.click(save);
    await waitFor(() => expect(backend.store.db.settings.advisorName).toBe('Anna Berger'));
    expect(await screen.findByText('Name saved.')).toBeInTheDocument();
    await waitFor(() => expect(input).toHaveValue('Anna Berger'));

    await view.router.navigate('/dashboard');
    const mine = await screen.findByRole('region', { name: 'My work' });
    expect(taskTitles(mine)).toEqual(['Send the memo']);
    expect(screen.queryByRole('region', { name: 'Open tasks' })).toBeNull();
  });

  it('a new task on a case starts assigned to the advisor’s name, and another typed name wins', async () => {
    const { backend, caseId } = await workspace();
    await backend.call('settings.update', { advisorName: 'Anna Berger' });
    renderWithBackend(backend, <TasksPanel caseId={caseId} />);
    const assignee = (await screen.findAllByLabelText('Assignee')).find((el) => el.tagName === 'INPUT')!;
    await waitFor(() => expect(assignee).toHaveValue('Anna Berger'));
    fireEvent.change(screen.getByRole('textbox', { name: 'New task' }), { target: { value: 'Draft the agenda' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));
    await waitFor(() => expect(backend.store.db.tasks.find((t) => t.title === 'Draft the agenda')?.assignee).toBe('Anna Berger'));

    fireEvent.change(assignee, { target: { value: 'Lena Vogt' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'New task' }), { target: { value: 'Order the visas' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add task' }));
    await waitFor(() => expect(backend.store.db.tasks.find((t) => t.title === 'Order the visas')?.assignee).toBe('Lena Vogt'));
  });

  it('speaks German', async () => {
    const { backend } = await workspace();
    renderWithBackend(backend, <SettingsScreen />, { language: 'de' });
    expect(await screen.findByRole('textbox', { name: 'Ihr Name' })).toHaveAccessibleDescription(
      'Ihr Name, wie er bei Aufgaben als zuständig eingetragen ist; „Meine Aufgaben“ in der Übersicht zeigt Ihre Aufgaben.',
    );
    expect(screen.getByRole('button', { name: 'Namen speichern' })).toBeInTheDocument();
  });
});

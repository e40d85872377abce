/**
 * The dashboard screen against the real in-process backend (clock fixed): what each widget lists,
 * overdue marked in words, links to the records, the chart and the map as tables, German strings.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DashboardScreen } from '../../renderer/src/screens/dashboard/DashboardScreen';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

async function workspace(): Promise<TestBackend> {
  const backend = await openTestBackend({ now: () => new Date('2026-06-15T10:00:00') });
  const org = await backend.call('organisations.create', { name: 'Ghana Water Institute', country: 'GH' });
  await backend.call('contacts.create', {
    contact: { givenName: 'Amina', familyName: 'Mensah', gdpr: { lawfulBasis: 'legitimateInterests', source: '', consentOn: null, reviewOn: '2026-06-01' } },
    positions: [{ organisationId: org.id, role: 'Director', from: null, to: null }],
  });
  await backend.call('contacts.create', { contact: { givenName: 'Kofi', familyName: 'Boateng', gdpr: { lawfulBasis: 'legitimateInterests', source: '', consentOn: null, reviewOn: '2026-12-01' } } });
  const water = await backend.call('cases.create', { title: 'Water partnership', openedOn: '2026-02-01', countries: ['GH'], status: 'advising' });
  await backend.call('cases.create', { title: 'Old study', openedOn: '2025-02-01', countries: ['KE'], status: 'closed' });
  await backend.call('tasks.create', { caseId: water.id, title: 'Book the room', dueOn: '2026-06-20' });
  await backend.call('tasks.create', { caseId: water.id, title: 'Send the memo', dueOn: '2026-06-10', assignee: 'Lena Vogt' });
  await backend.call('trips.create', { title: 'Accra visit', startDate: '2026-07-01', endDate: '2026-07-04', destinations: [{ country: 'GH', city: 'Accra' }], timeZones: ['Africa/Accra'] });
  await backend.call('trips.create', { title: 'Autumn trip', startDate: '2026-10-01', endDate: '2026-10-04', destinations: [{ country: 'KE', city: 'Nairobi' }], timeZones: ['Africa/Nairobi'] });
  return backend;
}

describe('DashboardScreen', () => {
  it('lists open tasks overdue first (marked), upcoming trips, GDPR reviews due, each linking to its record', async () => {
    const backend = await workspace();
    renderWithBackend(backend, <DashboardScreen />, { path: '/dashboard' });
    expect(await screen.findByRole('heading', { name: 'Dashboard', level: 1 })).toBeInTheDocument();

    const work = await screen.findByRole('region', { name: 'Open tasks' });
    const tasks = within(work).getAllByRole('listitem');
    expect(tasks.map((li) => within(li).getByRole('link').textContent)).toEqual(['Send the memo', 'Book the room']);
    expect(within(tasks[0]!).getByText('Overdue')).toBeInTheDocument();
    expect(within(tasks[1]!).queryByText('Overdue')).toBeNull();
    expect(within(work).getByText('2 open, 1 overdue')).toBeInTheDocument();
    expect(within(tasks[0]!).getByRole('link').getAttribute('href')).toMatch(/^\/cases\/[\w-]+$/);

    const trips = screen.getByRole('region', { name: 'Upcoming trips' });
    expect(within(trips).getAllByRole('link').map((a) => a.textContent)).toEqual(['Accra visit']);

    const gdpr = screen.getByRole('region', { name: 'GDPR reviews due' });
    const due = within(gdpr).getAllByRole('listitem');
    expect(due).toHaveLength(1);
    expect(within(due[0]!).getByRole('link', { name: 'Amina Mensah' }).getAttribute('href')).toMatch(/^\/contacts\//);
    expect(within(due[0]!).getByText('Overdue')).toBeInTheDocument();
  });

  it('shows cases by status and activity by country as real tables when asked', async () => {
    const backend = await workspace();
    renderWithBackend(backend, <DashboardScreen />, { path: '/dashboard' });
    const status = await screen.findByRole('region', { name: 'Cases by status' });
    expect(within(status).getByRole('img', { name: 'Bar chart: cases by status' })).toHaveAccessibleDescription('How many cases are at each stage, 2 in all.');
    fireEvent.click(within(status).getByRole('switch', { name: 'Show as table' }));
    const table = within(status).getByRole('table');
    const rows = within(table).getAllByRole('row').map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Status', 'Cases'],
      ['Intake', '0'],
      ['Analysis', '0'],
      ['Advising', '1'],
      ['Implementation', '0'],
      ['On hold', '0'],
      ['Closed', '1'],
    ]);

    const map = screen.getByRole('region', { name: 'Activity by country' });
    // The map: Ghana and Kenya are links to their country screens.
    expect(await within(map).findByRole('link', { name: /^Ghana: 1 organisations, 1 people, 1 open cases, 1 trips/ })).toHaveAttribute('href', '#/countries/GH');
    expect(within(map).getByRole('link', { name: /^Kenya: 0 organisations, 0 people, 0 open cases, 1 trips/ })).toHaveAttribute('href', '#/countries/KE');
    fireEvent.click(within(map).getByRole('switch', { name: 'Show as table' }));
    const areas = within(map).getByRole('table');
    const cells = within(areas).getAllByRole('row').map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent));
    expect(cells.slice(1)).toEqual([
      ['Ghana', '1', '1', '1', '1', '1 Feb 2026'],
      ['Kenya', '0', '0', '0', '1', '1 Feb 2025'],
    ]);
  });

  it('speaks German', async () => {
    const backend = await workspace();
    renderWithBackend(backend, <DashboardScreen />, { path: '/dashboard', language: 'de' });
    expect(await screen.findByRole('heading', { name: 'Übersicht', level: 1 })).toBeInTheDocument();
    const work = await screen.findByRole('region', { name: 'Offene Aufgaben' });
    expect(within(work).getByText('Überfällig')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Vorgänge nach Status' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Fällige DSGVO-Prüfungen' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Aktivität nach Ländern' })).toBeInTheDocument();
  });
});

/**
 * The dashboard screen against the real in-process backend (clock fixed): what each widget lists,
 * overdue marked in words, links to the records, the chart and the map as tables, German strings.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
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
  // The portfolio: a running cooperation with the Ghanaian partner, a call closing in 5 days and one
  // in 60, a programme without deadline, and two priorities: Ghana (level 1, met nobody there in
  // 18 months, no trip yet started) and Kenya (level 2, nothing at all).
  const ours = await backend.call('organisations.create', { name: 'Institute for Water Research', country: 'DE' });
  await backend.call('cooperations.create', { title: 'Volta water quality', institutes: [ours.id], partners: [org.id], status: 'running', start: '2025-09-01' });
  await backend.call('programmes.create', { name: 'Climate call', funder: 'BMBF', deadline: '2026-06-20', countries: ['GH'] });
  await backend.call('programmes.create', { name: 'Africa Connect', funder: 'DAAD', deadline: '2026-08-14', regions: ['002'] });
  await backend.call('programmes.create', { name: 'Open programme', funder: '' });
  await backend.call('priorities.create', { title: 'Africa strategy', country: 'GH', level: 1, start: '2026-01-01' });
  await backend.call('priorities.create', { title: 'Kenya roadmap', country: 'KE', level: 2, start: '2026-01-01' });
  return backend;
}

describe('DashboardScreen', () => {
  // The map's measure and the table switches are remembered; every test starts from the defaults.
  beforeEach(() => localStorage.clear());

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

    // The map colours by cooperations first: only Ghana (the partner's country) is coloured and a link.
    const coops = screen.getByRole('region', { name: 'Cooperations by country' });
    expect(await within(coops).findByRole('link', { name: /^Ghana: 1 cooperations, 1 organisations, 1 people, 1 open cases, 1 trips/ })).toHaveAttribute('href', '#/countries/GH');
    expect(within(coops).queryByRole('link', { name: /^Kenya/ })).toBeNull();
    // Coloured by all activity, Kenya (a trip) and Germany (our institute) join.
    fireEvent.click(within(coops).getByRole('radio', { name: 'All activity' }));
    const map = screen.getByRole('region', { name: 'Activity by country' });
    expect(within(map).getByRole('link', { name: /^Kenya: 0 cooperations, 0 organisations, 0 people, 0 open cases, 1 trips/ })).toHaveAttribute('href', '#/countries/KE');
    expect(within(map).getByRole('link', { name: /^Germany: 0 cooperations, 1 organisations/ })).toHaveAttribute('href', '#/countries/DE');
    fireEvent.click(within(map).getByRole('switch', { name: 'Show as table' }));
    const areas = within(map).getByRole('table');
    const cells = within(areas).getAllByRole('row').map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent));
    expect(cells[0]).toEqual(['Country', 'Cooperations', 'Organisations', 'People', 'Open cases', 'Trips', 'Last activity']);
    expect(cells.slice(1)).toEqual([
      ['Ghana', '1', '1', '1', '1', '1', '1 Feb 2026'],
      ['Germany', '0', '1', '0', '0', '0', '—'],
      ['Kenya', '0', '0', '0', '0', '1', '1 Feb 2025'],
    ]);
  });

  it('lists programme deadlines soonest first and the priorities with gaps, each opening its record', async () => {
    const backend = await workspace();
    renderWithBackend(backend, <DashboardScreen />, { path: '/dashboard' });
    const deadlines = await screen.findByRole('region', { name: 'Programme deadlines' });
    const calls = within(deadlines).getAllByRole('listitem');
    expect(calls.map((li) => within(li).getByRole('link').textContent)).toEqual(['Climate call', 'Africa Connect']);
    expect(within(calls[0]!).getByText('in 5 days')).toBeInTheDocument();
    expect(within(calls[0]!).getByText(/Deadline 20 Jun 2026 · BMBF · Ghana/)).toBeInTheDocument();
    expect(within(calls[1]!).getByText(/Deadline 14 Aug 2026 · in 60 days · DAAD · Africa/)).toBeInTheDocument();
    expect(within(calls[0]!).getByRole('link').getAttribute('href')).toMatch(/^\/programmes\/[\w-]+$/);

    const gaps = screen.getByRole('region', { name: 'Priorities with gaps' });
    expect(within(gaps).getByText('2 of 2 priorities')).toBeInTheDocument();
    const items = [...gaps.querySelectorAll('li[data-priority]')] as HTMLElement[];
    expect(items.map((li) => within(li).getAllByRole('link')[0]!.textContent)).toEqual(['Ghana — Africa strategy', 'Kenya — Kenya roadmap']);
    expect(within(items[0]!).getAllByRole('link')[0]).toHaveAttribute('href', '/countries/GH');
    // Ghana has its cooperation, but no trip started and nobody met; Kenya lacks all three.
    const badges = (li: HTMLElement) => within(within(li).getByRole('list', { name: 'Gaps' })).getAllByRole('listitem').map((b) => b.textContent);
    expect(badges(items[0]!)).toEqual(['No trip in 18 months', 'No contact in 18 months']);
    expect(badges(items[1]!)).toEqual(['No trip in 18 months', 'No contact in 18 months', 'No cooperation']);
    expect(within(items[1]!).getByText('no trip yet · no contact yet')).toBeInTheDocument();
  });

  it('speaks German', async () => {
    const backend = await workspace();
    renderWithBackend(backend, <DashboardScreen />, { path: '/dashboard', language: 'de' });
    expect(await screen.findByRole('heading', { name: 'Übersicht', level: 1 })).toBeInTheDocument();
    const work = await screen.findByRole('region', { name: 'Offene Aufgaben' });
    expect(within(work).getByText('Überfällig')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Vorgänge nach Status' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Fällige DSGVO-Prüfungen' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Kooperationen nach Ländern' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Programmfristen' })).getByText('in 5 Tagen')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Prioritäten mit Lücken' })).getByText('2 von 2 Prioritäten')).toBeInTheDocument();
  });
});

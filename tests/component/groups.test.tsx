/**
 * Filter and count by group on screen, against the real backend on a temp folder: the people list's
 * group filter (a person with an ended position at a member does not show), the case list's, and the
 * group screen's counts (trips included), each a link that opens its list filtered by the group.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CasesScreen } from '../../renderer/src/screens/cases/CasesScreen';
import { ContactsScreen } from '../../renderer/src/screens/contacts/ContactsScreen';
import { CooperationsScreen } from '../../renderer/src/screens/cooperations/CooperationsScreen';
import { GroupScreen } from '../../renderer/src/screens/groups/GroupScreen';
import { OrganisationsScreen } from '../../renderer/src/screens/organisations/OrganisationsScreen';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

const clock = () => new Date('2026-11-21T10:00:00Z');

async function network(b: TestBackend) {
  const alliance = await b.call('groups.create', { name: 'Research Alliance Climate', kind: 'alliance', notes: 'Eight institutes on climate.' });
  const campus = await b.call('groups.create', { name: 'ScienceCampus Coast', kind: 'campus' });
  const ioer = await b.call('organisations.create', { name: 'Institute of Ecological Research', shortName: 'IOER', kind: 'researchInstitute', country: 'DE', groupIds: [alliance.id] });
  const zmt = await b.call('organisations.create', { name: 'Centre for Tropical Marine Research', shortName: 'ZMT', kind: 'researchInstitute', country: 'DE', groupIds: [campus.id] });
  const legon = await b.call('organisations.create', { name: 'University of Ghana', kind: 'university', country: 'GH' });
  await b.call('contacts.create', { contact: { givenName: 'Jana', familyName: 'Berger' }, positions: [{ organisationId: ioer.id, role: 'Head of International Affairs' }] });
  await b.call('contacts.create', { contact: { givenName: 'Tim', familyName: 'Kruse' }, positions: [{ organisationId: zmt.id, role: 'Director' }] });
  await b.call('contacts.create', {
    contact: { givenName: 'Kofi', familyName: 'Asante' },
    positions: [
      { organisationId: ioer.id, role: 'Postdoc', from: '2019-01-01', to: '2025-12-31' },
      { organisationId: legon.id, role: 'Lecturer', from: '2026-01-01' },
    ],
  });
  await b.call('cases.create', { title: 'IOER seeks partners in Ghana', openedOn: '2026-03-01', clientId: ioer.id });
  await b.call('cases.create', { title: 'Coastal partners for the ministry', openedOn: '2026-04-01', partnerOrganisationIds: [zmt.id] });
  await b.call('cooperations.create', { title: 'Coastal adaptation', institutes: [ioer.id], partners: [legon.id], status: 'running' });
  const trip = await b.call('trips.create', { title: 'Delegation to Bremen', destinations: [{ country: 'DE', city: 'Bremen' }], startDate: '2027-01-10', endDate: '2027-01-12', timeZones: ['Europe/Berlin'] });
  await b.call('agenda.create', { tripId: trip.id, title: 'Visit to ZMT', date: '2027-01-11', start: '10:00', end: '11:00', timeZone: 'Europe/Berlin', organisationId: zmt.id });
  return { alliance, campus };
}

async function filterBy(name: string, option: string | RegExp) {
  // A list's filter menus mount just after its rows (components/list/deferredFilters.tsx).
  const box = await screen.findByRole('combobox', { name });
  fireEvent.focus(box);
  fireEvent.keyDown(box, { key: 'ArrowDown', code: 'ArrowDown' });
  await waitFor(() => expect(box).toHaveAttribute('aria-expanded', 'true'));
  const list = document.getElementById(box.getAttribute('aria-controls')!)!;
  fireEvent.click(await within(list).findByRole('option', { name: option, hidden: true }));
}

// The windowed table renders the rows that fit: give the page a height and width (happy-dom has none).
beforeEach(() => {
  localStorage.clear();
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(500);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});
afterEach(() => vi.restoreAllMocks());

const appAt = (b: TestBackend, path: string, language: 'en' | 'de' = 'en') =>
  renderWithBackend(
    b,
    <Routes>
      <Route path="/groups/:id" element={<GroupScreen />} />
      <Route path="/organisations/*" element={<OrganisationsScreen />} />
      <Route path="/contacts/*" element={<ContactsScreen />} />
      <Route path="/cooperations/*" element={<CooperationsScreen />} />
      <Route path="/cases/*" element={<CasesScreen />} />
    </Routes>,
    { path, language },
  );

describe('The group filter on the people and case lists', () => {
  it('narrows the people list to current positions at members of the group', async () => {
    const b = await openTestBackend({ now: clock });
    await network(b);
    appAt(b, '/contacts');
    const grid = await screen.findByRole('grid', { name: 'List of people' });
    await within(grid).findByText('Jana Berger');
    expect(within(grid).getByText('Kofi Asante')).toBeInTheDocument();

    await filterBy('Group', 'Research Alliance Climate (1)');
    // Kofi left IOER: his ended position does not count.
    await waitFor(() => expect(within(grid).queryByText('Kofi Asante')).toBeNull());
    expect(within(grid).getByText('Jana Berger')).toBeInTheDocument();
    expect(within(grid).queryByText('Tim Kruse')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Reset filters' }));
    await within(grid).findByText('Kofi Asante');
  });

  it('narrows the case list to cases whose client or partner is in the group', async () => {
    const b = await openTestBackend({ now: clock });
    await network(b);
    appAt(b, '/cases');
    const grid = await screen.findByRole('grid', { name: 'Case list' });
    await within(grid).findByText('IOER seeks partners in Ghana');
    await filterBy('Group', 'ScienceCampus Coast (1)');
    await waitFor(() => expect(within(grid).queryByText('IOER seeks partners in Ghana')).toBeNull());
    expect(within(grid).getByText('Coastal partners for the ministry')).toBeInTheDocument();
  });
});

describe('The group screen', () => {
  it('counts organisations, people, cooperations and cases, and each count opens its list filtered by the group', async () => {
    const b = await openTestBackend({ now: clock });
    const { alliance } = await network(b);
    const view = appAt(b, `/groups/${alliance.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Research Alliance Climate' })).toBeInTheDocument();
    expect(screen.getByText('Research alliance')).toBeInTheDocument();
    expect(screen.getByText('Eight institutes on climate.')).toBeInTheDocument();
    const counts = within(screen.getByRole('region', { name: 'In this group' }));
    expect(await counts.findByRole('link', { name: '1 organisation' })).toBeInTheDocument();
    // Jana only: Kofi's position at IOER has ended.
    expect(counts.getByRole('link', { name: '1 person' })).toBeInTheDocument();
    expect(counts.getByRole('link', { name: '1 cooperation' })).toBeInTheDocument();
    expect(counts.getByRole('link', { name: '1 case' })).toBeInTheDocument();
    expect(counts.getByRole('link', { name: '0 delegation trips' })).toBeInTheDocument();

    fireEvent.click(counts.getByRole('link', { name: '1 person' }));
    expect(view.router.state.location.pathname).toBe('/contacts');
    const grid = await screen.findByRole('grid', { name: 'List of people' });
    await within(grid).findByText('Jana Berger');
    // The list opened with the group filter set, so only the counted person shows, and the filter can be reset.
    expect(within(grid).queryByText('Kofi Asante')).toBeNull();
    expect(screen.getByText('1 person')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reset filters' })).toBeInTheDocument();
  });

  it('shows the counts in German', async () => {
    const b = await openTestBackend({ now: clock });
    const { campus } = await network(b);
    appAt(b, `/groups/${campus.id}`, 'de');
    expect(await screen.findByRole('heading', { level: 1, name: 'ScienceCampus Coast' })).toBeInTheDocument();
    const counts = within(screen.getByRole('region', { name: 'In diesem Verbund' }));
    expect(await counts.findByRole('link', { name: '1 Organisation' })).toBeInTheDocument();
    expect(counts.getByRole('link', { name: '1 Person' })).toBeInTheDocument();
    expect(counts.getByRole('link', { name: '0 Kooperationen' })).toBeInTheDocument();
    expect(counts.getByRole('link', { name: '1 Vorgang' })).toBeInTheDocument();
    expect(counts.getByRole('link', { name: '1 Delegationsreise' })).toBeInTheDocument();
  });
});

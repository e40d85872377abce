import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TripDetail } from '../../renderer/src/screens/trips/TripDetail';
import { TripEditor } from '../../renderer/src/screens/trips/TripEditor';
import { TripsScreen } from '../../renderer/src/screens/trips/TripsScreen';
import { zoneLabel } from '../../shared/features/trips/zones';
import { normaliseTime, suggestedZones } from '../../renderer/src/screens/trips/parts';
import { buildTrip } from '../fixtures/trip';
import { openTestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

const routes = (
  <Routes>
    <Route path="trips/new" element={<TripEditor />} />
    <Route path="trips/:id/edit" element={<TripEditor />} />
    <Route path="trips/:id" element={<TripDetail />} />
    <Route path="cases/:id" element={<p>Case screen</p>} />
  </Routes>
);

describe('Trip screens against the real backend', () => {
  it('shows overlaps and items outside the trip as text, naming the other item', async () => {
    const backend = await openTestBackend();
    const { trip } = await buildTrip(backend, 3, 6);
    // Meeting 1 runs 08:00–09:30 in Nairobi on 11 January; this one starts before it ends.
    await backend.call('agenda.create', { tripId: trip.id, title: 'Working breakfast', date: '2027-01-11', start: '09:00', end: '10:00', timeZone: 'Africa/Nairobi' });
    await backend.call('agenda.create', { tripId: trip.id, title: 'Follow-up call', date: '2027-01-20', start: '09:00', end: '10:00', timeZone: 'Africa/Accra' });
    // 05:30 in Accra is 08:30 in Nairobi: this call, set in the other zone, overlaps Meeting 1 too.
    await backend.call('agenda.create', { tripId: trip.id, title: 'Call from Accra', date: '2027-01-11', start: '05:30', end: '06:00', timeZone: 'Africa/Accra' });
    renderWithBackend(backend, routes, { path: `/trips/${trip.id}` });

    fireEvent.click(await screen.findByRole('tab', { name: /Agenda/ }));
    const breakfast = (await screen.findByText('Working breakfast')).closest('li')!;
    expect(breakfast).toHaveTextContent('Overlaps with “Meeting 1: Ministry of Education, Science and Technology” (08:00–09:30).');
    const meeting1 = screen.getByText('Meeting 1: Ministry of Education, Science and Technology').closest('li')!;
    expect(meeting1).toHaveTextContent('Overlaps with “Working breakfast” (09:00–10:00).');
    // The other item's time is in its own zone, named as people name it.
    expect(meeting1).toHaveTextContent('Overlaps with “Call from Accra” (05:30–06:00 Accra (Greenwich Mean Time)).');
    const call = screen.getByText('Call from Accra').closest('li')!;
    expect(call).toHaveTextContent('Overlaps with “Meeting 1: Ministry of Education, Science and Technology” (08:00–09:30 Nairobi (East Africa Time)).');
    const late = screen.getByText('Follow-up call').closest('li')!;
    expect(late).toHaveTextContent('Outside the trip’s dates (11 Jan 2027 – 16 Jan 2027).');
    expect(screen.getByText('5 scheduling problems in the agenda.')).toBeInTheDocument();
    // Local time and zone stand beside each item; the days are headed in order.
    expect(within(meeting1).getByText('08:00–09:30')).toBeInTheDocument();
    expect(within(meeting1).getByText('Nairobi (GMT+3)')).toBeInTheDocument();
    const days = screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(days).toEqual(['Monday, 11 January 2027', 'Wednesday, 13 January 2027', 'Friday, 15 January 2027', 'Wednesday, 20 January 2027']);
  });

  it('composes the book: the outline lists the meetings, the external edition leaves strategy excerpts out, and the choice is remembered', async () => {
    const backend = await openTestBackend();
    const { trip, items } = await buildTrip(backend, 3, 6);
    renderWithBackend(backend, routes, { path: `/trips/${trip.id}` });

    fireEvent.click(await screen.findByRole('tab', { name: 'Briefing book' }));
    const outline = await screen.findByRole('region', { name: 'Outline' });
    for (const item of items) expect(await within(outline).findByText(item.title)).toBeInTheDocument();
    expect(within(outline).getByText('Strategy excerpts')).toBeInTheDocument();
    expect(within(outline).getByText('Africa strategy: innovation and young scientists')).toBeInTheDocument();
    expect(within(outline).getByText('Classification printed: Internal')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('radio', { name: 'For external partners (public content only)' }));
    await within(outline).findByText('Classification printed: Public');
    const omitted = within(outline).getByRole('list', { name: 'Left out' });
    expect(omitted).toHaveTextContent('Strategy excerpts— Not in the external edition');
    expect(omitted).toHaveTextContent('Case summaries— Not in the external edition');
    expect(within(outline).queryByText('Africa strategy: innovation and young scientists')).toBeNull();
    for (const item of items) expect(within(outline).getByText(item.title)).toBeInTheDocument();

    // Sections are offered in the printed order; unticking one drops it from the outline.
    const boxes = screen.getAllByRole('checkbox').map((b) => b.closest('.mantine-Checkbox-root')?.textContent);
    expect(boxes).toEqual(['Cover', 'Contents', 'Delegation', 'Itinerary', 'Meetings', 'Country profile', 'Strategy excerpts', 'Case summaries', 'Contact sheet', 'Pages for notes']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Contact sheet' }));
    await waitFor(() => expect(within(outline).queryByText('Contact sheet')).toBeNull());

    // Remembered in the trip, and nothing else about the trip changed with it.
    await waitFor(async () => expect((await backend.call('trips.get', { id: trip.id })).book.audience).toBe('external'));
    await waitFor(async () => expect((await backend.call('trips.get', { id: trip.id })).book.sections).not.toContain('contactSheet'));
    const stored = await backend.call('trips.get', { id: trip.id });
    expect(stored.members).toEqual(trip.members);
    expect(stored.caseIds).toEqual(trip.caseIds);
    expect(stored.noteIds).toEqual(trip.noteIds);
    expect(stored.purpose).toBe(trip.purpose);
  });

  it('orders the sections: arrows and Alt+arrow move a section, the outline and the stored choice follow, cover and contents stay first', async () => {
    const backend = await openTestBackend();
    const { trip } = await buildTrip(backend, 1, 2);
    renderWithBackend(backend, routes, { path: `/trips/${trip.id}` });

    fireEvent.click(await screen.findByRole('tab', { name: 'Briefing book' }));
    const outline = await screen.findByRole('region', { name: 'Outline' });
    const printed = () => within(outline).getAllByRole('listitem').filter((li) => li.parentElement?.classList.contains('outline-list')).map((li) => li.firstElementChild?.textContent);
    await waitFor(() => expect(printed().slice(0, 6)).toEqual(['Cover', 'Contents', 'Delegation', 'Itinerary', 'Meetings', 'Country profile']));

    fireEvent.click(screen.getByRole('button', { name: 'Move “Country profile” up' }));
    await waitFor(() => expect(printed().slice(0, 6)).toEqual(['Cover', 'Contents', 'Delegation', 'Itinerary', 'Country profile', 'Meetings']));
    expect(screen.getByRole('status')).toHaveTextContent('“Country profile” is now number 5.');

    // By keyboard on the checkbox; the delegation cannot pass the contents.
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Country profile' }), { key: 'ArrowUp', altKey: true });
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Delegation' }), { key: 'ArrowUp', altKey: true });
    await waitFor(() => expect(printed().slice(0, 6)).toEqual(['Cover', 'Contents', 'Delegation', 'Country profile', 'Itinerary', 'Meetings']));
    expect(screen.queryByRole('button', { name: 'Move “Cover” down' })).toBeNull();

    await waitFor(async () => expect((await backend.call('trips.get', { id: trip.id })).book.sections.slice(0, 4)).toEqual(['cover', 'contents', 'delegation', 'countryProfile']));
  });

  it('records a debrief, says where it went, and saving again writes no second task', async () => {
    const backend = await openTestBackend();
    const { trip, items, caseB } = await buildTrip(backend, 1, 2);
    renderWithBackend(backend, routes, { path: `/trips/${trip.id}` });

    fireEvent.click(await screen.findByRole('tab', { name: /Agenda/ }));
    fireEvent.click(await screen.findByRole('button', { name: `Debrief of “${items[0]!.title}”` }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('What was agreed'), { target: { value: 'Joint call in spring; co-funding 50:50.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add follow-up' }));
    fireEvent.change(within(dialog).getByLabelText(/^Task/), { target: { value: 'Send the call text' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save debrief' }));

    const written = await within(dialog).findByRole('status');
    expect(written).toHaveTextContent('Written to the cases');
    expect(within(written).getAllByRole('link', { name: `${caseB.reference} ${caseB.title}` })).toHaveLength(2);
    expect(written).toHaveTextContent('1 task on');
    expect((await backend.call('tasks.list', { caseId: caseB.id })).filter((x) => x.title === 'Send the call text')).toHaveLength(1);

    // Submitted directly: under happy-dom a second click on the submit button did not submit the
    // form again (the end-to-end test clicks it twice in Chromium).
    fireEvent.submit(within(dialog).getByRole('button', { name: 'Save debrief' }).closest('form')!);
    await waitFor(async () => expect((await backend.call('trips.related', { id: trip.id })).agenda[0]!.revision).toBe(3));
    expect((await backend.call('tasks.list', { caseId: caseB.id })).filter((x) => x.title === 'Send the call text')).toHaveLength(1);
    expect((await backend.call('activities.list', { caseId: caseB.id })).filter((a) => a.title === items[0]!.title)).toHaveLength(1);
  });

  it('shows the shared schema’s messages at the fields and creates nothing while invalid', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, routes, { path: '/trips/new' });
    const title = await screen.findByLabelText(/^Title/);
    fireEvent.submit(title.closest('form')!);
    expect(await screen.findByText('Please correct the marked fields.')).toBeInTheDocument();
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Add the time zone of the destination.')).toBeInTheDocument();
    expect(screen.getAllByText('Required.').length).toBeGreaterThanOrEqual(2);
    expect((await backend.call('trips.list', {})).total).toBe(0);
  });

  it('finds a time zone by the name people use or by its IANA id', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, routes, { path: '/trips/new' });
    const zones = await screen.findByRole('combobox', { name: /^Time zones/ });
    const offered = () => {
      const list = document.getElementById(zones.getAttribute('aria-controls') ?? '');
      return list ? within(list).queryAllByRole('option', { hidden: true }).map((o) => o.textContent) : [];
    };
    // Typing, as Mantine tells it from autofill: into the focused field.
    act(() => zones.focus());
    fireEvent.change(zones, { target: { value: 'east africa' } });
    await waitFor(() => expect(offered()).toContain('Nairobi (East Africa Time)'));
    expect(offered()).not.toContain('Accra (Greenwich Mean Time)');
    fireEvent.change(zones, { target: { value: 'Africa/Acc' } });
    await waitFor(() => expect(offered()).toEqual(['Accra (Greenwich Mean Time)']));
  });

  it('speaks German', async () => {
    const backend = await openTestBackend();
    const { trip } = await buildTrip(backend, 1, 2);
    renderWithBackend(backend, routes, { path: `/trips/${trip.id}`, language: 'de' });
    expect(await screen.findByRole('tab', { name: 'Briefingmappe' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kalender exportieren (.ics)' })).toBeInTheDocument();
    expect(screen.getByText('Delegationsleitung', { selector: 'dt' })).toBeInTheDocument();
  });
});

describe('TripsScreen list', () => {
  // happy-dom does no layout; give the scroll area a size so the virtualiser renders rows.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(500);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  });
  afterEach(() => vi.restoreAllMocks());

  it('lists trips with phase, head and meetings, and filters by text', async () => {
    const backend = await openTestBackend();
    await buildTrip(backend, 3, 4);
    await backend.call('trips.create', {
      title: 'Science fair in Hanoi',
      destinations: [{ country: 'VN', city: 'Hanoi' }],
      startDate: '2025-04-01',
      endDate: '2025-04-03',
      timeZones: ['Asia/Ho_Chi_Minh'],
      classification: 'public',
    });
    renderWithBackend(backend, <TripsScreen />, { path: '/trips', route: '/trips/*' });
    const grid = await screen.findByRole('grid', { name: 'Trip list' });
    const nairobi = (await within(grid).findByText('Delegation to Nairobi and Accra')).closest('[role="row"]')!;
    expect(nairobi).toHaveTextContent('Upcoming');
    expect(nairobi).toHaveTextContent('Dr. Helena Vogt');
    expect(nairobi).toHaveTextContent('Internal');
    expect(nairobi).toHaveTextContent(/11\s*–\s*16 Jan 2027/); // spacing differs between ICU versions
    expect(within(nairobi as HTMLElement).getAllByRole('gridcell')[4]).toHaveTextContent('3');
    const hanoi = within(grid).getByText('Science fair in Hanoi').closest('[role="row"]')!;
    expect(hanoi).toHaveTextContent('Past');
    expect(hanoi).toHaveTextContent('Public');
    expect(screen.getByText('2 trips')).toBeInTheDocument();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'accra' } });
    await waitFor(() => expect(within(grid).queryByText('Science fair in Hanoi')).toBeNull());
    expect(within(grid).getByText('Delegation to Nairobi and Accra')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'hanoi' } });
    await waitFor(() => expect(within(grid).queryByText('Delegation to Nairobi and Accra')).toBeNull());
    expect(within(grid).getByText('Science fair in Hanoi')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'atlantis' } });
    expect(await screen.findByText('No trip matches these filters.')).toBeInTheDocument();
  });
});

describe('trip helpers', () => {
  it('suggests the zone named after the city, or a country’s only zone', () => {
    expect(suggestedZones([{ country: 'KE', city: 'Nairobi' }, { country: 'GH', city: '' }])).toEqual(['Africa/Nairobi', 'Africa/Accra']);
    expect(suggestedZones([{ country: 'US', city: 'New York' }, { country: 'US', city: 'Springfield' }])).toEqual(['America/New_York']);
  });

  it('names a zone as people do, in the reader’s language, and keeps an unknown id as it is', () => {
    expect(zoneLabel('Africa/Nairobi', 'en')).toBe('Nairobi (East Africa Time)');
    expect(zoneLabel('Africa/Nairobi', 'de')).toBe('Nairobi (Ostafrikanische Zeit)');
    expect(zoneLabel('America/Argentina/Buenos_Aires', 'en')).toMatch(/^Buenos Aires \(.+\)$/);
    expect(zoneLabel('Mars/Olympus_Mons', 'en')).toBe('Mars/Olympus_Mons');
  });

  it('reads typed times on the 24-hour clock', () => {
    expect(['930', '9:30', '09.30', '0930', '14', '23:59'].map(normaliseTime)).toEqual(['09:30', '09:30', '09:30', '09:30', '14:00', '23:59']);
    expect(normaliseTime('24:00')).toBe('24:00');
    expect(normaliseTime('noon')).toBe('noon');
  });
});

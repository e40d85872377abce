/**
 * The country screen's Strategy priority section and the case's Shortlist section against the real
 * backend on a temp folder: level, period, goals, the strategy note, activity and gaps marked; the
 * shortlist's names linking to their records, scores, reasons as sentences, and Remove with Undo.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localDate } from '../../electron/backend/records/context';
import { CaseDetail } from '../../renderer/src/screens/cases/CaseDetail';
import { CountriesScreen } from '../../renderer/src/screens/countries/CountriesScreen';
import { openTestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

beforeEach(() => {
  localStorage.clear();
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(500);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});
afterEach(() => vi.restoreAllMocks());

const today = localDate(new Date());

describe('Strategy priority on the country screen', () => {
  it('shows the priority with goals, its note, the activity there and the gaps; a covered-by-region priority says so', async () => {
    const b = await openTestBackend();
    const note = await b.call('notes.create', { title: 'Africa strategy 2026–2030' });
    const legon = await b.call('organisations.create', { name: 'University of Ghana', country: 'GH' });
    const ama = await b.call('contacts.create', { contact: { givenName: 'Ama', familyName: 'Owusu' }, positions: [{ organisationId: legon.id, role: 'Professor' }] });
    await b.call('activities.create', { kind: 'call', date: today, title: 'Call with Ama', participantIds: [ama.id] });
    await b.call('priorities.create', { title: 'Africa strategy: Ghana', country: 'GH', level: 1, start: '2026-01-01', end: '2030-12-31', goals: ['Young scientists'], noteIds: [note.id] });
    await b.call('priorities.create', { title: 'Africa strategy: Sub-Saharan Africa', region: '202', level: 3 });
    renderWithBackend(b, <Routes><Route path="/countries/*" element={<CountriesScreen />} /></Routes>, { path: '/countries/GH' });

    const section = await screen.findByRole('region', { name: 'Strategy priority' });
    const ghana = await within(section).findByRole('region', { name: 'Africa strategy: Ghana' });
    expect(within(ghana).getByText('Level 1')).toBeInTheDocument();
    expect(within(ghana).getByText('Young scientists')).toBeInTheDocument();
    expect(within(ghana).getByRole('link', { name: 'Africa strategy 2026–2030' })).toHaveAttribute('href', `/notes/${note.id}`);
    const activity = within(ghana).getByRole('list', { name: 'Activity against the priority' });
    expect(within(activity).getAllByRole('listitem')[1]).toHaveTextContent(/People met\s*1/);
    // No trip and no cooperation yet; the contact today is recent.
    const gaps = within(ghana).getByRole('list', { name: 'Gaps' });
    expect(within(gaps).getAllByRole('listitem').map((g) => g.textContent)).toEqual(['No trip in 18 months', 'No cooperation']);
    const region = within(section).getByRole('region', { name: 'Africa strategy: Sub-Saharan Africa' });
    expect(region).toHaveTextContent('through the region Sub-Saharan Africa');
    expect(within(region).getByText('Level 3')).toBeInTheDocument();
  });

  it('says so when no priority covers the country', async () => {
    const b = await openTestBackend();
    renderWithBackend(b, <Routes><Route path="/countries/*" element={<CountriesScreen />} /></Routes>, { path: '/countries/FR' });
    const section = await screen.findByRole('region', { name: 'Strategy priority' });
    expect(within(section).getByText('No strategy priority covers this country.')).toBeInTheDocument();
  });
});

describe('Shortlist on the case', () => {
  it('lists saved entries with links, scores and reasons as sentences, and removes one with Undo', async () => {
    const b = await openTestBackend();
    const legon = await b.call('organisations.create', { name: 'University of Ghana', country: 'GH' });
    const ama = await b.call('contacts.create', { contact: { givenName: 'Ama', familyName: 'Owusu' }, positions: [{ organisationId: legon.id, role: 'Professor' }] });
    const kase = await b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-11-01' });
    await b.call('cases.saveShortlist', {
      id: kase.id,
      revision: kase.revision,
      entries: [
        { collection: 'organisations', id: legon.id, score: 42, addedOn: today, reasons: [{ kind: 'sharedTopics', points: 20, message: { key: 'matchmaking.reasons.sharedTopics', params: { count: 2, topics: 'water, health' } } }] },
        { collection: 'contacts', id: ama.id, score: 12, addedOn: today, reasons: [] },
      ],
    });
    renderWithBackend(b, <Routes><Route path="/cases/:id" element={<CaseDetail />} /></Routes>, { path: `/cases/${kase.id}` });
    const section = await screen.findByRole('region', { name: 'Shortlist' });
    expect(await within(section).findByRole('link', { name: 'University of Ghana' })).toHaveAttribute('href', `/organisations/${legon.id}`);
    expect(await within(section).findByRole('link', { name: 'Ama Owusu' })).toHaveAttribute('href', `/contacts/${ama.id}`);
    expect(within(section).getByText('Score 42')).toBeInTheDocument();
    expect(within(section).getByText(/water, health/)).toBeInTheDocument();

    fireEvent.click(within(section).getByRole('button', { name: 'Remove University of Ghana from the shortlist' }));
    await waitFor(() => expect(within(section).queryByRole('link', { name: 'University of Ghana' })).toBeNull());
    expect((await b.call('cases.get', { id: kase.id })).shortlist.map((e) => e.id)).toEqual([ama.id]);
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await within(section).findByRole('link', { name: 'University of Ghana' });
    expect((await b.call('cases.get', { id: kase.id })).shortlist.map((e) => e.id)).toEqual([legon.id, ama.id]);
  });
});

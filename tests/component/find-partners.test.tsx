/**
 * "Find partners" against the real backend on a temp folder: opened from an organisation's page, the
 * ranked organisations and people with their reasons in words; a weight changes the order; a
 * reason's source link opens the record; the reverse question from a partner; and the case's "Save
 * to case" button stays hidden while `cases.saveShortlist` is not in the contract.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { CaseDetail } from '../../renderer/src/screens/cases/CaseDetail';
import { OrganisationDetail } from '../../renderer/src/screens/organisations/OrganisationDetail';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

async function portfolio(b: TestBackend) {
  const alliance = await b.call('groups.create', { name: 'Research Alliance Climate', kind: 'alliance' });
  const ioer = await b.call('organisations.create', { name: 'Institute of Ecological Research', kind: 'researchInstitute', country: 'DE', topics: ['climate adaptation', 'water'], groupIds: [alliance.id] });
  const zmt = await b.call('organisations.create', { name: 'Centre for Tropical Marine Research', kind: 'researchInstitute', country: 'DE', topics: ['oceans'] });
  const legon = await b.call('organisations.create', { name: 'University of Ghana', kind: 'university', country: 'GH', topics: ['climate adaptation'] });
  const nairobi = await b.call('organisations.create', { name: 'University of Nairobi', kind: 'university', country: 'KE', topics: ['water', 'climate adaptation'], groupIds: [alliance.id] });
  const ama = await b.call('contacts.create', { contact: { givenName: 'Ama', familyName: 'Owusu', expertise: ['climate adaptation'] }, positions: [{ organisationId: legon.id, role: 'Professor' }] });
  const kase = await b.call('cases.create', { title: 'Partners in Kenya for water', openedOn: '2026-03-01', topics: ['water'], countries: ['KE'], clientId: ioer.id });
  const ghana = await b.call('cooperations.create', { title: 'Coastal adaptation in West Africa', institutes: [ioer.id], partners: [legon.id], topics: ['climate adaptation'], status: 'running', start: '2026-01-01' });
  await b.call('cooperations.create', { title: 'Mangrove monitoring', institutes: [zmt.id], partners: [nairobi.id], topics: ['oceans'], status: 'applied' });
  return { alliance, ioer, zmt, legon, nairobi, ama, kase, ghana };
}

const routes = (
  <Routes>
    <Route path="/organisations/:id" element={<OrganisationDetail />} />
    <Route path="/cases/:id" element={<CaseDetail />} />
    <Route path="/cooperations/:id" element={<p>cooperation page</p>} />
  </Routes>
);

/** The names of the ranked organisations, in order. */
const ranked = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('region', { name: /^Organisations/ }))
    .getAllByRole('listitem')
    .filter((li) => li.classList.contains('match-candidate'))
    .map((li) => within(li).getAllByRole('link')[0]!.textContent);

describe('Find partners', () => {
  it('ranks partners with reasons, follows the weights, and opens a source record', async () => {
    const b = await openTestBackend();
    const p = await portfolio(b);
    const view = renderWithBackend(b, routes, { path: `/organisations/${p.ioer.id}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Find partners' }));
    const dialog = await screen.findByRole('dialog', { name: 'Find partners' });
    await waitFor(() => expect(ranked(dialog)).toEqual(['University of Ghana', 'University of Nairobi']));
    expect(within(dialog).getByText('Earlier cooperation: “Coastal adaptation in West Africa”')).toBeInTheDocument();
    expect(within(dialog).getByRole('region', { name: /^People/ })).toHaveTextContent('Ama Owusu');

    // Switch earlier cooperations off and networks up: Nairobi (shared network) comes first.
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Earlier cooperation' }), { target: { value: '0' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Shared network' }), { target: { value: '60' } });
    await waitFor(() => expect(ranked(dialog)).toEqual(['University of Nairobi', 'University of Ghana']));
    // Reset brings the defaults (and the order) back.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset weights' }));
    await waitFor(() => expect(ranked(dialog)).toEqual(['University of Ghana', 'University of Nairobi']));

    // A reason's source opens its record.
    fireEvent.click(within(dialog).getAllByRole('link', { name: 'Cooperation: Coastal adaptation in West Africa' })[0]!);
    await waitFor(() => expect(view.router.state.location.pathname).toBe(`/cooperations/${p.ghana.id}`));
    expect(await screen.findByText('cooperation page')).toBeInTheDocument();
  });

  it('asks the reverse question from a partner, in German too', async () => {
    const b = await openTestBackend();
    const p = await portfolio(b);
    renderWithBackend(b, routes, { path: `/organisations/${p.legon.id}`, language: 'de' });
    fireEvent.click(await screen.findByRole('button', { name: 'Welche unserer Institute passen?' }));
    const dialog = await screen.findByRole('dialog', { name: 'Welche unserer Institute passen?' });
    await waitFor(() => expect(within(dialog).getByRole('region', { name: /^Einrichtungen/ })).toHaveTextContent('Institute of Ecological Research'));
    expect(within(dialog).getByText('Frühere Kooperation: „Coastal adaptation in West Africa“')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Als PDF drucken' })).toBeEnabled();
  });

  it('from a case: ranks by its topics and countries, and saves the ranking to the case as its shortlist', async () => {
    const b = await openTestBackend();
    const p = await portfolio(b);
    renderWithBackend(b, routes, { path: `/cases/${p.kase.id}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Find partners' }));
    const dialog = await screen.findByRole('dialog', { name: 'Find partners' });
    await waitFor(() => expect(ranked(dialog)[0]).toBe('University of Nairobi'));
    expect(within(dialog).getByTestId('match-subject')).toHaveTextContent('Partners in Kenya for water');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save to case as shortlist' }));
    await waitFor(async () => expect((await b.call('cases.get', { id: p.kase.id })).shortlist.map((e) => e.id)[0]).toBe(p.nairobi.id));
    const saved = (await b.call('cases.get', { id: p.kase.id })).shortlist;
    expect(saved.every((e, i) => i === 0 || saved[i - 1]!.score >= e.score)).toBe(true);
    expect(saved[0]).toMatchObject({ collection: 'organisations', id: p.nairobi.id });
    expect(saved[0]!.reasons.length).toBeGreaterThan(0);
  });
});

/**
 * The cooperation, programme and group screens against the real backend on a temp folder: the
 * list's filters (status, group with member counts), the editor's pickers and the shared schema's
 * messages, the detail with partners, groups and programme, delete with Undo, a programme with its
 * deadline, and a group created from the organisation editor.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseDetail } from '../../renderer/src/screens/cases/CaseDetail';
import { CooperationsScreen } from '../../renderer/src/screens/cooperations/CooperationsScreen';
import { OrganisationEditor } from '../../renderer/src/screens/organisations/OrganisationEditor';
import { OrganisationsScreen } from '../../renderer/src/screens/organisations/OrganisationsScreen';
import { ProgrammesScreen } from '../../renderer/src/screens/programmes/ProgrammesScreen';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend, settledOptions } from './render';

async function portfolio(b: TestBackend) {
  const alliance = await b.call('groups.create', { name: 'Research Alliance Climate', kind: 'alliance' });
  const ioer = await b.call('organisations.create', { name: 'Institute of Ecological Research', shortName: 'IOER', kind: 'researchInstitute', country: 'DE', groupIds: [alliance.id] });
  const zmt = await b.call('organisations.create', { name: 'Centre for Tropical Marine Research', shortName: 'ZMT', kind: 'researchInstitute', country: 'DE' });
  const legon = await b.call('organisations.create', { name: 'University of Ghana', kind: 'university', country: 'GH' });
  const nairobi = await b.call('organisations.create', { name: 'University of Nairobi', kind: 'university', country: 'KE' });
  const programme = await b.call('programmes.create', { name: 'Bilateral Africa Call', funder: 'BMBF', deadline: '2027-02-15' });
  const ama = await b.call('contacts.create', { contact: { givenName: 'Ama', familyName: 'Owusu' }, positions: [{ organisationId: legon.id, role: 'Professor' }] });
  const ghana = await b.call('cooperations.create', {
    title: 'Coastal adaptation in West Africa',
    institutes: [ioer.id],
    partners: [legon.id],
    programmeId: programme.id,
    status: 'running',
    volume: 480000,
    partnerContacts: [ama.id],
    topics: ['climate adaptation'],
  });
  const kenya = await b.call('cooperations.create', { title: 'Mangrove monitoring', institutes: [zmt.id], partners: [nairobi.id], status: 'applied' });
  return { alliance, ioer, zmt, legon, nairobi, programme, ama, ghana, kenya };
}

/** Types into a record picker and chooses the option that appears. */
async function pick(label: string, text: string, option: RegExp) {
  const input = screen.getAllByLabelText(label).find((el) => el.tagName === 'INPUT')!;
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  const list = await settledOptions(label);
  fireEvent.click(within(list).getByRole('option', { name: option, hidden: true }));
  await waitFor(() => expect(input.closest('.mantine-PillsInput-root')).toHaveTextContent(option));
}

/** Chooses a value in a list filter (a multi-select named by its placeholder). */
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

const screenAt = (b: TestBackend, path: string) =>
  renderWithBackend(
    b,
    <Routes>
      <Route path="/cooperations/*" element={<CooperationsScreen />} />
      <Route path="/programmes/*" element={<ProgrammesScreen />} />
      <Route path="/organisations/*" element={<OrganisationsScreen />} />
    </Routes>,
    { path },
  );

describe('Cooperations against the real backend', () => {
  it('lists cooperations and narrows them by status and by group', async () => {
    const b = await openTestBackend();
    await portfolio(b);
    screenAt(b, '/cooperations');
    const grid = await screen.findByRole('grid', { name: 'Cooperation list' });
    await within(grid).findByText('Coastal adaptation in West Africa');
    expect(within(grid).getByText('Mangrove monitoring')).toBeInTheDocument();
    expect(screen.getByText('2 cooperations')).toBeInTheDocument();

    await filterBy('Status', 'Applied');
    await waitFor(() => expect(within(grid).queryByText('Coastal adaptation in West Africa')).toBeNull());
    expect(within(grid).getByText('Mangrove monitoring')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Reset filters' }));
    await within(grid).findByText('Coastal adaptation in West Africa');
    // The group filter counts each group's organisations.
    await filterBy('Group', 'Research Alliance Climate (1)');
    await waitFor(() => expect(within(grid).queryByText('Mangrove monitoring')).toBeNull());
    expect(within(grid).getByText('Coastal adaptation in West Africa')).toBeInTheDocument();
    expect(screen.getByText('1 cooperation')).toBeInTheDocument();
  });

  it('creates a cooperation with pickers; the shared schema refuses an end before the start first', async () => {
    const b = await openTestBackend();
    const p = await portfolio(b);
    screenAt(b, '/cooperations/new');
    const title = await screen.findByRole('textbox', { name: /Title/ });
    fireEvent.change(title, { target: { value: 'Joint lab on coastal erosion' } });
    await pick('Our institutes', 'IOER', /Institute of Ecological Research/);
    await pick('Partner organisations', 'nairobi', /University of Nairobi/);
    await pick('Funding programme', 'bilateral', /Bilateral Africa Call/);
    fireEvent.change(screen.getByRole('textbox', { name: 'Start' }), { target: { value: '2027-03-01' } });
    fireEvent.blur(screen.getByRole('textbox', { name: 'Start' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'End' }), { target: { value: '2026-03-01' } });
    fireEvent.blur(screen.getByRole('textbox', { name: 'End' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('The end cannot be before the start.')).toBeInTheDocument();
    expect(b.store.db.cooperations.length).toBe(2);

    fireEvent.change(screen.getByRole('textbox', { name: 'End' }), { target: { value: '2029-02-28' } });
    fireEvent.blur(screen.getByRole('textbox', { name: 'End' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('heading', { name: 'Joint lab on coastal erosion' });
    const stored = b.store.db.cooperations.find((c) => c.title === 'Joint lab on coastal erosion')!;
    expect(stored).toMatchObject({ institutes: [p.ioer.id], partners: [p.nairobi.id], programmeId: p.programme.id, start: '2027-03-01', end: '2029-02-28', status: 'idea' });
    // The detail names the partner with its country, the institute with its group, the programme with its deadline.
    const orgs = screen.getByRole('region', { name: 'Organisations' });
    expect(await within(orgs).findByRole('list', { name: 'Partner organisations' })).toHaveTextContent('University of Nairobi');
    expect(within(orgs).getByRole('list', { name: 'Partner organisations' })).toHaveTextContent('Kenya');
    expect(within(orgs).getByRole('list', { name: 'Our institutes' })).toHaveTextContent('Research Alliance Climate');
    expect(await screen.findByRole('link', { name: 'Bilateral Africa Call' })).toHaveAttribute('href', `/programmes/${p.programme.id}`);
    expect(screen.getByText(/deadline 15 Feb 2027/)).toBeInTheDocument();
  });

  it('deletes a cooperation after saying nothing else goes, and Undo brings it back', async () => {
    const b = await openTestBackend();
    const p = await portfolio(b);
    screenAt(b, `/cooperations/${p.ghana.id}`);
    await screen.findByRole('heading', { name: 'Coastal adaptation in West Africa' });
    await waitFor(() => expect(screen.getByRole('region', { name: 'Contact persons' })).toHaveTextContent('Ama Owusu'));
    expect(within(screen.getByRole('article', { name: 'Coastal adaptation in West Africa' })).getByText('€480,000')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Coastal adaptation in West Africa”?' });
    expect(await within(dialog).findByText('Nothing else refers to it.')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(b.store.db.cooperations.some((c) => c.id === p.ghana.id)).toBe(false));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(b.store.db.cooperations.some((c) => c.id === p.ghana.id)).toBe(true));
  });
});

describe('Links back to cooperations', () => {
  it('a case’s page lists the cooperations that link to it, each opening the cooperation', async () => {
    const b = await openTestBackend();
    const p = await portfolio(b);
    const kase = await b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-03-01' });
    await b.call('cooperations.update', { id: p.ghana.id, revision: p.ghana.revision, changes: { caseIds: [kase.id] } });
    renderWithBackend(b, <Routes><Route path="/cases/:id" element={<CaseDetail />} /></Routes>, { path: `/cases/${kase.id}` });
    const region = await screen.findByRole('region', { name: 'Cooperations' });
    const link = await within(region).findByRole('link', { name: 'Coastal adaptation in West Africa' });
    expect(link).toHaveAttribute('href', `/cooperations/${p.ghana.id}`);
    expect(within(region).queryByText('Mangrove monitoring')).toBeNull();
  });
});

describe('Programmes and groups against the real backend', () => {
  it('creates a programme with a deadline; the list shows it and the count of cooperations naming it', async () => {
    const b = await openTestBackend();
    await portfolio(b);
    screenAt(b, '/programmes/new');
    fireEvent.change(await screen.findByRole('textbox', { name: /Name/ }), { target: { value: 'Southeast Asia Call' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Funder' }), { target: { value: 'DAAD' } });
    const deadline = screen.getByRole('textbox', { name: /Deadline/ });
    fireEvent.change(deadline, { target: { value: '2027-05-31' } });
    fireEvent.blur(deadline);
    fireEvent.change(screen.getByRole('textbox', { name: /Where it is published/ }), { target: { value: 'https://example.org/sea-call' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await screen.findByRole('heading', { name: 'Southeast Asia Call' });
    expect(b.store.db.programmes.find((p) => p.name === 'Southeast Asia Call')).toMatchObject({ funder: 'DAAD', deadline: '2027-05-31', link: 'https://example.org/sea-call' });
    const grid = screen.getByRole('grid', { name: 'Programme list' });
    await within(grid).findByText('Southeast Asia Call');
    // By deadline: the February call first, with the one cooperation that names it.
    const rows = within(grid).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows[0]).toContain('Bilateral Africa Call');
    expect(rows[0]).toContain('15 Feb 2027');
    expect(rows[1]).toContain('31 May 2027');
  });

  it('a group made from the organisation editor is picked at once, saved with the organisation, and filters the list', async () => {
    const b = await openTestBackend();
    const p = await portfolio(b);
    renderWithBackend(
      b,
      <Routes>
        <Route path="/organisations/:id/edit" element={<OrganisationEditor />} />
        <Route path="/organisations/*" element={<OrganisationsScreen />} />
      </Routes>,
      { path: `/organisations/${p.zmt.id}/edit` },
    );
    await screen.findByDisplayValue('Centre for Tropical Marine Research');
    fireEvent.click(screen.getByRole('button', { name: 'New group…' }));
    const dialog = await screen.findByRole('dialog', { name: 'New group' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Name/ }), { target: { value: 'ScienceCampus Coast' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create group' }));
    // Creating the group does not save the organisation around the dialog.
    await waitFor(() => expect(b.store.db.groups).toHaveLength(2));
    expect(b.store.db.organisations.find((o) => o.id === p.zmt.id)!.revision).toBe(1);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New group' })).toBeNull());
    const groupsField = screen.getAllByLabelText('Groups').find((el) => el.tagName === 'INPUT')!;
    await waitFor(() => expect(groupsField.closest('.mantine-PillsInput-root')).toHaveTextContent('ScienceCampus Coast'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(b.store.db.organisations.find((o) => o.id === p.zmt.id)!.groupIds).toHaveLength(1));
    const campus = b.store.db.groups.find((g) => g.name === 'ScienceCampus Coast')!;
    expect(b.store.db.organisations.find((o) => o.id === p.zmt.id)!.groupIds).toEqual([campus.id]);

    // The organisation list filters by it; the option counts its members.
    const grid = await screen.findByRole('grid', { name: 'Organisation list' });
    await within(grid).findByText('University of Ghana');
    await filterBy('Group', 'ScienceCampus Coast (1)');
    await waitFor(() => expect(within(grid).queryByText('University of Ghana')).toBeNull());
    expect(within(grid).getByText('Centre for Tropical Marine Research')).toBeInTheDocument();
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Link, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { OrganisationEditor } from '../../renderer/src/screens/organisations/OrganisationEditor';
import { TripDetail } from '../../renderer/src/screens/trips/TripDetail';
import { TripEditor } from '../../renderer/src/screens/trips/TripEditor';
import { buildTrip } from '../fixtures/trip';
import { openTestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

const routes = (
  <>
    <Routes>
      <Route path="/organisations/:id/edit" element={<OrganisationEditor />} />
      <Route path="/trips/:id/edit" element={<TripEditor />} />
      <Route path="/trips/:id" element={<TripDetail />} />
      <Route path="*" element={null} />
    </Routes>
    <Where />
    {/* Stands in for the sidebar and the palette, which navigate the same way. */}
    <Link to="/cases">Go to cases</Link>
  </>
);

describe('record editors ask before throwing changes away', () => {
  it('an untouched editor cancels at once, also one whose rows carry generated keys (a trip)', async () => {
    const backend = await openTestBackend();
    const { trip } = await buildTrip(backend, 1, 2);
    renderWithBackend(backend, routes, { path: `/trips/${trip.id}/edit` });
    expect(await screen.findByDisplayValue(trip.title)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent(`/trips/${trip.id}`));
    expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).toBeNull();
  });

  it('an edited one asks; keeping returns to the form with the typing, discarding leaves and saves nothing', async () => {
    const backend = await openTestBackend();
    const org = await backend.call('organisations.create', { name: 'Weser Technical University', kind: 'university', country: 'DE' });
    renderWithBackend(backend, routes, { path: `/organisations/${org.id}/edit` });
    const name = await screen.findByDisplayValue('Weser Technical University');
    fireEvent.change(name, { target: { value: 'Weser University of Technology' } });

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const dialog = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(screen.getByDisplayValue('Weser University of Technology')).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(`/organisations/${org.id}/edit`);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent(new RegExp(`^/organisations/${org.id}$`)));
    expect((await backend.call('organisations.get', { id: org.id })).name).toBe('Weser Technical University');
  });

  it('leaving any other way (the sidebar, the palette, a link) asks too; a save leaves without asking', async () => {
    const backend = await openTestBackend();
    const org = await backend.call('organisations.create', { name: 'Weser Technical University', kind: 'university', country: 'DE' });
    renderWithBackend(backend, routes, { path: `/organisations/${org.id}/edit` });
    const name = await screen.findByDisplayValue('Weser Technical University');
    fireEvent.change(name, { target: { value: 'Weser University of Technology' } });

    fireEvent.click(screen.getByRole('link', { name: 'Go to cases' }));
    const dialog = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(screen.getByTestId('where')).toHaveTextContent(`/organisations/${org.id}/edit`);

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent(new RegExp(`^/organisations/${org.id}$`)));
    expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).toBeNull();
    expect((await backend.call('organisations.get', { id: org.id })).name).toBe('Weser University of Technology');

    // Nothing unsaved is left: the link now simply goes.
    fireEvent.click(screen.getByRole('link', { name: 'Go to cases' }));
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent(/^\/cases$/));
  });

  it('an agenda item typed into a dialog is not thrown away by Cancel without asking', async () => {
    const backend = await openTestBackend();
    const { trip } = await buildTrip(backend, 1, 2);
    const before = (await backend.call('trips.related', { id: trip.id })).agenda.length;
    renderWithBackend(backend, routes, { path: `/trips/${trip.id}` });
    fireEvent.click(await screen.findByRole('tab', { name: /Agenda/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add item' }));
    const dialog = await screen.findByRole('dialog', { name: 'New agenda item' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Title/ }), { target: { value: 'Visit to the drylands station' } });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).toBeNull());
    expect(within(dialog).getByDisplayValue('Visit to the drylands station')).toBeInTheDocument();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New agenda item' })).toBeNull());
    expect((await backend.call('trips.related', { id: trip.id })).agenda).toHaveLength(before);
  });
});

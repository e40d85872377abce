// The import screen with a cooperations file as German Excel saves it (BOM, semicolons, CRLF),
// against the real in-process backend: opened from the Cooperations list, the columns are proposed,
// the preview shows status, our institutes and the partners (new ones marked), and the Done page
// leads back to the cooperations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { ImportScreen } from '../../renderer/src/screens/imports/ImportScreen';
import { openTestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname}</p>;
}

describe('importing cooperations on the import screen', () => {
  beforeEach(() => notifications.clean());

  it('previews a German Excel CSV as cooperations and stores the rows', async () => {
    const b = await openTestBackend();
    await b.call('organisations.create', { name: 'Institute of Ecological Research', kind: 'researchInstitute', country: 'DE' });
    await b.call('organisations.create', { name: 'University of Ghana', kind: 'university', country: 'GH' });
    await b.call('cooperations.create', { title: 'Coastal adaptation in West Africa' });
    renderWithBackend(
      b,
      <Routes>
        <Route path="/import" element={<ImportScreen />} />
        <Route path="*" element={<Where />} />
      </Routes>,
      { path: '/import?target=cooperations', route: '/*' },
    );
    const input = await waitFor(() => {
      const el = document.querySelector('input[type="file"]');
      expect(el).not.toBeNull();
      return el as HTMLInputElement;
    });
    const bytes = readFileSync(join(__dirname, '..', 'fixtures', 'cooperations-excel-de.csv'));
    Object.defineProperty(input, 'files', { value: [new File([bytes], 'Kooperationen.csv', { type: 'text/csv' })], configurable: true });
    fireEvent.change(input);

    // The mapping step: imported as cooperations, every German header proposed.
    const target = await screen.findByRole('radio', { name: 'Cooperations' });
    expect(target).toBeChecked();
    expect(screen.getAllByDisplayValue('Partner organisations').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: 'Preview' });

    const table = screen.getByRole('table', { name: 'Preview of the rows as they will be stored' });
    for (const header of ['Cooperation status', 'Our institutes', 'Partner organisations']) expect(within(table).getByRole('columnheader', { name: header })).toBeInTheDocument();
    const mangroves = within(table).getByText('Mangroven-Monitoring').closest('tr')!;
    expect(mangroves).toHaveTextContent('Applied');
    expect(mangroves).toHaveTextContent('University of Nairobi; Université Cheikh Anta Diop');
    expect(within(mangroves).getByText('new')).toBeInTheDocument();
    const wrongDate = within(table).getByText('Falsches Datum').closest('tr')!;
    expect(wrongDate).toHaveTextContent('Error');
    expect(within(table).getByText(/Duplicate of Coastal adaptation in West Africa \(same title\)/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Import 3 of 5 rows' }));
    await screen.findByRole('heading', { name: '3 created, 0 updated, 2 skipped.' });
    expect(b.store.db.cooperations.map((c) => c.title).sort()).toEqual(['Coastal adaptation in West Africa', 'KI für Gesundheit', 'Küstenanpassung in Westafrika', 'Mangroven-Monitoring']);
    fireEvent.click(screen.getByRole('button', { name: 'Show the cooperations' }));
    expect(await screen.findByTestId('where')).toHaveTextContent('/cooperations');
  });
});

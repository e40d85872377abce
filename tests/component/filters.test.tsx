import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CountryPicker } from '../../renderer/src/components/CountryPicker';
import { renderPlain } from './render';

function Filter() {
  const [value, setValue] = useState<string[]>([]);
  return <CountryPicker aria-label="Country" placeholder="Country" value={value} onChange={setValue} />;
}

const offered = (input: HTMLElement) => {
  const list = document.getElementById(input.getAttribute('aria-controls') ?? '');
  return list ? within(list).queryAllByRole('option', { hidden: true }).map((o) => o.textContent) : [];
};

describe('multi-select filters', () => {
  it('stay closed when tabbed into, and open on Arrow Down or typing', async () => {
    renderPlain(<Filter />);
    const country = screen.getByRole('combobox', { name: 'Country' });
    act(() => country.focus());
    expect(country).toHaveAttribute('aria-expanded', 'false');

    fireEvent.keyDown(country, { key: 'ArrowDown', code: 'ArrowDown' });
    await waitFor(() => expect(country).toHaveAttribute('aria-expanded', 'true'));
    fireEvent.keyDown(country, { key: 'Escape', code: 'Escape' });
    await waitFor(() => expect(country).toHaveAttribute('aria-expanded', 'false'));

    fireEvent.change(country, { target: { value: 'germ' } });
    await waitFor(() => expect(country).toHaveAttribute('aria-expanded', 'true'));
    expect(offered(country)).toEqual(['Germany (DE)']);
  });
});

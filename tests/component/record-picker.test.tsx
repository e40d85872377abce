import { Button, Modal, TextInput } from '@mantine/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { OrganisationPicker } from '../../renderer/src/components/pickers';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend, settledOptions } from './render';

/**
 * The real backend, with a gate on `organisations.lookup`: while closed, lookups wait, so a test
 * can look at the picker while a search is loading.
 */
async function gatedBackend() {
  const backend = await openTestBackend();
  for (const [name, city, country] of [
    ['Łódź University of Technology', 'Łódź', 'PL'],
    ['Lagos Business School', 'Lagos', 'NG'],
    ['University of Nairobi', 'Nairobi', 'KE'],
  ] as const) {
    await backend.call('organisations.create', { name, kind: 'university', city, country });
  }
  let gate: Promise<void> | null = null;
  let open = () => undefined as void;
  /** The texts the picker has asked the backend about, in order (a search starts once its debounce has passed). */
  const asked: string[] = [];
  const gated: TestBackend = Object.assign(Object.create(backend) as TestBackend, {
    dispatch: async (name: string, input: unknown) => {
      if (name === 'organisations.lookup') asked.push((input as { text?: string }).text ?? '');
      if (name === 'organisations.lookup' && gate) await gate;
      return backend.dispatch(name as never, input as never);
    },
  });
  return {
    backend: gated,
    asked,
    close: () => (gate = new Promise<void>((resolve) => (open = resolve))),
    open: () => {
      gate = null;
      open();
    },
  };
}

function Picker({ onChange, multiple, autofocus }: { onChange?: (ids: string[]) => void; multiple?: boolean; autofocus?: boolean }) {
  const [value, setValue] = useState<string[]>([]);
  return (
    <OrganisationPicker
      label="Partner"
      placeholder="Search organisations"
      value={value}
      multiple={multiple}
      data-autofocus={autofocus}
      onChange={(ids) => {
        setValue(ids);
        onChange?.(ids);
      }}
    />
  );
}

const input = () => screen.getByRole('textbox', { name: 'Partner' }) as HTMLInputElement;
const listbox = () => screen.getByRole('listbox', { name: 'Partner', hidden: true });
const optionNames = () => within(listbox()).queryAllByRole('option', { hidden: true }).map((o) => o.textContent);

/** happy-dom does no implicit submission; a browser submits on an Enter keydown nobody prevented. */
function pressEnter(el: HTMLInputElement): boolean {
  const notPrevented = fireEvent.keyDown(el, { key: 'Enter', code: 'Enter' });
  if (notPrevented) el.form?.requestSubmit();
  return notPrevented;
}

describe('RecordPicker against the real backend', () => {
  it('names its listbox after the picker, and keeps the last results that still match listed while the next search loads', async () => {
    const { backend, asked, close, open } = await gatedBackend();
    renderWithBackend(backend, <Picker />);
    fireEvent.focus(input());
    await waitFor(() => expect(optionNames()).toHaveLength(3));
    expect(listbox()).toHaveAccessibleName('Partner');

    close();
    fireEvent.change(input(), { target: { value: 'lodz' } });
    // The debounce has passed once the backend is asked about "lodz"; the gate holds the answer back.
    await waitFor(() => expect(asked).toContain('lodz'));
    // The search for "lodz" is still waiting on the backend: the previous list stays, narrowed to what
    // matches the text as typed (so nothing moves under the pointer when the answer comes), marked busy.
    expect(optionNames()).toEqual([expect.stringContaining('Łódź University of Technology')]);
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(listbox()).toHaveAttribute('aria-busy', 'true');

    open();
    await waitFor(() => expect(listbox()).not.toHaveAttribute('aria-busy'));
    expect(optionNames()).toEqual([expect.stringContaining('Łódź University of Technology')]);
  });

  it('does not submit the surrounding form on Enter without a highlighted option; Enter on one picks it', async () => {
    const { backend } = await gatedBackend();
    const onSubmit = vi.fn((e: { preventDefault(): void }) => e.preventDefault());
    const onChange = vi.fn();
    renderWithBackend(
      backend,
      <form onSubmit={onSubmit}>
        <Picker onChange={onChange} />
        <button type="submit">Save</button>
      </form>,
    );
    fireEvent.focus(input());
    fireEvent.change(input(), { target: { value: 'nairobi' } });
    await settledOptions('Partner');
    expect(optionNames()).toEqual([expect.stringContaining('University of Nairobi')]);

    expect(pressEnter(input())).toBe(false);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();

    fireEvent.keyDown(input(), { key: 'ArrowDown', code: 'ArrowDown' });
    expect(within(listbox()).getByRole('option', { name: /University of Nairobi/, hidden: true })).toHaveAttribute('data-combobox-selected');
    pressEnter(input());
    expect(onSubmit).not.toHaveBeenCalled();
    expect(onChange).toHaveBeenCalledTimes(1);
    const [nairobi] = await backend.call('organisations.lookup', { text: 'nairobi', limit: 1 });
    expect(onChange).toHaveBeenCalledWith([nairobi!.id]);
    expect(await screen.findByText('University of Nairobi')).toBeInTheDocument();

    // The form itself still submits as usual.
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('passes data-autofocus to its input, so a modal focuses the picker first', async () => {
    const { backend } = await gatedBackend();
    function Dialog() {
      return (
        <Modal opened onClose={() => undefined} title="Link partner" transitionProps={{ duration: 0 }}>
          <TextInput label="Note" />
          <Picker autofocus />
          <Button>Link</Button>
        </Modal>
      );
    }
    renderWithBackend(backend, <Dialog />);
    const field = await screen.findByRole('textbox', { name: 'Partner' });
    expect(field).toHaveAttribute('data-autofocus');
    await waitFor(() => expect(document.activeElement).toBe(field));
  });

  it('leaves data-autofocus off unless asked', async () => {
    const { backend } = await gatedBackend();
    renderWithBackend(backend, <Picker />);
    expect(input()).not.toHaveAttribute('data-autofocus');
  });
});

/**
 * The app lock against the real backend: an encrypted workspace asks for its passphrase at start (a
 * wrong one is refused with a message), and the lock drawn over a case editor keeps what was typed —
 * whether it came from the shortcut or from the backend answering LOCKED to a save.
 */
import { act, fireEvent, renderHook, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Gate } from '../../renderer/src/app/App';
import { emitCommand } from '../../renderer/src/app/commands';
import { LockLayer, useIdle } from '../../renderer/src/app/LockLayer';
import { CaseEditor } from '../../renderer/src/screens/cases/CaseEditor';
import { keychain, onDevice } from '../unit/helpers/keychain';
import { openTestBackend } from '../unit/helpers/workspace';
import { renderWithBackend, loadScreens } from './render';

// The shell's screens are lazy: their code is loaded once for the file, not inside a test's time limit.
beforeAll(loadScreens, 120_000);

const PASS = 'correct horse battery staple';

async function encryptedBackend() {
  const b = await openTestBackend();
  await b.call('workspace.setPassphrase', { current: null, next: PASS });
  return b;
}

async function unlockWith(passphrase: string) {
  const field = await screen.findByLabelText('Passphrase');
  fireEvent.change(field, { target: { value: passphrase } });
  fireEvent.submit(field.closest('form')!);
}

describe('unlock at start', () => {
  it('refuses a wrong passphrase with a clear message, then opens the workspace with the right one', async () => {
    const first = await encryptedBackend();
    await first.close();
    const backend = await openTestBackend({ dataDir: first.dataDir });
    expect((await backend.call('workspace.status', {})).state).toBe('locked');
    renderWithBackend(backend, <Gate />);

    expect(await screen.findByRole('heading', { name: 'Attaché is locked' })).toBeInTheDocument();
    expect(screen.getByText(`Data folder: ${backend.dataDir}`)).toBeInTheDocument();
    const field = screen.getByLabelText('Passphrase');
    await waitFor(() => expect(field).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Show the passphrase' })).toBeInTheDocument();

    await unlockWith('not the passphrase');
    expect(await within(field.closest('form')!).findByRole('alert')).toHaveTextContent('The passphrase is not correct. Nothing was changed.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
    expect(backend.store.state).toBe('locked');

    await unlockWith(PASS);
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(backend.store.state).toBe('ready');
    expect(screen.queryByRole('heading', { name: 'Attaché is locked' })).not.toBeInTheDocument();
  });
});

describe('remember on this device', () => {
  it('the start screen offers it where the shell has a keychain; ticked, the next start opens without asking', async () => {
    const vault = keychain();
    const first = await encryptedBackend();
    await first.close();
    const backend = await openTestBackend({ dataDir: first.dataDir, platform: onDevice(vault) });
    renderWithBackend(backend, <Gate />);
    const remember = await screen.findByRole('checkbox', { name: /Remember on this device/ });
    expect(remember).not.toBeChecked();
    fireEvent.click(remember);
    await unlockWith(PASS);
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    await backend.close();

    const again = await openTestBackend({ dataDir: first.dataDir, platform: onDevice(vault) });
    expect(await again.call('workspace.status', {})).toMatchObject({ state: 'ready', device: { remembered: true } });
  });

  it('is not offered by the web host', async () => {
    const first = await encryptedBackend();
    await first.close();
    const backend = await openTestBackend({ dataDir: first.dataDir });
    renderWithBackend(backend, <Gate />);
    expect(await screen.findByLabelText('Passphrase')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /Remember on this device/ })).not.toBeInTheDocument();
  });
});

describe('the lock over an editor', () => {
  it('keeps unsaved text through lock and unlock, gives focus back, and Save still works', async () => {
    const backend = await encryptedBackend();
    const view = renderWithBackend(
      backend,
      <LockLayer>
        <CaseEditor />
      </LockLayer>,
      { path: '/cases/new', route: '/cases/new' },
    );
    const title = await screen.findByLabelText(/Title/);
    // The shortcut locks once the window knows the workspace is protected.
    await waitFor(() => expect(view.queryClient.getQueryData(['workspace', 'status'])).toMatchObject({ encrypted: true, state: 'ready' }));
    fireEvent.change(title, { target: { value: 'Hydrogen partnership with Namibia' } });
    title.focus();
    fireEvent.focusIn(title);

    emitCommand('workspace.lock');
    const overlay = await screen.findByRole('dialog', { name: 'Attaché is locked' });
    expect(backend.store.state).toBe('locked');
    const shell = title.closest('.lockable')!;
    expect(shell).toHaveAttribute('inert');
    expect(shell).toHaveAttribute('aria-hidden', 'true');
    // The editor is still there, with what was typed.
    expect(title).toBeInTheDocument();
    expect(title).toHaveValue('Hydrogen partnership with Namibia');
    // Keys do nothing behind the lock.
    emitCommand('editor.save');

    await unlockWith('wrong horse battery staple');
    expect(await within(overlay).findByRole('alert')).toHaveTextContent('The passphrase is not correct.');
    expect(overlay).toBeInTheDocument();
    await unlockWith(PASS);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Attaché is locked' })).not.toBeInTheDocument());
    expect(shell).not.toHaveAttribute('inert');
    expect(shell).not.toHaveAttribute('aria-hidden');
    expect(title).toHaveValue('Hydrogen partnership with Namibia');
    expect(title).toHaveFocus();
    expect((await backend.call('cases.list', {})).rows).toEqual([]);

    fireEvent.submit(title.closest('form')!);
    await waitFor(async () => expect((await backend.call('cases.list', {})).rows.map((c) => c.title)).toEqual(['Hydrogen partnership with Namibia']));
  });

  it('shows the lock when a save meets a workspace locked elsewhere, and finishes the save after the unlock', async () => {
    const backend = await encryptedBackend();
    renderWithBackend(
      backend,
      <LockLayer>
        <CaseEditor />
      </LockLayer>,
      { path: '/cases/new', route: '/cases/new' },
    );
    const title = await screen.findByLabelText(/Title/);
    fireEvent.change(title, { target: { value: 'Water research with Jordan' } });
    // As Electron does when the OS locks the screen: the backend is locked, the window does not know yet.
    await backend.call('workspace.lock', {});
    fireEvent.submit(title.closest('form')!);

    await screen.findByRole('dialog', { name: 'Attaché is locked' });
    expect(screen.getByText(/Your unsaved work is kept/)).toBeInTheDocument();
    expect(title).toHaveValue('Water research with Jordan');
    expect(backend.store.state).toBe('locked');

    await unlockWith(PASS);
    await waitFor(async () => expect((await backend.call('cases.list', {})).rows.map((c) => c.title)).toEqual(['Water research with Jordan']));
    expect(await screen.findByText(/^Case AC-\d{4}-001 created/)).toBeInTheDocument();
  });
});

describe('the idle lock', () => {
  it('fires after the set time without input, and each key or pointer move starts the time again', () => {
    vi.useFakeTimers();
    try {
      const onIdle = vi.fn();
      const { rerender, unmount } = renderHook(({ ms }) => useIdle(ms, onIdle), { initialProps: { ms: 60_000 as number | null } });
      act(() => void vi.advanceTimersByTime(59_000));
      expect(onIdle).not.toHaveBeenCalled();
      fireEvent.keyDown(window, { key: 'a' });
      act(() => void vi.advanceTimersByTime(30_000));
      fireEvent.pointerMove(window);
      act(() => void vi.advanceTimersByTime(59_000));
      expect(onIdle).not.toHaveBeenCalled();
      act(() => void vi.advanceTimersByTime(1_000));
      expect(onIdle).toHaveBeenCalledTimes(1);
      // "Never": no timer at all.
      onIdle.mockClear();
      rerender({ ms: null });
      act(() => void vi.advanceTimersByTime(10 * 60_000));
      expect(onIdle).not.toHaveBeenCalled();
      unmount();
    } finally {
      vi.useRealTimers();
    }
  });
});

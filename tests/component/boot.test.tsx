/**
 * The boot (renderer/src/app/boot.ts) sends the opening screen's first calls before the app has
 * loaded, and the app's transport answers those calls from them. It only helps while the boot asks
 * exactly what the screen asks: checked here against the people list as it renders on a real
 * backend. And an early answer is used once, never after a lock, and sent again if it failed. The
 * chunks the build lists for the app and the opening screen are asked for once each, as modulepreload.
 */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callKey, createBoot, preloadChunks, withBoot } from '../../renderer/src/app/boot';
import { firstCallsOf, screenOf } from '../../renderer/src/app/routes';
import { ContactsScreen } from '../../renderer/src/screens/contacts/ContactsScreen';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

describe('boot', () => {
  let backend: TestBackend;
  beforeEach(async () => {
    backend = await openTestBackend();
  });
  afterEach(async () => {
    await backend.close();
  });

  it('sends, for the people list, exactly the calls the list screen makes first', async () => {
    await backend.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Mensah' } });
    const sent: string[] = [];
    const recording = { ...backend, dispatch: (name: string, input: unknown) => (sent.push(callKey(name, input)), backend.dispatch(name, input)) } as TestBackend;
    renderWithBackend(recording, <ContactsScreen />, { path: '/contacts', route: '/contacts/*' });
    await screen.findByRole('grid', { name: 'List of people' });
    const early = firstCallsOf('/contacts', '').map((c) => callKey(c.name, c.input));
    expect(early.map((k) => k.split(' ')[0])).toEqual(['contacts.list', 'views.list', 'cases.vocabulary', 'groups.list']);
    // Each of the boot's calls is one the screen makes (it would otherwise be sent twice).
    await waitFor(() => {
      for (const key of early) expect(sent).toContain(key);
    });
    // A link with filters (a group's members) is not guessed.
    expect(firstCallsOf('/contacts', '?group=g1')).toEqual([]);
    expect(screenOf('/contacts/abc/edit')).toBe('contacts');
    expect(screenOf('/nowhere')).toBe('dashboard');
  });

  it('answers each early call once, with the same input in any key order; a lock drops the rest; a failed one is sent again', async () => {
    let clock = 0;
    const early: string[] = [];
    const boot = createBoot(
      async (name, input) => (early.push(name), name === 'settings.get' ? Promise.reject(new Error('offline')) : { ok: true, data: { early: name, input } }),
      [
        { name: 'contacts.list', input: { text: '', sort: 'name', offset: 0 } },
        { name: 'views.list', input: { list: 'contacts' } },
        { name: 'settings.get', input: {} },
        { name: 'groups.list', input: { limit: 1000 } },
      ],
      () => clock,
    );
    const inner: string[] = [];
    const transport = withBoot(boot)(async (name) => (inner.push(name), { ok: true, data: { late: name } }));

    expect(await transport('contacts.list', { offset: 0, sort: 'name', text: '' })).toMatchObject({ data: { early: 'contacts.list' } });
    // Used once: the same call again goes to the backend.
    expect(await transport('contacts.list', { offset: 0, sort: 'name', text: '' })).toMatchObject({ data: { late: 'contacts.list' } });
    // Another input is another call.
    expect(await transport('views.list', { list: 'cases' })).toMatchObject({ data: { late: 'views.list' } });
    // Failed early: sent again, the app sees the backend's answer.
    expect(await transport('settings.get', {})).toMatchObject({ data: { late: 'settings.get' } });
    // Older than the app's own cache would keep it: not used.
    clock = 10_000;
    expect(await transport('groups.list', { limit: 1000 })).toMatchObject({ data: { late: 'groups.list' } });
    expect(inner).toEqual(['contacts.list', 'views.list', 'settings.get', 'groups.list']);
    expect(early).toEqual(['contacts.list', 'views.list', 'settings.get', 'groups.list']);

    // A lock: whatever was sent early is not used afterwards.
    clock = 0;
    const locked = createBoot(async (name) => ({ ok: true, data: { early: name } }), [{ name: 'contacts.list', input: {} }], () => clock);
    const after = withBoot(locked)(async (name) => ({ ok: true, data: { late: name } }));
    await after('workspace.lock', {});
    expect(locked.pending).toEqual([]);
    expect(await after('contacts.list', {})).toMatchObject({ data: { late: 'contacts.list' } });
  });

  it("asks for the app's and the opening screen's chunks once each, none already on the page, and nothing without the build's list", () => {
    const doc = document.implementation.createHTMLDocument('boot');
    preloadChunks('#/contacts', doc);
    expect(doc.querySelectorAll('link')).toHaveLength(0);

    const list = doc.createElement('script');
    list.type = 'application/json';
    list.id = 'attache-chunks';
    list.textContent = JSON.stringify({
      app: ['./assets/index-A.js', './assets/vendor-V.js', './assets/start-S.js'],
      screens: { contacts: ['./assets/ContactsScreen-C.js', './assets/vendor-V.js'], dashboard: ['./assets/DashboardScreen-D.js'] },
    });
    doc.head.appendChild(list);
    const entry = doc.createElement('link');
    entry.rel = 'modulepreload';
    entry.setAttribute('href', './assets/index-A.js');
    doc.head.appendChild(entry);
    preloadChunks('#/contacts/123?tab=notes', doc);
    const asked = [...doc.querySelectorAll('link')].slice(1).map((l) => [l.rel, l.getAttribute('href')]);
    expect(asked).toEqual([
      ['modulepreload', './assets/vendor-V.js'],
      ['modulepreload', './assets/start-S.js'],
      ['modulepreload', './assets/ContactsScreen-C.js'],
    ]);
  });
});

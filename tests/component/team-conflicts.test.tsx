/**
 * The Conflicts screen against the real backend linked to a real CouchDB-protocol peer
 * (pouchdb-server in memory): a second advisor's version of the same case field, written to the
 * server as his replicator would, meets this workspace's own edit; the screen lists the conflict
 * (kind, the field that differs, who made each version), opens it with the versions side by side,
 * the first chosen unless changed, and "Keep chosen values" keeps, per field, the chosen value —
 * here and on the server. The sidebar's status, open meanwhile, says "Synced", links to the conflict
 * when it arrives and announces it once.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TeamSyncStatus } from '../../renderer/src/app/teamSync';
import { ConflictsScreen } from '../../renderer/src/screens/conflicts/ConflictsScreen';
import { startCouchPeer, type CouchPeer } from '../peer/couch';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

const DB = 'bureau_africa';
let peer: CouchPeer | null = null;
let opened: TestBackend | null = null;
afterEach(async () => {
  // The workspace first, so its sync does not knock at a server that has gone.
  await opened?.close();
  await peer?.stop();
  peer = null;
  opened = null;
});

/**
 * A GET to the server as admin that no cache answers: in happy-dom, fetch keeps GET responses, so a
 * poll would see its first answer again (a 404 before the case arrived). Each asks a new address.
 */
let asked = 0;
const fresh = (path: string) => peer!.request('GET', `${path}${path.includes('?') ? '&' : '?'}fresh=${++asked}`);

interface ServerDoc {
  _id: string;
  _rev: string;
  _revisions?: { start: number; ids: string[] };
  _conflicts?: string[];
  record: Record<string, unknown>;
  by?: unknown;
}

describe('the Conflicts screen', () => {
  it('lists a same-field conflict, shows the versions side by side and keeps the chosen value', { timeout: 120_000 }, async () => {
    peer = await startCouchPeer();
    await peer.createUser('anna', 'anna team password');
    await peer.createDatabase(DB, ['anna', 'ben']);
    const backend = await openTestBackend();
    opened = backend;
    const created = await backend.call('cases.create', { title: 'Solar skills with Kenya', openedOn: '2026-11-02' } as never);
    await backend.call('team.connect', { url: peer.url, database: DB, user: 'anna', password: 'anna team password', share: ['cases'] });
    const docPath = `/${DB}/${encodeURIComponent(`cases:${created.id}`)}`;
    await expect.poll(async () => (await fresh(docPath)).status, { timeout: 60_000 }).toBe(200);
    await expect.poll(async () => (await backend.call('team.status', {})).state, { timeout: 60_000 }).toBe('synced');

    // The sidebar's status and the screen, open while the conflict arrives.
    renderWithBackend(
      backend,
      <>
        <nav aria-label="Main navigation">
          <TeamSyncStatus />
        </nav>
        <main id="main-content">
          <ConflictsScreen />
        </main>
      </>,
      { path: '/conflicts', route: '/conflicts/*' },
    );
    const sidebar = screen.getByRole('navigation', { name: 'Main navigation' });
    await waitFor(() => expect(within(sidebar).getByTestId('team-status-line')).toHaveTextContent(/^Synced · /));
    expect(await screen.findByTestId('no-conflicts')).toBeInTheDocument();

    // Ben's version from the same parent, as his replicator would push it; Anna's edit here.
    const before = (await fresh(`${docPath}?revs=true`)).body as ServerDoc;
    const generation = Number(before._rev.split('-')[0]) + 1;
    const hash = 'b'.repeat(32);
    const ben = {
      ...before,
      _rev: `${generation}-${hash}`,
      _revisions: { start: generation, ids: [hash, ...(before._revisions?.ids ?? [])] },
      by: { user: 'ben', at: '2026-12-05T10:02:00.000Z', device: 'bensdevice00000000001' },
      record: { ...before.record, title: 'Solar skills with Kenya and Uganda' },
    };
    const mine = await backend.call('cases.get', { id: created.id });
    await backend.call('cases.update', { id: mine.id, revision: mine.revision, changes: { title: 'Solar skills for Kenyan colleges' } } as never);
    expect((await peer.request('POST', `/${DB}/_bulk_docs`, { docs: [ben], new_edits: false })).status).toBe(201);
    await expect
      .poll(
        async () => {
          await backend.call('team.syncNow', {});
          return (await backend.call('team.status', {})).conflicts;
        },
        { timeout: 60_000 },
      )
      .toBe(1);
    // The sidebar links to it and says so once, politely; the list shows it.
    expect(await within(sidebar).findByRole('link', { name: '1 conflict' })).toHaveAttribute('href', '/conflicts');
    await waitFor(() => expect(within(sidebar).getByRole('status')).toHaveTextContent('1 conflict'));
    const list = await screen.findByTestId('conflict-list');
    const row = within(list).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Case');
    expect(row).toHaveTextContent('Title');
    expect(row).toHaveTextContent(/ben, 5 Dec 2026/);
    expect(row).toHaveTextContent(/anna, /);
    fireEvent.click(within(row).getByRole('link'));

    const form = await screen.findByRole('form', { name: /choose the values to keep/ });
    const radios = within(form).getAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect(radios[0]).toBeChecked();
    const names = radios.map((r) => r.closest('.mantine-Radio-root')?.querySelector('label')?.textContent);
    expect([...names].sort()).toEqual(['Solar skills for Kenyan colleges', 'Solar skills with Kenya and Uganda']);
    // The second version's value is chosen, and kept.
    fireEvent.click(radios[1]!);
    expect(radios[1]).toBeChecked();
    fireEvent.click(within(form).getByRole('button', { name: 'Keep chosen values' }));
    expect(await screen.findByTestId('no-conflicts')).toBeInTheDocument();
    // Focus lands on the list's heading once the screen has settled (the form it was in is gone).
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Conflicts', level: 1 })).toHaveFocus());
    expect(within(sidebar).queryByRole('link', { name: /conflict/ })).not.toBeInTheDocument();
    expect((await backend.call('cases.get', { id: created.id })).title).toBe(names[1]);
    await expect
      .poll(
        async () => {
          const doc = (await fresh(`${docPath}?conflicts=true`)).body as ServerDoc;
          return { title: doc.record.title, conflicts: doc._conflicts ?? [] };
        },
        { timeout: 60_000 },
      )
      .toEqual({ title: names[1], conflicts: [] });
    await backend.call('team.disconnect', {});
  });
});

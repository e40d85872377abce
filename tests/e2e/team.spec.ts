/**
 * Team workspaces in the real browser (issue 15): a CouchDB-protocol peer (pouchdb-server, in
 * memory, on 127.0.0.1) holds the team database; the workspace is linked in Settings → Team by
 * keyboard, the sidebar says it is synced, a second advisor's edit of the same case field written
 * straight to the server meets this advisor's own edit as a conflict, and the conflict is resolved
 * on the Conflicts screen, the server keeping the chosen value; a document of an unknown kind is
 * kept aside and listed there. Settings → Team and the Conflicts
 * screen are checked with axe in light and dark.
 */
import { startCouchPeer, type CouchPeer } from '../peer/couch';
import { callApi, expect, expectAccessible, expectDashboard, journey, keyTo, test } from './fixtures';

const DB = 'bureau_africa';
const ANNA = { user: 'anna', password: 'anna team password' };
const BEN = { user: 'ben', password: 'ben team password' };
const TITLE = 'Solar skills with Kenya';

interface CaseRecord {
  id: string;
  revision: number;
  title: string;
}
interface ServerDoc {
  _id: string;
  _rev: string;
  _revisions?: { start: number; ids: string[] };
  _conflicts?: string[];
  type: string;
  v: number;
  by?: { user: string; at: string; device: string };
  record: Record<string, unknown>;
}

test.describe('team sync', () => {
  const j = journey();
  let peer: CouchPeer;
  let theCase: CaseRecord;

  test.beforeAll(async () => {
    peer = await startCouchPeer();
    await peer.createUser(ANNA.user, ANNA.password);
    await peer.createUser(BEN.user, BEN.password);
    await peer.createDatabase(DB, [ANNA.user, BEN.user]);
  });
  test.afterAll(async () => {
    await peer?.stop();
  });

  const sidebar = () => j.page.getByRole('navigation', { name: 'Main navigation' });
  const statusLine = () => sidebar().getByTestId('team-status-line');
  const serverDoc = async (id: string, query = '') => (await peer.request('GET', `/${DB}/${encodeURIComponent(`cases:${id}`)}${query}`)) as { status: number; body: ServerDoc };

  test('links the workspace in Settings → Team, by keyboard', async () => {
    const { page, host } = j;
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Open the sample workspace' }).click();
    await expectDashboard(page);
    theCase = await callApi<CaseRecord>(page, host.url, 'cases.create', { title: TITLE, openedOn: '2026-11-02' });

    await page.keyboard.press('Control+,');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    const team = page.getByRole('region', { name: 'Team' });
    const url = team.getByRole('textbox', { name: 'Server address' });
    await keyTo(page, url, 'Tab', 60);
    await page.keyboard.type(peer.url);
    await page.keyboard.press('Tab');
    await expect(team.getByRole('textbox', { name: 'Database' })).toBeFocused();
    await page.keyboard.type(DB);
    await page.keyboard.press('Tab');
    await expect(team.getByRole('textbox', { name: 'User name' })).toBeFocused();
    await page.keyboard.type(ANNA.user);
    await page.keyboard.press('Tab');
    await expect(team.getByLabel(/^Password/)).toBeFocused();
    await page.keyboard.type('not the password');

    // Test connection: the server's answer, in words.
    const testButton = team.getByRole('button', { name: 'Test connection' });
    await keyTo(page, testButton);
    await page.keyboard.press('Enter');
    await expect(team.getByTestId('team-test-outcome')).toHaveText('The server refused the user name or password.');
    await team.getByLabel(/^Password/).focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(ANNA.password);
    await keyTo(page, testButton);
    await page.keyboard.press('Enter');
    await expect(team.getByTestId('team-test-outcome')).toHaveText(/^Connected: (the database is empty\.|\d+ documents?)$/);
    await expectAccessible(page, 'Settings → Team, before linking');

    // Connect (Enter in the form): the sidebar says where sync stands.
    await keyTo(page, team.getByRole('button', { name: 'Connect', exact: true }));
    await page.keyboard.press('Enter');
    await expect(statusLine()).toHaveText(/^Synced · /, { timeout: 60_000 });
    // Sync now, beside the status, by keyboard.
    const syncNow = sidebar().getByRole('button', { name: 'Sync now' });
    await syncNow.focus();
    await page.keyboard.press('Enter');
    await expect(statusLine()).toHaveText(/^(Syncing|Synced)/);
    await expect(team.getByTestId('team-settings-state')).toHaveText(/^Synced/);
    await expect(team.getByText(`${DB} on ${peer.url}`)).toBeVisible();
    // The password is never shown back.
    await expect(team.getByLabel(/^Password/)).toHaveCount(0);
    await expect(page.getByText(ANNA.password)).toHaveCount(0);
    await expectAccessible(page, 'Settings → Team, linked');
    // The case is on the server, as the team's document.
    await expect.poll(async () => (await serverDoc(theCase.id)).status, { timeout: 30_000 }).toBe(200);
  });

  test('a second advisor’s edit of the same field becomes a conflict, resolved on the Conflicts screen', async () => {
    const { page, host } = j;
    const before = (await serverDoc(theCase.id, '?revs=true')).body;
    expect(before.record.title).toBe(TITLE);

    // Ben, offline with his copy, renamed the case; his copy reaches the server beside Anna's edit
    // (a replicator's write: the revision he made from the same parent, as his PouchDB would push it).
    const [generation] = before._rev.split('-');
    const benRev = `${Number(generation) + 1}-${'b'.repeat(32)}`;
    const benDoc = {
      ...before,
      _rev: benRev,
      _revisions: { start: Number(generation) + 1, ids: ['b'.repeat(32), ...(before._revisions?.ids ?? [])] },
      by: { user: BEN.user, at: new Date().toISOString(), device: 'bensdevice00000000001' },
      record: { ...before.record, title: 'Solar skills with Kenya and Uganda' },
    };
    // Anna renames it here meanwhile.
    const mine = await callApi<CaseRecord>(page, host.url, 'cases.get', { id: theCase.id });
    await callApi(page, host.url, 'cases.update', { id: mine.id, revision: mine.revision, changes: { title: 'Solar skills for Kenyan colleges' } });
    const written = await peer.request('POST', `/${DB}/_bulk_docs`, { docs: [benDoc], new_edits: false });
    expect(written.status).toBe(201);

    const link = sidebar().getByRole('link', { name: '1 conflict' });
    await expect(link).toBeVisible({ timeout: 60_000 });
    await link.click();
    await expect(page.getByRole('heading', { name: 'Conflicts', level: 1 })).toBeVisible();
    const list = page.getByTestId('conflict-list');
    const row = list.getByRole('row').filter({ hasText: 'Case' });
    await expect(row).toContainText('Title');
    await expect(row).toContainText('ben');
    await expect(row).toContainText('anna');
    await expectAccessible(page, 'the Conflicts screen');

    await row.getByRole('link').click();
    const form = page.getByRole('form', { name: /choose the values to keep/ });
    await expect(form.getByRole('heading', { level: 2 })).toBeVisible();
    // The opened conflict's row is marked in the list; focus stays on its link, as in the other lists.
    await expect(row).toHaveAttribute('aria-current', 'true');
    await expect(row.getByRole('link')).toBeFocused();
    const keepBen = form.getByRole('radio', { name: 'Solar skills with Kenya and Uganda' });
    const keepAnna = form.getByRole('radio', { name: 'Solar skills for Kenyan colleges' });
    await expect(keepBen.or(keepAnna)).toHaveCount(2);
    // The first version is chosen at first; the other is one arrow key away.
    const firstIsBen = await keepBen.isChecked();
    const other = firstIsBen ? keepAnna : keepBen;
    const chosenTitle = firstIsBen ? 'Solar skills for Kenyan colleges' : 'Solar skills with Kenya and Uganda';
    await (firstIsBen ? keepBen : keepAnna).focus();
    await page.keyboard.press('ArrowRight');
    await expect(other).toBeChecked();
    await expectAccessible(page, 'a conflict opened, versions side by side');
    await keyTo(page, form.getByRole('button', { name: 'Keep chosen values' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: 'Conflicts', level: 1 })).toBeFocused();
    await expect(page.getByTestId('no-conflicts')).toBeVisible();
    await expect(sidebar().getByRole('link', { name: /conflict/ })).toHaveCount(0);
    await expect((await callApi<CaseRecord>(page, host.url, 'cases.get', { id: theCase.id })).title).toBe(chosenTitle);
    // On the server: one version left, with the chosen title.
    await expect
      .poll(
        async () => {
          const doc = (await serverDoc(theCase.id, '?conflicts=true')).body;
          return { title: doc.record.title, conflicts: doc._conflicts ?? [] };
        },
        { timeout: 30_000 },
      )
      .toEqual({ title: chosenTitle, conflicts: [] });

    // A document this version does not know is kept aside, and listed with why.
    expect((await peer.request('PUT', `/${DB}/widgets:w1`, { type: 'widgets', v: 1, record: { id: 'w1' } })).status).toBe(201);
    await expect(sidebar().getByRole('link', { name: '1 kept aside' })).toBeVisible({ timeout: 30_000 });
    const held = page.getByRole('table', { name: 'Kept aside' });
    await expect(held.getByRole('row').filter({ hasText: 'widgets:w1' })).toContainText('A document of a kind this version of Attaché does not know.');
    await expectAccessible(page, 'the Conflicts screen with a document kept aside');
  });

  test('the open case shows the team’s next change as it arrives, who made it, and its team history', async () => {
    const { page, host } = j;
    await page.goto(`${host.url}#/cases/${theCase.id}`);
    await expect(page.getByRole('heading', { name: /Solar skills/, level: 2 })).toBeVisible();
    const stamp = page.getByTestId('team-stamp');
    await expect(stamp).toContainText(/Changed by (anna|ben) · /);

    // Ben writes a summary on the server while the case is open here: the page shows it without a reload.
    const current = (await serverDoc(theCase.id)).body;
    const at = new Date().toISOString();
    const put = await peer.request('PUT', `/${DB}/${encodeURIComponent(`cases:${theCase.id}`)}`, {
      ...current,
      by: { user: BEN.user, at, device: 'bensdevice00000000001' },
      record: { ...current.record, summary: 'Ben: the Kampala visit is confirmed.', updatedAt: at },
    });
    expect(put.status).toBe(201);
    await expect(page.getByText('Ben: the Kampala visit is confirmed.')).toBeVisible({ timeout: 30_000 });
    await expect(stamp).toContainText('Changed by ben · ');
    await stamp.getByRole('button', { name: 'Team history' }).click();
    await expect(stamp.getByRole('button', { name: 'Team history' })).toHaveAttribute('aria-expanded', 'true');
    const history = stamp.getByRole('list', { name: 'Team history' }).getByRole('listitem');
    await expect(history.first()).toHaveText(/^ben · /);
    await expect(history).not.toHaveCount(1);
    await expectAccessible(page, 'a case with its team stamp and history');

    // The status line opens Settings → Team, its heading focused.
    await statusLine().click();
    await expect(page.getByRole('heading', { name: 'Team', level: 2 })).toBeFocused();
  });
});

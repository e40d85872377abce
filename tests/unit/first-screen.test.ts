// The first screen (services/firstScreen, electron/shell/renderer-files.ts): a screen the window hands
// over is kept only at the data published now, goes into the next page only then, never for an
// encrypted workspace, never in a page asked for without the web host's token, and nothing in it
// can load or run anything.
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NONCE_PLACEHOLDER } from '../../shared/csp';
import type { FirstScreenInput } from '../../shared/features/firstScreen/schema';
import { startWebHost } from '../../electron/web/server';
import { FIRST_SCREEN_PLACEHOLDER, serveRendererFile } from '../../electron/shell/renderer-files';
import { openTestBackend, rejection, tempDir, type TestBackend } from './helpers/workspace';

const screen = (version: string, html = '<div class="shell"><div role="grid"><div role="row" aria-rowindex="2">Amina Adeyemi</div></div></div>'): FirstScreenInput => ({
  route: '#/contacts',
  html,
  styles: ':root{--mantine-color-body:#fff}',
  version,
  scheme: 'light',
  followsSystem: true,
  language: 'en',
});

/** The data version an answer names, as the window sees it. */
async function answeredAt(b: TestBackend): Promise<string> {
  const reply = await b.dispatch('contacts.list', {});
  if (!reply.ok || reply.at === undefined) throw new Error('no data version in the answer');
  return reply.at;
}

/** Stands in for renderer/public/first-screen.js: the page runs it inline, allowed by its hash. */
const PAINTER = "document.body.dataset.painted = 'yes';";

async function rendererDir(): Promise<string> {
  const dir = await tempDir();
  await writeFile(
    join(dir, 'index.html'),
    `<html><head><meta name="csp-nonce" content="${NONCE_PLACEHOLDER}"><script type="module" crossorigin src="./assets/index-AbCdEfGh.js"></script>\n<link rel="stylesheet" crossorigin href="./assets/index-AbCdEfGh.css">\n</head><body><div id="root"></div>${FIRST_SCREEN_PLACEHOLDER}</body></html>`,
  );
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'first-screen.js'), PAINTER);
  return dir;
}

function get(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    })
      .on('error', reject)
      .end();
  });
}

describe('first screen', () => {
  it('names the data every read answer was computed at, and keeps a screen drawn at exactly that data', async () => {
    const b = await openTestBackend();
    const at = await answeredAt(b);
    expect(at).toBe(b.store.dataVersion);
    expect(await b.call('firstScreen.keep', screen(at))).toEqual({ kept: true });
    expect(b.firstScreen()).toMatchObject({ route: '#/contacts', scheme: 'light', html: expect.stringContaining('Amina Adeyemi') });
    expect(b.firstScreen()).not.toHaveProperty('version');
  });

  it('lets the screen go with the next save, and refuses one drawn at older data', async () => {
    const b = await openTestBackend();
    const before = await answeredAt(b);
    await b.call('firstScreen.keep', screen(before));
    await b.call('contacts.create', { contact: { givenName: 'Li', familyName: 'Wei' }, positions: [] });
    expect(b.firstScreen()).toBeNull();
    expect(await answeredAt(b)).not.toBe(before);
    // The window drew it before the save; it arrives after: refused.
    expect(await b.call('firstScreen.keep', screen(before))).toEqual({ kept: false });
    expect(b.firstScreen()).toBeNull();
  });

  it('a save names no version: the answer is of no single state of the data', async () => {
    const b = await openTestBackend();
    const reply = await b.dispatch('contacts.create', { contact: { givenName: 'Li', familyName: 'Wei' }, positions: [] });
    expect(reply.ok).toBe(true);
    expect(reply).not.toHaveProperty('at');
  });

  it('never keeps one for a workspace with a passphrase, and drops the one it had when a passphrase is set', async () => {
    const b = await openTestBackend();
    await b.call('firstScreen.keep', screen(await answeredAt(b)));
    expect(b.firstScreen()).not.toBeNull();
    await b.call('workspace.setPassphrase', { current: null, next: 'correct horse battery staple' });
    expect(b.firstScreen()).toBeNull();
    expect(await b.call('firstScreen.keep', screen(await answeredAt(b)))).toEqual({ kept: false });
    expect(b.firstScreen()).toBeNull();
  });

  it('refuses markup that could load or run anything, or close its template early', async () => {
    const b = await openTestBackend();
    const at = await answeredAt(b);
    for (const html of [
      '<div><script>alert(1)</script></div>',
      '<img src="x" onerror="alert(1)">',
      '<div></template><script src="/x.js"></script>',
      '<a href="javascript:alert(1)">x</a>',
      '<iframe srcdoc="x"></iframe>',
      '<link rel="stylesheet" href="http://evil.example/x.css">',
      '<meta http-equiv="refresh" content="0;url=http://evil.example">',
    ]) {
      const e = await rejection(b.call('firstScreen.keep', screen(at, html)));
      expect(e.code, html).toBe('VALIDATION');
    }
    expect((await rejection(b.call('firstScreen.keep', { ...screen(at), styles: 'x{}</style><script>' }))).code).toBe('VALIDATION');
    expect((await rejection(b.call('firstScreen.keep', { ...screen(at), styles: '@import url(http://evil.example/x.css);' }))).code).toBe('VALIDATION');
    expect((await rejection(b.call('firstScreen.keep', { ...screen(at), route: '#/contacts"><script>' }))).code).toBe('VALIDATION');
    expect((await rejection(b.call('firstScreen.keep', { ...screen(at), html: 'x'.repeat(900_001) }))).code).toBe('VALIDATION');
    expect(b.firstScreen()).toBeNull();
  });

  it('goes into the page: the screen in an inert template, its styles as data, and the script that shows it', async () => {
    const b = await openTestBackend();
    // Range media queries hold "<": fine in the styles, escaped where they go into the page.
    await b.call('firstScreen.keep', { ...screen(await answeredAt(b), '<div role="row" aria-rowindex="2">Price: $& $1 $$</div>'), styles: '@media (width<=600px){.row{display:none}}' });
    const page = await serveRendererFile(await rendererDir(), '/', b.firstScreen());
    const html = String(page.body);
    expect(html).toContain('<template id="first-screen" data-route="#/contacts" data-scheme="light" data-system="true" data-lang="en">');
    // Replacement patterns in the screen stay as they are.
    expect(html).toContain('Price: $& $1 $$');
    expect(html).toContain('<script type="application/json" id="first-screen-styles">"@media (width\\u003c=600px){.row{display:none}}"</script>');
    expect(html).not.toContain(FIRST_SCREEN_PLACEHOLDER);
    // The page's style sheet follows the screen (a sheet in the head would hold back its paint).
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).not.toContain('stylesheet');
    expect(head).toContain('<script type="module" crossorigin src="./assets/index-AbCdEfGh.js"></script>');
    expect(html).toContain(`<script>${PAINTER}</script><link rel="stylesheet" crossorigin href="./assets/index-AbCdEfGh.css"></body>`);
    // The page's CSP lets exactly that inline script run, and no other.
    const hash = createHash('sha256').update(PAINTER).digest('base64');
    expect(page.headers['Content-Security-Policy']).toContain(`script-src 'self' 'sha256-${hash}';`);
    const plain = String((await serveRendererFile(await rendererDir(), '/', null)).body);
    expect(plain).not.toContain('first-screen');
    expect(plain).not.toContain(FIRST_SCREEN_PLACEHOLDER);
    expect((await serveRendererFile(await rendererDir(), '/', null)).headers['Content-Security-Policy']).toContain("script-src 'self';");
    // Without a screen the page is as built: its style sheet in the head.
    expect(plain.slice(0, plain.indexOf('</head>'))).toContain('<link rel="stylesheet" crossorigin href="./assets/index-AbCdEfGh.css">');
  });

  it('the web host puts it only into the page asked for with its token', async () => {
    const b = await openTestBackend();
    await b.call('firstScreen.keep', screen(await answeredAt(b)));
    const host = await startWebHost({ backend: b, rendererDir: await rendererDir(), port: 0 });
    try {
      expect(await get(host.port, `/?token=${host.token}`)).toContain('Amina Adeyemi');
      expect(await get(host.port, '/')).not.toContain('Amina Adeyemi');
      expect(await get(host.port, `/?token=${'0'.repeat(48)}`)).not.toContain('Amina Adeyemi');
    } finally {
      await host.close();
    }
  });
});

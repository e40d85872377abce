import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { NONCE_PLACEHOLDER } from '../../../shared/csp';
import { createAppProtocolHandler, privilegedSchemes } from '../../../electron/main/protocol';
import { tempDir } from '../helpers/workspace';

async function renderer() {
  const root = await tempDir();
  await writeFile(join(root, 'secret.json'), '{"secret": true}');
  const dir = join(root, 'renderer');
  await mkdir(dir);
  await writeFile(join(dir, 'index.html'), `<html><head><meta name="csp-nonce" content="${NONCE_PLACEHOLDER}"></head></html>`);
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
  return createAppProtocolHandler(dir);
}

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme with fetch', () => {
    expect(privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  });

  it('serves the page with a fresh nonce and the security headers', async () => {
    const handle = await renderer();
    const res = await handle(new Request('app://attache/index.html'));
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const body = await res.text();
    expect(body).toContain(nonce);
    expect(body).not.toContain(NONCE_PLACEHOLDER);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their type', async () => {
    const res = await (await renderer())(new Request('app://attache/assets/app.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('refuses other hosts, other methods and paths outside the renderer', async () => {
    const handle = await renderer();
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await handle(new Request('app://attache/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    for (const path of ['/..%2fsecret.json', '/%2e%2e/secret.json', '/assets/..%2f..%2fsecret.json', '/..%5csecret.json']) {
      const res = await handle(new Request(`app://attache${path}`));
      expect([403, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('secret');
    }
    expect((await handle(new Request('app://attache/assets/missing.js'))).status).toBe(404);
  });
});

describe('app:// protocol without a built renderer', () => {
  it('answers 500 with a hint instead of failing the request', async () => {
    const handle = createAppProtocolHandler(join(await tempDir(), 'missing'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await handle(new Request('app://attache/index.html'));
    error.mockRestore();
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('npm run build');
  });
});

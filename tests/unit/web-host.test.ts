import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NONCE_PLACEHOLDER } from '../../shared/csp';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { openTestBackend, tempDir } from './helpers/workspace';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(host: WebHost, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${host.port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

async function startHost() {
  const backend = await openTestBackend();
  const rendererDir = await tempDir();
  await writeFile(join(rendererDir, 'index.html'), `<html><head><meta name="csp-nonce" content="${NONCE_PLACEHOLDER}"></head><body>Attaché</body></html>`);
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(rendererDir, 'assets', 'app-eCzO7jDP.js'), 'console.log(1)');
  const host = await startWebHost({ backend, rendererDir, port: 0 });
  const api = (name: string, input: unknown, headers: Record<string, string> = {}) =>
    call(host, `/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-attache-token': host.token, ...headers },
      body: JSON.stringify(input),
    });
  return { host, api };
}

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints a URL with its token', async () => {
    const { host } = await startHost();
    try {
      expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
      expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
      expect(host.token).toMatch(/^[0-9a-f]{48}$/);
    } finally {
      await host.close();
    }
  });

  it('requires the token on every API call', async () => {
    const { host, api } = await startHost();
    try {
      expect((await api('cases.list', {})).status).toBe(200);
      const missing = await call(host, '/api/cases.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(missing.status).toBe(401);
      expect(JSON.parse(missing.body).error.code).toBe('FORBIDDEN');
      expect((await api('cases.list', {}, { 'x-attache-token': 'f'.repeat(48) })).status).toBe(401);
    } finally {
      await host.close();
    }
  });

  it('refuses foreign Origin and Host headers and never sends CORS headers', async () => {
    const { host, api } = await startHost();
    try {
      const foreign = await api('cases.list', {}, { origin: 'http://evil.example' });
      expect(foreign.status).toBe(403);
      const rebinding = await api('cases.list', {}, { host: 'evil.example:80' });
      expect(rebinding.status).toBe(421);
      const crossSite = await api('cases.list', {}, { 'sec-fetch-site': 'cross-site' });
      expect(crossSite.status).toBe(403);
      const ok = await api('cases.list', {}, { origin: `http://127.0.0.1:${host.port}` });
      expect(ok.status).toBe(200);
      expect(ok.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await call(host, '/api/cases.list', { method: 'OPTIONS', headers: { origin: `http://127.0.0.1:${host.port}` } });
      expect(preflight.status).toBe(405);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await host.close();
    }
  });

  it('serves the page with a strict CSP and a fresh nonce per response', async () => {
    const { host } = await startHost();
    try {
      const a = await call(host, '/');
      const b = await call(host, '/');
      const csp = String(a.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/https?:/);
      const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
      expect(a.body).toContain(`content="${nonce}"`);
      expect(a.body).not.toContain(NONCE_PLACEHOLDER);
      expect(b.headers['content-security-policy']).not.toBe(csp);
      expect(a.headers['x-frame-options']).toBe('DENY');
      const asset = await call(host, '/assets/app.js');
      expect(asset.status).toBe(200);
      expect(asset.headers['content-type']).toContain('javascript');
      // Only a file named after its content may be kept without asking; the page never is.
      expect(asset.headers['cache-control']).toBe('no-cache');
      expect((await call(host, '/assets/app-eCzO7jDP.js')).headers['cache-control']).toBe('max-age=31536000, immutable');
      expect(a.headers['cache-control']).toBe('no-store');
      expect((await call(host, '/assets/../../etc/passwd')).body).not.toContain('root:');
      expect((await call(host, '/%2e%2e/%2e%2e/etc/passwd')).body).not.toContain('root:');
      expect((await call(host, '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fhosts.txt')).body).not.toContain('localhost');
    } finally {
      await host.close();
    }
  });

  it('passes calls through the contract: validation errors arrive as envelopes', async () => {
    const { host, api } = await startHost();
    try {
      const created = JSON.parse((await api('cases.create', { title: 'Over HTTP', openedOn: '2026-01-01' })).body);
      expect(created.ok).toBe(true);
      const invalid = JSON.parse((await api('cases.create', { title: '', openedOn: 'yesterday' })).body);
      expect(invalid.ok).toBe(false);
      expect(Object.keys(invalid.error.fields)).toEqual(expect.arrayContaining(['title', 'openedOn']));
      const unknown = JSON.parse((await api('cases.dropAll', {})).body);
      expect(unknown.error.code).toBe('UNKNOWN_OPERATION');
      const notJson = await call(host, '/api/cases.list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-attache-token': host.token }, body: '{oops' });
      expect(notJson.status).toBe(400);
    } finally {
      await host.close();
    }
  });

  it('a malformed %-escape in the operation name is a 400 with the error envelope', async () => {
    const { host } = await startHost();
    try {
      const reply = await call(host, '/api/%E0%A4%A', { method: 'POST', headers: { 'content-type': 'application/json', 'x-attache-token': host.token }, body: '{}' });
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageKey: { key: 'errors.badRequest' } } });
    } finally {
      await host.close();
    }
  });

  it('a body over 32 MB is answered with 413 and the envelope, the connection intact; the next call works', async () => {
    const { host, api } = await startHost();
    try {
      const big = Buffer.alloc(33 * 1024 * 1024, 0x20);
      const headers = { 'content-type': 'application/json', 'x-attache-token': host.token };
      // Declared by Content-Length, and streamed in chunks without one: both read to the end, then answered.
      for (const extra of [{ 'content-length': String(big.length) }, {}] as Array<Record<string, string>>) {
        const reply = await call(host, '/api/cases.list', { method: 'POST', headers: { ...headers, ...extra }, body: big });
        expect(reply.status).toBe(413);
        expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageKey: { key: 'errors.bodyTooLarge', params: { max: 32 } } } });
      }
      expect((await api('cases.list', {})).status).toBe(200);
    } finally {
      await host.close();
    }
  });

  it('JSON depth bombs get the validation envelope, not a 500', async () => {
    const { host, api } = await startHost();
    try {
      const headers = { 'content-type': 'application/json', 'x-attache-token': host.token };
      const arrays = await call(host, '/api/cases.list', { method: 'POST', headers, body: `{"text":${'['.repeat(100_000)}${']'.repeat(100_000)}}` });
      expect(arrays.status).toBe(200);
      expect(JSON.parse(arrays.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageKey: { key: 'errors.limits.depth' } } });
      let block: unknown = { type: 'paragraph' };
      for (let i = 0; i < 1000; i++) block = { type: 'blockquote', content: [block] };
      const note = await api('notes.create', { title: 'Bomb', body: { type: 'doc', content: [block] } });
      expect(note.status).toBe(200);
      expect(JSON.parse(note.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageKey: { key: 'errors.limits.depth' } } });
      const view = await api('views.create', { name: 'Huge', list: 'cases', query: { text: 'x'.repeat(2_000_000) } });
      expect(JSON.parse(view.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageKey: { key: 'errors.limits.string' } } });
    } finally {
      await host.close();
    }
  });

  it('a second web host on the same workspace refuses with a clear message', async () => {
    const dataDir = await tempDir();
    const rendererDir = await tempDir();
    await writeFile(join(rendererDir, 'index.html'), '<html></html>');
    const start = () =>
      spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts', '--port', '0', '--data-dir', dataDir], {
        env: { ...process.env, ATTACHE_RENDERER_DIR: rendererDir },
      });
    const first = start();
    try {
      await new Promise<void>((resolve, reject) => {
        first.stdout.on('data', (d: Buffer) => d.toString().includes('running on') && resolve());
        first.on('exit', (code) => reject(new Error(`first host exited ${code}`)));
      });
      const second = start();
      let stderr = '';
      second.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
      expect(code).toBe(3);
      expect(stderr).toContain('already open in another Attaché process');
      expect(stderr).toContain(dataDir);
    } finally {
      first.kill('SIGTERM');
      await new Promise((r) => first.on('exit', r));
    }
  });
});

/** Whether a pid runs; a zombie (ended, not yet reaped by whoever adopted it) counts as ended. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = `/proc/${pid}/stat`;
  return !(existsSync(stat) && / Z /.test(readFileSync(stat, 'utf8').replace(/^.*\)/, ')')));
}

/** Polls `ready` until it holds or the deadline passes; no fixed sleep. */
async function until(ready: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('npm run web: the wrapper (scripts/web.mjs) and its host', () => {
  /** The real wrapper on a temp workspace; resolves once the host serves, with the host's pid from attache.lock. */
  async function startWrapper() {
    const dataDir = await tempDir();
    // The wrapper builds first if dist/ is stale (npm test builds before the unit tests).
    const wrapper: ChildProcess = spawn(process.execPath, ['scripts/web.mjs', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    wrapper.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    wrapper.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => wrapper.on('exit', (code, signal) => resolve({ code, signal })));
    await Promise.race([
      until(() => output.includes('running on'), 'the host serves', 150_000),
      exited.then(() => {
        throw new Error(`npm run web ended early: ${output}`);
      }),
    ]);
    const lock = join(dataDir, 'attache.lock');
    const hostPid = (JSON.parse(await readFile(lock, 'utf8')) as { pid: number }).pid;
    expect(hostPid).not.toBe(wrapper.pid);
    return { wrapper, exited, hostPid, lock };
  }

  it('killing the wrapper with SIGKILL (which it cannot forward) stops the host, and the lock is released', async () => {
    const { wrapper, exited, hostPid, lock } = await startWrapper();
    try {
      wrapper.kill('SIGKILL');
      expect((await exited).signal).toBe('SIGKILL');
      await until(() => !running(hostPid), 'the host has exited');
      expect(existsSync(lock)).toBe(false);
    } finally {
      if (running(hostPid)) process.kill(hostPid, 'SIGKILL');
    }
  }, 180_000);

  it('SIGTERM to the wrapper is forwarded: the host closes the workspace and the wrapper ends with its code', async () => {
    const { wrapper, exited, hostPid, lock } = await startWrapper();
    try {
      wrapper.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      await until(() => !running(hostPid), 'the host has exited');
      expect(existsSync(lock)).toBe(false);
    } finally {
      if (running(hostPid)) process.kill(hostPid, 'SIGKILL');
    }
  }, 180_000);
});

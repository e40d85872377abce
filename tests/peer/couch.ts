/**
 * A real CouchDB-protocol peer for the team sync tests: pouchdb-server from npm, in memory, on
 * 127.0.0.1 at a free port, in its own temp folder (it writes its config and log beside it). It
 * starts with an admin, so "admin party" is off and every request carries a user, as against a
 * real CouchDB 3; the tests create the team database, its users and its security object the way the
 * README tells IT to.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', '..', 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');

export interface CouchPeer {
  url: string;
  admin: { user: string; password: string };
  /** Creates a user of the team database's server. */
  createUser(name: string, password: string): Promise<void>;
  /** Creates a database whose members are `members` (CouchDB's _security object). */
  createDatabase(name: string, members: string[]): Promise<void>;
  /** The database's documents as the server holds them (winning revisions, with conflicts), read as admin. */
  allDocs(db: string): Promise<Array<Record<string, unknown> & { _id: string; _rev: string; _conflicts?: string[] }>>;
  /** A raw request as admin (path from the server's root). */
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** A port on this machine where nothing listens now (taken, then let go). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startCouchPeer(): Promise<CouchPeer> {
  const dir = await mkdtemp(join(tmpdir(), 'attache-couch-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [BIN, '--in-memory', '--host', '127.0.0.1', '--port', String(port)], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      // A peer that dies under a test says why (its log), instead of leaving only ECONNREFUSED behind.
      if (!stopping) process.stderr.write(`[couch peer] pouchdb-server exited (${code ?? signal}):\n${output.slice(-4000)}\n`);
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const admin = { user: 'admin', password: 'admin-secret' };
  const auth = `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}`;

  // Ready when it says it listens (once its plugins have loaded, about a second), or out when it exits.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`pouchdb-server did not start: ${output}`)), 30_000);
    const onData = () => output.includes('pouchdb-server has started on') && finish();
    const onExit = () => finish(new Error(`pouchdb-server exited: ${output}`));
    function finish(error?: Error) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
  const setAdmin = await fetch(`${url}/_config/admins/${admin.user}`, { method: 'PUT', body: JSON.stringify(admin.password) });
  if (!setAdmin.ok) throw new Error(`Could not create the admin: ${setAdmin.status}`);

  async function request(method: string, path: string, body?: unknown) {
    const send = () =>
      fetch(`${url}${path}`, {
        method,
        headers: { authorization: auth, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    // The server closes a connection idle for 5 s; fetch may have picked that one just as it closed
    // (the bench builds a workspace between two calls). The request did not get through: sent again once.
    const res = await send().catch((e: Error & { cause?: { code?: string } }) => {
      if (e.cause?.code === 'UND_ERR_SOCKET') return send();
      throw e;
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  }
  async function must(method: string, path: string, body?: unknown) {
    const res = await request(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  return {
    url,
    admin,
    request,
    async createUser(name, password) {
      await must('PUT', `/_users/org.couchdb.user:${encodeURIComponent(name)}`, { name, password, roles: [], type: 'user' });
    },
    async createDatabase(name, members) {
      await must('PUT', `/${encodeURIComponent(name)}`);
      await must('PUT', `/${encodeURIComponent(name)}/_security`, { admins: { names: [], roles: [] }, members: { names: members, roles: [] } });
    },
    async allDocs(db) {
      const body = (await must('GET', `/${encodeURIComponent(db)}/_all_docs?include_docs=true&conflicts=true`)) as { rows: Array<{ doc: never }> };
      return body.rows.map((r) => r.doc);
    },
    async stop() {
      stopping = true;
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

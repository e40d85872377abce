import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorEnvelope, type Backend } from '../backend';
import { AppError } from '../../shared/errors';
import { serveRendererFile } from '../shell/renderer-files';

export const TOKEN_HEADER = 'x-attache-token';
const MAX_BODY = 32 * 1024 * 1024;

export interface WebHostOptions {
  backend: Backend;
  rendererDir: string;
  port: number;
  token?: string;
}

export interface WebHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body was over MAX_BODY: it was read to its end and thrown away, so the answer can follow on the same connection. */
class BodyTooLarge extends Error {}

/**
 * Reads the request body. Past MAX_BODY the rest is read and discarded rather than the socket
 * destroyed: a client still sending would see its connection reset instead of the 413 answer.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers['content-length'] ?? 0);
    let tooLarge = Number.isFinite(declared) && declared > MAX_BODY;
    req.on('data', (c: Buffer) => {
      if (tooLarge) return;
      size += c.length;
      if (size > MAX_BODY) {
        tooLarge = true;
        chunks.length = 0;
      } else chunks.push(c);
    });
    req.on('end', () => (tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** The operation name from the path; a malformed %-escape is the client's mistake (400), not ours (500). */
function operationName(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer) {
  res.writeHead(status, headers);
  res.end(body);
}

const json = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }, JSON.stringify(value));

/**
 * The web host: the same backend over loopback HTTP. Only 127.0.0.1; only our own Host and Origin;
 * no CORS; every API call carries this run's random token.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  let port = opts.port;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const server = createServer(async (req, res) => {
    try {
      // DNS rebinding and cross-site requests are refused before anything else is looked at.
      if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, { 'Content-Type': 'text/plain' }, 'Wrong host');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin)) return send(res, 403, { 'Content-Type': 'text/plain' }, 'Foreign origin');
      if (req.headers['sec-fetch-site'] === 'cross-site') return send(res, 403, { 'Content-Type': 'text/plain' }, 'Cross-site request');

      let url: URL;
      try {
        url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      } catch {
        return json(res, 400, errorEnvelope(new AppError('VALIDATION', 'The request address is malformed.', { messageKey: { key: 'errors.badRequest' } })));
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, { Allow: 'POST', 'Content-Type': 'text/plain' }, 'Method not allowed');
        const header = req.headers[TOKEN_HEADER];
        if (!sameToken(Array.isArray(header) ? header[0] : header, token)) {
          return json(res, 401, errorEnvelope(new AppError('FORBIDDEN', 'Missing or wrong access token.', { messageKey: { key: 'errors.token' } })));
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return json(res, 415, errorEnvelope(new AppError('VALIDATION', 'Expected application/json.')));
        }
        let body: string;
        try {
          body = await readBody(req);
        } catch (e) {
          if (!(e instanceof BodyTooLarge)) throw e;
          const max = MAX_BODY / (1024 * 1024);
          return json(res, 413, errorEnvelope(new AppError('VALIDATION', `The request body is larger than ${max} MB.`, { messageKey: { key: 'errors.bodyTooLarge', params: { max } } })));
        }
        const name = operationName(url.pathname);
        if (name === null) {
          return json(res, 400, errorEnvelope(new AppError('VALIDATION', 'The operation name in the address is not validly %-encoded.', { messageKey: { key: 'errors.badRequest' } })));
        }
        let input: unknown;
        try {
          // JSON.parse does not recurse on the stack, so a depth bomb parses here and is refused by
          // the dispatch's input limits (shared/contract/limits.ts) with a VALIDATION envelope.
          input = body ? JSON.parse(body) : {};
        } catch {
          return json(res, 400, errorEnvelope(new AppError('VALIDATION', 'The request body is not valid JSON.')));
        }
        return json(res, 200, await opts.backend.dispatch(name, input));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { Allow: 'GET, HEAD' }, 'Method not allowed');
      // The first screen shows people's data: only in the page asked for with this run's token.
      const page = sameToken(url.searchParams.get('token') ?? undefined, token) ? opts.backend.firstScreen() : null;
      const file = await serveRendererFile(opts.rendererDir, url.pathname, page);
      return send(res, file.status, file.headers, req.method === 'HEAD' ? '' : file.body);
    } catch (e) {
      if (!res.headersSent) json(res, 500, errorEnvelope(e));
      else res.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The window's first moments, before React, the router, the contract's schemas and the screens have
 * loaded: the calls every start makes (workspace status, settings) and the opening screen's first
 * calls (the people list's first window) are sent at once, and the opening screen's code starts
 * loading beside the app's. When the app then makes those same calls, the transport (`withBoot`)
 * answers them from these requests instead of sending them again, so the list's data and code
 * arrive in parallel with the bundle instead of one after the other. Each early answer is used once,
 * only while as fresh as the app's own query cache, and never after the workspace was locked or
 * unlocked; everything else (checking the envelope, the contract's output schema, the lock's retry)
 * happens as for any other call.
 */
import type { Transport } from '../../../shared/contract/client';
import { takeTokenFromLocation } from '../api/token';
import { firstCallsOf, screenLoaders, screenOf } from './routes';

/** As long as the app's queries stay fresh (staleTime in App.tsx): an early answer is no older than a cached one. */
export const BOOT_FRESH_MS = 5_000;

/** Calls after which no early answer may be used: the workspace changed hands. */
const RESETS = new Set(['workspace.lock', 'workspace.unlock', 'workspace.create', 'workspace.restore']);

export interface Boot {
  /** The early request for exactly this call (same name, same input), once; undefined if none or no longer fresh. */
  take(name: string, input: unknown): Promise<unknown> | undefined;
  /** Forgets every early answer not yet used. */
  drop(): void;
  /** The calls sent early and not yet used (for tests). */
  readonly pending: readonly string[];
}

/** Input as a key: the same fields in any order give the same key. */
export function callKey(name: string, input: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return `${name} ${JSON.stringify(canonical(input ?? {}))}`;
}

/** Keeps early requests by call; `send` returns the raw envelope as the transport would. */
export function createBoot(send: (name: string, input: object) => Promise<unknown>, calls: ReadonlyArray<{ name: string; input: object }>, now = () => performance.now()): Boot {
  const started = now();
  const early = new Map<string, Promise<unknown>>();
  for (const call of calls) {
    const request = send(call.name, call.input);
    // Unused or failed, an early request must not surface as an unhandled rejection.
    request.catch(() => undefined);
    early.set(callKey(call.name, call.input), request);
  }
  return {
    take(name, input) {
      if (early.size === 0) return undefined;
      if (now() - started > BOOT_FRESH_MS) {
        early.clear();
        return undefined;
      }
      const key = callKey(name, input);
      const request = early.get(key);
      early.delete(key);
      return request;
    },
    drop() {
      early.clear();
    },
    get pending() {
      return [...early.keys()];
    },
  };
}

/** The app's transport, answering the boot's calls from their early requests (a failed one is sent again). */
export function withBoot(boot: Boot): (inner: Transport) => Transport {
  return (inner) => (name, input) => {
    if (RESETS.has(name)) boot.drop();
    const request = boot.take(name, input);
    return request ? request.catch(() => inner(name, input)) : inner(name, input);
  };
}

/** The raw envelope of one call, by the preload's bridge or over HTTP; undefined without either. */
function rawSender(): ((name: string, input: object) => Promise<unknown>) | undefined {
  const bridge = window.attache as unknown as Record<string, (input: unknown) => Promise<unknown>> | undefined;
  if (bridge) return (name, input) => bridge[name]!(input);
  const token = takeTokenFromLocation();
  if (!token) return undefined;
  return async (name, input) => {
    const res = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Attache-Token': token },
      body: JSON.stringify(input),
      credentials: 'omit',
      cache: 'no-store',
    });
    return res.json();
  };
}

/** The opening screen's path and query, from the hash route ("#/contacts?group=…"). */
function openingRoute(hash: string): URL {
  return new URL(hash.replace(/^#/, '') || '/', 'http://app.invalid');
}

/**
 * Asks at once for every chunk the app and the opening screen need (the list the build writes into
 * the page, see chunkPreloads in vite.config.ts), as <link rel="modulepreload">: fetched and parsed
 * side by side with the libraries' chunk, evaluated only when imported (after csp-setup). Without
 * the list (the dev server) nothing is asked early; the imports load everything as before.
 */
export function preloadChunks(hash = window.location.hash, doc: Document = document): void {
  let preloads: { app?: string[]; screens?: Record<string, string[]> };
  try {
    preloads = JSON.parse(doc.getElementById('attache-chunks')?.textContent ?? '{}') as typeof preloads;
  } catch {
    return;
  }
  const wanted = new Set([...(preloads.app ?? []), ...(preloads.screens?.[screenOf(openingRoute(hash).pathname)] ?? [])]);
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"], script[type="module"][src]')) wanted.delete(link.getAttribute('href') ?? link.getAttribute('src') ?? '');
  for (const href of wanted) {
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    doc.head.appendChild(link);
  }
}

/**
 * Starts loading the opening screen's code; the module loader keeps it, so the shell's lazy screen
 * finds it loaded (or loading). Only after csp-setup has run: the screen's modules use zod.
 */
export function preloadOpeningScreen(hash = window.location.hash): void {
  screenLoaders[screenOf(openingRoute(hash).pathname)]().catch(() => undefined);
}

/** Sends the first calls; the address is the hash route ("#/contacts"). */
export function startBoot(hash = window.location.hash): Boot {
  const route = openingRoute(hash);
  const send = rawSender();
  const calls = [{ name: 'workspace.status', input: {} }, { name: 'settings.get', input: {} }, ...firstCallsOf(route.pathname, route.search)];
  return send ? createBoot(send, calls) : createBoot(() => Promise.reject(new Error('no transport')), []);
}

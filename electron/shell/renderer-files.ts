import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { NONCE_PLACEHOLDER, contentSecurityPolicy } from '../../shared/csp';
import { FirstScreenInput } from '../../shared/features/firstScreen/schema';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServedFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/**
 * Vite names every built asset after its content ("ContactsScreen-eCzO7jDP.js"): such a file never
 * changes under its name, so the browser may keep it (and V8 its compiled code) without asking
 * again. The page and unhashed files (icon.png) are asked for every time.
 */
const HASHED_ASSET = /^assets[/\\][^/\\]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;
export const IMMUTABLE = 'max-age=31536000, immutable';

/**
 * Headers every renderer response carries, in both shells (`scriptHashes`: inline scripts the page may run).
 *
 * No Cross-Origin-Opener-Policy: it guards a window against documents that opened it or that it
 * opens, and the app has none. Electron refuses every new window and every navigation away. In the
 * web host a page opened by another site has no token (the one secret, kept per tab) and so no
 * data, and the links the app opens (a note's) carry rel="noopener noreferrer". What the header did
 * cost was a process swap on every page load, before the first frame: 80–120 ms of the first
 * screen's ~400 in the benchmark's Chromium.
 */
export function securityHeaders(nonce: string, scriptHashes: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce, scriptHashes),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
  };
}

/** Where renderer/index.html takes the first screen. */
export const FIRST_SCREEN_PLACEHOLDER = '<!--attache-first-screen-->';

/** The screen written into the page: a first screen as the backend keeps it (services/firstScreen). */
export type FirstScreenMarkup = Omit<FirstScreenInput, 'version'>;

/** The painter of the first screen (renderer/public/first-screen.js), as the page runs it inline. */
export interface FirstScreenScript {
  text: string;
  /** Its SHA-256 in base64, for the page's CSP: that text and no other may run inline. */
  sha256: string;
}

const scripts = new Map<string, Promise<FirstScreenScript | null>>();

/** first-screen.js of a built renderer, read once per folder; null when the build has none. */
export function firstScreenScript(root: string): Promise<FirstScreenScript | null> {
  let script = scripts.get(root);
  if (!script) {
    script = readFile(join(root, 'first-screen.js'), 'utf8').then(
      (text) => (/<\/|<!--|<script/i.test(text) ? null : { text, sha256: createHash('sha256').update(text, 'utf8').digest('base64') }),
      () => null,
    );
    scripts.set(root, script);
  }
  return script;
}

/**
 * The first screen as markup for the page: the screen in an inert template, the style rules it
 * needs as a JSON data block, and the plain script that shows it, inline (a script fetched apart
 * would come after the page has arrived, on the way to the screen's first paint). Checked again
 * against its schema here, at the last step before it becomes part of a page.
 */
export function firstScreenMarkup(screen: FirstScreenMarkup, script: FirstScreenScript): string {
  const checked = FirstScreenInput.omit({ version: true }).safeParse(screen);
  if (!checked.success) return '';
  const s = checked.data;
  const styles = JSON.stringify(s.styles).replaceAll('<', '\\u003c');
  return (
    `<template id="first-screen" data-route="${s.route}" data-scheme="${s.scheme}" data-system="${s.followsSystem}" data-lang="${s.language}">${s.html}</template>` +
    `<script type="application/json" id="first-screen-styles">${styles}</script>` +
    `<script>${script.text}</script>`
  );
}

const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*>\s*/g;

/**
 * The page with the first screen in its place. The page's stylesheet links then move from the head
 * to just after the screen: a stylesheet in the head holds back every paint until it has arrived,
 * one in the body only what comes after it, so the screen (which brings its own rules) is painted
 * while the app's styles and code are still on their way.
 */
export function withFirstScreen(html: string, screen: string): string {
  if (!screen) return html.replace(FIRST_SCREEN_PLACEHOLDER, '');
  const links = html.match(STYLESHEET_LINK) ?? [];
  return html.replace(STYLESHEET_LINK, '').replace(FIRST_SCREEN_PLACEHOLDER, () => screen + links.map((l) => l.trim()).join(''));
}

/**
 * Serves the built renderer from `root`: the page gets a fresh style nonce per response (and the
 * first screen, when the shell has one for it); paths that leave the folder are refused; unknown
 * paths fall back to the page (the app routes in the hash).
 */
export async function serveRendererFile(root: string, urlPath: string, firstScreen: FirstScreenMarkup | null = null): Promise<ServedFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return { status: 400, headers: { 'Content-Type': types['.txt']! }, body: 'Bad path' };
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const target = join(root, relative);
  if (target !== root && !target.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return { status: 403, headers: { 'Content-Type': types['.txt']! }, body: 'Forbidden' };
  }
  const isPage = relative === '' || relative === 'index.html' || extname(relative) === '';
  const nonce = randomBytes(16).toString('base64');
  if (isPage) {
    const html = await readFile(join(root, 'index.html'), 'utf8');
    const script = firstScreen ? await firstScreenScript(root) : null;
    const screen = firstScreen && script ? firstScreenMarkup(firstScreen, script) : '';
    return {
      status: 200,
      headers: { 'Content-Type': types['.html']!, 'Cache-Control': 'no-store', ...securityHeaders(nonce, screen && script ? [script.sha256] : []) },
      body: withFirstScreen(html.replaceAll(NONCE_PLACEHOLDER, nonce), screen),
    };
  }
  try {
    const body = await readFile(target);
    return {
      status: 200,
      headers: { 'Content-Type': types[extname(target)] ?? 'application/octet-stream', 'Cache-Control': HASHED_ASSET.test(relative) ? IMMUTABLE : 'no-cache', ...securityHeaders(nonce) },
      body,
    };
  } catch {
    return { status: 404, headers: { 'Content-Type': types['.txt']! }, body: 'Not found' };
  }
}

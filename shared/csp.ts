/**
 * The Content-Security-Policy both shells send with the renderer's page: only the app's own scripts,
 * styles only from the app or carrying this response's nonce (Mantine injects its CSS variables), no
 * remote origins, no frames, no plugins, no form posts. `scriptHashes` (base64 SHA-256) allow inline
 * scripts of exactly that text: the first screen's painter, written into the page that shows one.
 */
export function contentSecurityPolicy(styleNonce: string, scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'none'",
    ["script-src 'self'", ...scriptHashes.map((h) => `'sha256-${h}'`)].join(' '),
    `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "worker-src 'self'",
  ].join('; ');
}

/** The placeholder in renderer/index.html that the shell replaces with the response's nonce. */
export const NONCE_PLACEHOLDER = '__ATTACHE_CSP_NONCE__';

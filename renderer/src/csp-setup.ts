import { config } from 'zod';

/**
 * Runs before anything else so no library trips the Content-Security-Policy:
 * zod would probe `new Function` for its fast path (an eval the CSP forbids), and
 * react-remove-scroll tags its injected <style> with `__webpack_nonce__` when it exists.
 */
config({ jitless: true });

const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
(globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = nonce;

export const styleNonce = nonce;

/**
 * The web host's access token, apart from the transport so the boot (app/boot.ts) can send the
 * first calls before the contract and its schemas have loaded.
 */
const TOKEN_KEY = 'attache.token';

/** The web host's token arrives once in the address; it is kept for the tab and removed from the URL. */
export function takeTokenFromLocation(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

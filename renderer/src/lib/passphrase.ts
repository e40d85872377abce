/**
 * A rough strength hint for a new passphrase, shown while it is typed. Length counts most (a few
 * unrelated words beat a short jumble); it is a hint for the person, not a policy: the backend
 * only insists on 8 characters.
 */
export type Strength = 'short' | 'weak' | 'fair' | 'strong';

export function passphraseStrength(value: string): Strength {
  if (value.length < 8) return 'short';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9\s]/, /\s/].filter((r) => r.test(value)).length;
  const words = value.trim().split(/[\s\-_.]+/).filter((w) => w.length >= 3).length;
  if (value.length >= 20 || (value.length >= 16 && (words >= 3 || kinds >= 3))) return 'strong';
  if (value.length >= 12 || kinds >= 3) return 'fair';
  return 'weak';
}

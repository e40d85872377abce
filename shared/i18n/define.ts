/**
 * The one shape of every string file: a feature's `strings.ts` (shared/features/<feature>/) and the
 * app-wide core (./en.ts, ./de.ts) give English first and German typed against it.
 */

/** Strings of one catalogue subtree, widened so the German side must match the English keys. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/**
 * One feature's strings in English and German, together in one file. The German object is checked
 * against the English keys: a missing German string, or one English does not have, is a compile error.
 */
export function defineStrings<T extends object>(strings: { en: T; de: Widen<T> }): { en: T; de: Widen<T> } {
  return strings;
}

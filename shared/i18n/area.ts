/** Strings of one catalogue subtree, widened so the German side must match the English keys. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/**
 * One area of the UI (organisations, contacts, notes, …) keeps its English and German strings
 * together in one file; the type makes a key missing in either language a compile error.
 */
export function defineArea<T extends object>(area: { en: T; de: Widen<T> }): { en: T; de: Widen<T> } {
  return area;
}

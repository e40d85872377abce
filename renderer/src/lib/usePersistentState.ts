import { useCallback, useState } from 'react';

/** UI preferences (visible columns) kept per machine in localStorage; invalid values fall back. */
export function usePersistentState<T>(key: string, fallback: T, valid: (v: unknown) => v is T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(`attache.${key}`);
      const parsed: unknown = raw ? JSON.parse(raw) : undefined;
      return valid(parsed) ? parsed : fallback;
    } catch {
      return fallback;
    }
  });
  const set = useCallback(
    (v: T) => {
      setValue(v);
      try {
        localStorage.setItem(`attache.${key}`, JSON.stringify(v));
      } catch {
        // Storage may be full or unavailable; the preference then lasts for this session.
      }
    },
    [key],
  );
  return [value, set];
}

export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

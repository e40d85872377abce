import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store';

/** What every service needs: the store and the two sources of non-determinism, injectable for tests. */
export interface ServiceContext {
  store: Store;
  now: () => Date;
  newId: () => string;
}

export function createContext(store: Store, now: () => Date = () => new Date()): ServiceContext {
  return { store, now, newId: () => randomUUID() };
}

/** Calendar date in the local time zone, "YYYY-MM-DD". */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

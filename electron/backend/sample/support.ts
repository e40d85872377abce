import type { ServiceContext } from '../records/context';
import { localDate } from '../records/context';

/**
 * The small machinery behind the sample tables: calendar days relative to today, timestamps that
 * never lie in the future, and symbolic keys ("org:embassy-nairobi") resolved to generated ids.
 */

/**
 * The five advisors of the bureau: they own cases, organisations (the account), people (the
 * relationship) and notes (as authors), and take tasks.
 */
export const advisors = ['A. Berger', 'L. Hoffmann', 'M. Keller', 'S. Wagner', 'D. Nowak'] as const;
export type Advisor = (typeof advisors)[number];

/** Days relative to today: -30 is a month ago, 14 is in two weeks. */
export type Offset = number;

export interface Clock {
  readonly now: Date;
  readonly today: string;
  readonly year: number;
  /** The calendar day `offset` days from today, "YYYY-MM-DD" (calendar arithmetic, safe across DST). */
  day(offset: Offset): string;
  /** An instant on that day at the given local time, never later than now. */
  at(offset: Offset, hour?: number, minute?: number): string;
  /** Fills "{year}", "{year+1}", "{year-2}" with years relative to today. */
  fill(text: string): string;
}

export function makeClock(now: Date): Clock {
  const y = now.getFullYear();
  const m = now.getMonth();
  const d = now.getDate();
  const day = (offset: Offset) => localDate(new Date(y, m, d + offset, 12, 0, 0));
  const at = (offset: Offset, hour = 10, minute = 0) => {
    const t = new Date(y, m, d + offset, hour, minute, 0);
    return (t.getTime() > now.getTime() ? now : t).toISOString();
  };
  const fill = (text: string) => text.replace(/\{year(?:([+-])(\d+))?\}/g, (_, sign?: string, n?: string) => String(sign ? y + (sign === '+' ? 1 : -1) * Number(n) : y));
  return { now, today: localDate(now), year: y, day, at, fill };
}

/** The later of two ISO timestamps (same format, so string comparison is chronological). */
export const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Symbolic keys to generated ids. Every key is declared once, in table order, so the same
 * `newId` sequence always gives the same workspace; resolving an unknown key is a bug in the tables.
 */
export class Keys {
  private readonly ids = new Map<string, string>();
  constructor(private readonly ctx: Pick<ServiceContext, 'newId'>) {}

  declare(key: string): string {
    if (this.ids.has(key)) throw new Error(`Sample data: key ${key} is declared twice.`);
    const id = this.ctx.newId();
    this.ids.set(key, id);
    return id;
  }

  id(key: string): string {
    const id = this.ids.get(key);
    if (!id) throw new Error(`Sample data: unknown key ${key}.`);
    return id;
  }

  all(keys: readonly string[]): string[] {
    return keys.map((k) => this.id(k));
  }
}

const special: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', ß: 'ss', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe' };

/** Latin letters without diacritics, for e-mail addresses: "Nguyễn Đức" → "Nguyen Duc". */
export function fold(s: string): string {
  return s
    .replace(/[łŁđĐıßøØæÆœ]/g, (c) => special[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** "Thu Hà", "Nguyễn" → "t.nguyen"; "Ana María", "de la Fuente" → "a.delafuente". */
export function mailbox(given: string, family: string): string {
  const g = fold(given).toLowerCase().replace(/[^a-z]/g, '');
  const f = fold(family).toLowerCase().replace(/[^a-z-]/g, '');
  return g ? `${g[0]}.${f}` : f;
}

import type { Language } from '../../../shared/i18n';

const locale = (lang: string) => (lang.startsWith('de') ? 'de-DE' : 'en-GB');

export function formatDate(iso: string | null | undefined, lang: Language | string): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)),
  );
}

export function formatDateTime(iso: string, lang: Language | string): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A file size for people: kilobytes below one megabyte, else megabytes, with the language's decimal mark. */
export function formatSize(bytes: number, lang: Language | string): { unit: 'kb' | 'mb'; value: string } {
  const mb = bytes / (1024 * 1024);
  const number = (n: number) => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(n);
  return mb >= 1 ? { unit: 'mb', value: number(mb) } : { unit: 'kb', value: number(Math.max(bytes / 1024, 0.1)) };
}

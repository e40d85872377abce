import type { Language } from '../../../../shared/i18n';

const locale = (lang: Language) => (lang === 'de' ? 'de-DE' : 'en-GB');

/** "21 November 2026" / "21. November 2026" from "2026-11-21", without time-zone drift. */
export function formatDate(isoDate: string, lang: Language): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return dateFormat(lang).format(new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)));
}

// A formatter per language, made once: making one costs far more than formatting (a book formats
// some thousand dates).
const dateFormats = new Map<Language, Intl.DateTimeFormat>();
function dateFormat(lang: Language): Intl.DateTimeFormat {
  let f = dateFormats.get(lang);
  if (!f) dateFormats.set(lang, (f = new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return f;
}

export function formatDateTime(date: Date, lang: Language): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

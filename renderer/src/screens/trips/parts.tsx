import { Badge } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../../shared/features/countries/names';
import type { Language } from '../../../../shared/i18n';
import type { TripPhase } from '../../../../shared/features/trips/schema';
import { formatDate } from '../../lib/format';

const phaseColors: Record<TripPhase, string> = { upcoming: 'blue', ongoing: 'teal', past: 'gray' };

export function PhaseBadge({ phase, size = 'sm' }: { phase: TripPhase; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Badge color={phaseColors[phase]} variant="light" radius="sm" size={size} tt="none">
      {t(`trips.phases.${phase}`)}
    </Badge>
  );
}

export function dateRange(start: string, end: string, lang: Language | string): string {
  return start === end ? formatDate(start, lang) : `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

/** "26–30 Dec 2026": the range as the language writes it, shared parts once. */
export function compactRange(start: string, end: string, lang: Language | string): string {
  const fmt = new Intl.DateTimeFormat(lang.startsWith('de') ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
  return fmt.formatRange(new Date(`${start}T12:00:00Z`), new Date(`${end}T12:00:00Z`));
}

/** Days from the first to the last day, both included. */
export function tripDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

export function destinationsLabel(destinations: ReadonlyArray<{ country: string; city: string }>, lang: Language): string {
  return destinations.map((d) => [d.city, countryName(d.country, lang)].filter(Boolean).join(', ')).join(' · ');
}

/** "Monday, 11 January 2027" for an ISO day, independent of the viewer's own zone. */
export function weekdayDate(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
}

/** The zone's short offset on that day ("GMT+3"), so a reader sees how local times relate. */
export function zoneOffset(timeZone: string, date: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(new Date(`${date}T12:00:00Z`));
    // Engines differ on zero: "GMT" or "GMT+0"; one spelling for all.
    return (parts.find((p) => p.type === 'timeZoneName')?.value ?? '').replace(/^GMT[+-]0$/, 'GMT');
  } catch {
    return '';
  }
}

type Locale = Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };

/** The IANA zones of a country, from the runtime's own data (newer engines name the accessor differently). */
export function zonesOfCountry(country: string): string[] {
  try {
    const locale = new Intl.Locale(`und-${country}`) as Locale;
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * A zone for each destination when one can be told: the zone named after the city ("Accra" →
 * Africa/Accra), or the country's only zone. Countries with several zones and an unnamed city get none.
 */
export function suggestedZones(destinations: ReadonlyArray<{ country: string; city: string }>): string[] {
  const out: string[] = [];
  for (const d of destinations) {
    if (!d.country) continue;
    const zones = zonesOfCountry(d.country);
    const city = fold(d.city.trim());
    const named = city ? zones.find((z) => fold(z.split('/').pop() ?? '') === city) : undefined;
    const zone = named ?? (zones.length === 1 ? zones[0] : undefined);
    if (zone && !out.includes(zone)) out.push(zone);
  }
  return out;
}

/** "930", "9:30", "9.30" or "0930" → "09:30"; anything else is left for the schema to refuse. */
export function normaliseTime(input: string): string {
  const s = input.trim();
  const m = /^(\d{1,2})[:.h]?(\d{2})$/.exec(s) ?? /^(\d{1,2})$/.exec(s);
  if (!m) return s;
  const hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  if (hours > 23 || minutes > 59) return s;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * Enter in a picker with nothing highlighted would submit the whole form half-filled; the picker
 * has already handled an Enter that chose an option, so the form only needs to stop the rest.
 */
export function keepEnterInPickers(e: KeyboardEvent<HTMLFormElement>): void {
  const target = e.target as HTMLElement;
  if (e.key === 'Enter' && target.tagName === 'INPUT' && target.getAttribute('aria-haspopup') === 'listbox') e.preventDefault();
}

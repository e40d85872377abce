/**
 * Team sync in words: the one line that says where sync stands (the sidebar, Settings → Team), a
 * problem's sentence from its key, times relative to now, and a field's value as a person reads it
 * (the Conflicts screen). Plain functions, so every screen words the same state the same way.
 */
import type { TFunction } from 'i18next';
import type { CollectionName } from '../../../shared/schemas/database';
import type { TeamStatus } from '../../../shared/features/team/schema';
import type { TranslationKey } from '../../../shared/i18n';
import { translateMessage } from '../i18n';
import { formatDate, formatDateTime } from './format';

const locale = (lang: string) => (lang.startsWith('de') ? 'de-DE' : 'en-GB');

/** "just now", "2 min ago", "3 hr ago"; a day or more back, the date and time. */
export function relativeTime(t: TFunction, iso: string, now: number, lang: string): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (seconds < 60) return t('team.sync.justNow');
  const rtf = new Intl.RelativeTimeFormat(locale(lang), { numeric: 'always', style: 'short' });
  if (seconds < 3600) return rtf.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return rtf.format(-Math.floor(seconds / 3600), 'hour');
  return formatDateTime(iso, lang);
}

/** The time of day for a moment today ("10:02"), else the date and time. */
export function sinceTime(iso: string, now: number, lang: string): string {
  const at = new Date(iso);
  const today = new Date(now);
  if (at.toDateString() === today.toDateString()) return new Intl.DateTimeFormat(locale(lang), { timeStyle: 'short' }).format(at);
  return formatDateTime(iso, lang);
}

/**
 * A problem's sentence from its key, with the server's detail where it has a place. The test's
 * answer names the problem alone ("unreachable"), the status's error the whole key
 * ("team.problems.unreachable"): both read the same.
 */
export function problemText(t: TFunction, key: string, detail = ''): string {
  const whole = key.startsWith('team.problems.') ? key : `team.problems.${key}`;
  return translateMessage(t, { key: whole as TranslationKey, params: { detail } }, detail || key);
}

/** Where sync stands, in one short line: "Synced · 2 min ago", "Syncing 12 changes", "Offline since 10:02"… */
export function syncLine(t: TFunction, s: TeamStatus, now: number, lang: string): string {
  switch (s.state) {
    case 'off':
      return t('team.sync.off');
    case 'connecting':
      return t('team.sync.connecting');
    case 'synced':
      return s.lastSyncedAt ? t('team.sync.synced', { when: relativeTime(t, s.lastSyncedAt, now, lang) }) : t('team.sync.syncedNever');
    case 'syncing':
      if (s.progress?.total) return t('team.sync.syncingOf', { done: s.progress.done, total: s.progress.total });
      if (s.pending > 0) return t('team.sync.syncing', { count: s.pending });
      return t('team.sync.syncingStart');
    case 'offline':
      return s.offlineSince ? t('team.sync.offline', { time: sinceTime(s.offlineSince, now, lang) }) : t('team.sync.offlineNow');
    case 'error':
      return t('team.sync.error', { reason: s.error ? problemText(t, s.error.key, s.error.detail) : '' });
    case 'needsPassword':
      return t('team.sync.needsPassword');
  }
}

/**
 * The states a person should hear about when sync moves into them (the sidebar's live region).
 * Connecting and syncing come and go every few seconds and are left out, so the announcements
 * never pile up.
 */
export function settledState(s: TeamStatus): string | null {
  if (s.state === 'synced' || s.state === 'offline' || s.state === 'needsPassword') return s.state;
  if (s.state === 'error') return `error:${s.error?.key ?? ''}`;
  return null;
}

/** The strings group whose `fields` name a collection's fields, where the app has one. */
const fieldGroups: Partial<Record<CollectionName, string>> = {
  organisations: 'organisations',
  contacts: 'contacts',
  cases: 'cases',
  tasks: 'tasks',
  notes: 'notes',
  trips: 'trips',
  agendaItems: 'agenda',
  cooperations: 'cooperations',
  programmes: 'programmes',
  priorities: 'priorities',
  groups: 'groups',
  positions: 'positions',
};

/** A field's name as the record's own screen labels it, or its code name in words ("dueOn" → "due on"). */
export function fieldLabel(t: TFunction, exists: (key: string) => boolean, collection: CollectionName, field: string): string {
  const group = fieldGroups[collection];
  const key = group ? `${group}.fields.${field}` : null;
  if (key && exists(key)) {
    const label = t(key as TranslationKey);
    if (typeof label === 'string') return label;
  }
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** How a conflicting value reads: text as it is, dates in the language, lists joined, anything else as compact JSON. */
export type ValueView = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'list'; items: string[] } | { kind: 'json'; text: string };

export function valueView(t: TFunction, value: unknown, lang: string): ValueView {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? t('team.conflicts.yes') : t('team.conflicts.no') };
  if (typeof value === 'number') return { kind: 'text', text: new Intl.NumberFormat(locale(lang)).format(value) };
  if (typeof value === 'string') {
    if (DATE.test(value)) return { kind: 'text', text: formatDate(value, lang) };
    if (TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))) return { kind: 'text', text: formatDateTime(value, lang) };
    return { kind: 'text', text: value };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'empty' };
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return { kind: 'list', items: value.map((v) => (typeof v === 'string' ? (DATE.test(v) ? formatDate(v, lang) : v) : String(v))) };
    }
  }
  return { kind: 'json', text: JSON.stringify(value) };
}

/**
 * Team sync in words (renderer/src/lib/team.ts): the one status line the sidebar and Settings →
 * Team show for each state, in English and German; which states are announced; and a conflicting
 * value as a person reads it (dates in the language, lists as items, objects as compact JSON).
 */
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../shared/i18n';
import type { TeamStatus } from '../../shared/features/team/schema';
import { fieldLabel, settledState, syncLine, valueView } from '../../renderer/src/lib/team';

function tOf(lng: 'en' | 'de'): TFunction {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { [lng]: { translation: catalogues[lng] } }, lng, initAsync: false, interpolation: { escapeValue: false } });
  return i18n.t;
}
const en = tOf('en');
const de = tOf('de');

const NOW = Date.parse('2026-12-07T10:30:00Z');
const base: TeamStatus = {
  state: 'synced', url: 'https://couch.example.org', database: 'bureau', user: 'anna', share: ['cases'], passwordKept: 'device', pending: 0, progress: null,
  lastSyncedAt: null, offlineSince: null, error: null, conflicts: 0, held: 0, applied: 0,
};
const line = (t: TFunction, s: Partial<TeamStatus>, lang = 'en') => syncLine(t, { ...base, ...s }, NOW, lang);

describe('the status line', () => {
  it('says where sync stands, in English', () => {
    expect(line(en, { lastSyncedAt: '2026-12-07T10:29:40Z' })).toBe('Synced · just now');
    expect(line(en, { lastSyncedAt: '2026-12-07T10:28:00Z' })).toBe('Synced · 2 min ago');
    expect(line(en, { lastSyncedAt: '2026-12-07T07:00:00Z' })).toBe('Synced · 3 hr ago');
    expect(line(en, { state: 'syncing', pending: 12 })).toBe('Syncing 12 changes');
    expect(line(en, { state: 'syncing', pending: 1 })).toBe('Syncing 1 change');
    expect(line(en, { state: 'syncing', progress: { done: 120, total: 500 } })).toBe('Syncing 120 of 500');
    expect(line(en, { state: 'offline', offlineSince: new Date(NOW - 28 * 60_000).toISOString() })).toMatch(/^Offline since \d{2}:\d{2}$/);
    expect(line(en, { state: 'offline', offlineSince: '2026-12-01T09:00:00Z' })).toMatch(/^Offline since 1 Dec 2026, /);
    expect(line(en, { state: 'error', error: { key: 'unauthorized', detail: '' } })).toBe('Error: The server refused the user name or password.');
    expect(line(en, { state: 'error', error: { key: 'server', detail: 'disk full' } })).toBe('Error: The server answered with an error: disk full');
    // The engine's keys may come whole ("team.problems.server") or as the last part.
    expect(line(en, { state: 'error', error: { key: 'team.problems.server', detail: 'disk full' } })).toBe('Error: The server answered with an error: disk full');
    expect(line(en, { state: 'needsPassword' })).toBe('Password needed');
    expect(line(en, { state: 'connecting' })).toBe('Connecting…');
  });

  it('and in German', () => {
    expect(line(de, { lastSyncedAt: '2026-12-07T10:28:00Z' }, 'de')).toBe('Synchronisiert · vor 2 Min.');
    expect(line(de, { state: 'syncing', pending: 12 }, 'de')).toBe('Synchronisiere 12 Änderungen');
    expect(line(de, { state: 'needsPassword' }, 'de')).toBe('Passwort nötig');
    expect(line(de, { state: 'error', error: { key: 'unreachable', detail: '' } }, 'de')).toBe('Fehler: Der Server ist nicht erreichbar. Prüfen Sie die Adresse und das Netzwerk.');
  });

  it('announces settled states only', () => {
    expect(settledState({ ...base, state: 'syncing' })).toBeNull();
    expect(settledState({ ...base, state: 'connecting' })).toBeNull();
    expect(settledState({ ...base, state: 'offline' })).toBe('offline');
    expect(settledState({ ...base, state: 'error', error: { key: 'unauthorized', detail: '' } })).toBe('error:unauthorized');
  });
});

describe('a conflicting value', () => {
  it('reads as text, a date, a list or compact JSON', () => {
    expect(valueView(en, 'Solar skills', 'en')).toEqual({ kind: 'text', text: 'Solar skills' });
    expect(valueView(en, '', 'en')).toEqual({ kind: 'empty' });
    expect(valueView(en, null, 'en')).toEqual({ kind: 'empty' });
    expect(valueView(en, [], 'en')).toEqual({ kind: 'empty' });
    expect(valueView(en, '2026-12-05', 'en')).toEqual({ kind: 'text', text: '5 Dec 2026' });
    expect(valueView(de, '2026-12-05', 'de')).toEqual({ kind: 'text', text: '05.12.2026' });
    expect(valueView(en, true, 'en')).toEqual({ kind: 'text', text: 'Yes' });
    expect(valueView(en, ['energy', 'skills'], 'en')).toEqual({ kind: 'list', items: ['energy', 'skills'] });
    expect(valueView(en, [{ on: '2026-01-02', status: 'intake' }], 'en')).toEqual({ kind: 'json', text: '[{"on":"2026-01-02","status":"intake"}]' });
  });

  it('names its field as the record’s screen does', () => {
    const exists = (key: string) => key === 'cases.fields.title';
    expect(fieldLabel(en, exists, 'cases', 'title')).toBe('Title');
    expect(fieldLabel(en, () => false, 'cases', 'dueOn')).toBe('Due on');
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/backend/store/store';
import { translator } from '../../shared/i18n';
import { buildTrip } from '../fixtures/trip';
import { openTestBackend, rejection } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:00:00Z');

describe('trip time zones', () => {
  it('refuses to remove a time zone that agenda items still use, and leaves the database unchanged', async () => {
    const b = await openTestBackend({ now: clock });
    const { trip } = await buildTrip(b, 2, 4);
    const base = { tripId: trip.id, kind: 'meeting' as const, date: '2027-01-14' };
    await b.call('agenda.create', { ...base, title: 'University, Accra', start: '09:00', end: '10:00', timeZone: 'Africa/Accra' });
    await b.call('agenda.create', { ...base, title: 'Embassy, Accra', start: '11:00', end: '12:00', timeZone: 'Africa/Accra' });
    const file = join(b.dataDir, DATABASE_FILE);
    const fileBefore = await readFile(file);

    const err = await rejection(b.call('trips.update', { id: trip.id, revision: trip.revision, changes: { title: 'Nairobi only', timeZones: ['Africa/Nairobi'] } }));
    expect(err.code).toBe('VALIDATION');
    expect(err.fields?.timeZones).toEqual({ key: 'trips.errors.timeZoneInUse', params: { zones: 'Africa/Accra' } });
    for (const lang of ['en', 'de'] as const) {
      const message = translator(lang)(err.fields!.timeZones!.key, err.fields!.timeZones!.params);
      expect(message, lang).not.toBe(err.fields!.timeZones!.key);
      expect(message, lang).toContain('Africa/Accra');
    }
    expect(await readFile(file)).toEqual(fileBefore);
    expect(await b.call('trips.get', { id: trip.id })).toEqual(trip);

    // Adding a zone, or removing one no item uses, is fine.
    const wider = await b.call('trips.update', { id: trip.id, revision: trip.revision, changes: { timeZones: ['Africa/Nairobi', 'Africa/Accra', 'Europe/Berlin'] } });
    const narrower = await b.call('trips.update', { id: trip.id, revision: wider.revision, changes: { timeZones: ['Africa/Accra', 'Africa/Nairobi'] } });
    expect(narrower.timeZones).toEqual(['Africa/Accra', 'Africa/Nairobi']);
    // Edits that leave the zones alone are not affected.
    expect((await b.call('trips.update', { id: trip.id, revision: narrower.revision, changes: { title: 'Renamed' } })).title).toBe('Renamed');
  });
});

import { describe, expect, it } from 'vitest';
import { countryMap } from '../../shared/features/countries/map';
import { worldTopology } from '../../electron/backend/services/countries/world-map';
import { openTestBackend, rejection } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:00:00Z');

describe('countries: the map the screen draws, and the trips there', () => {
  it('the screen map is the briefing book map at screen precision: same countries, the destination highlighted, SVG path data', async () => {
    const b = await openTestBackend({ now: clock });
    const map = (await b.call('countries.map', { code: 'GH' }))!;
    expect(map.width).toBeGreaterThan(map.height);
    const target = map.paths.filter((p) => p.highlighted);
    expect(target.map((p) => p.id)).toEqual(['288']); // Ghana, ISO 3166 numeric
    // Neighbours for context: Côte d'Ivoire, Burkina Faso, Togo.
    for (const id of ['384', '854', '768']) expect(map.paths.map((p) => p.id)).toContain(id);
    for (const p of map.paths) expect(p.d).toMatch(/^M[-\d.]+,[-\d.]+(?:[LZM][-\d.,]*)+$/);
    // One decimal for the screen (fewer bytes over IPC), three for print; the same outlines.
    expect(target[0]!.d).not.toMatch(/\.\d{2}/);
    const print = countryMap(worldTopology(), 'GH', map.width, map.height)!;
    expect(print.paths.map((p) => p.id).sort()).toEqual(map.paths.map((p) => p.id).sort());
    expect(JSON.stringify(map).length).toBeLessThan(JSON.stringify(print).length);
  });

  it('countries across the antimeridian are framed whole: Russia, the United States with the Aleutians, Fiji', () => {
    for (const code of ['RU', 'US', 'FJ', 'GH']) {
      const map = countryMap(worldTopology(), code, 480, 320)!;
      const target = map.paths.find((p) => p.highlighted)!;
      const numbers = [...target.d.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
      const xs = numbers.filter((_, i) => i % 2 === 0);
      const ys = numbers.filter((_, i) => i % 2 === 1);
      // Inside the frame, and spread over a good part of it (not two slivers at the edges).
      expect(Math.min(...xs), code).toBeGreaterThanOrEqual(-1);
      expect(Math.max(...xs), code).toBeLessThanOrEqual(481);
      expect(Math.min(...ys), code).toBeGreaterThanOrEqual(-1);
      expect(Math.max(...ys), code).toBeLessThanOrEqual(321);
      const spread = Math.max((Math.max(...xs) - Math.min(...xs)) / 480, (Math.max(...ys) - Math.min(...ys)) / 320);
      expect(spread, code).toBeGreaterThan(0.4);
    }
  });

  it('a code without shapes has no map; a malformed code is refused', async () => {
    const b = await openTestBackend({ now: clock });
    // Bouvet Island is a country code, but too small for the 1:50m shapes.
    expect(await b.call('countries.map', { code: 'BV' })).toBeNull();
    expect((await rejection(b.call('countries.map', { code: 'ghana' as never }))).code).toBe('VALIDATION');
  });

  it('a country lists the delegation trips that go there, latest first', async () => {
    const b = await openTestBackend({ sample: true, now: clock });
    const kenya = await b.call('countries.detail', { code: 'KE' });
    expect(kenya.trips.length).toBeGreaterThanOrEqual(1);
    expect(kenya.trips.map((t) => t.title)).toContain('Director-General’s delegation to Nairobi and Accra');
    const starts = kenya.trips.map((t) => t.startDate);
    expect(starts).toEqual([...starts].sort().reverse());
    expect((await b.call('countries.detail', { code: 'VN' })).trips).toEqual([]);
  });
});

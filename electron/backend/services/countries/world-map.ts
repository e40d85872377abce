import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { countryMap, worldMap, type CountryMap, type WorldMap } from '../../../../shared/features/countries/map';

let topology: Topology | null = null;
/** Natural Earth 1:50m country shapes from the world-atlas package, read once, offline. */
export function worldTopology(): Topology {
  if (!topology) topology = createRequire(import.meta.url)('world-atlas/countries-50m.json') as Topology;
  return topology;
}

const SCREEN = { width: 480, height: 320, digits: 1 } as const;
const cache = new Map<string, CountryMap | null>();

/** The map the country screen shows: one decimal is plenty at screen size, and each is made once. */
export function screenMap(code: string): CountryMap | null {
  if (!cache.has(code)) cache.set(code, countryMap(worldTopology(), code, SCREEN.width, SCREEN.height, SCREEN.digits));
  return cache.get(code)!;
}

let world: WorldMap | null = null;
/** The dashboard's world map, at screen precision from the 1:110m shapes (a choropleth needs no more), made once. */
export function screenWorldMap(): WorldMap {
  if (!world) world = worldMap(createRequire(import.meta.url)('world-atlas/countries-110m.json') as Topology, 960, 500, 1);
  return world;
}

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

/** Print maps kept: a book or dossier prints a few countries, and a user exports the same trips again and again. */
const PRINT_MAPS = 32;
const printCache = new Map<string, CountryMap | null>();
let printProjections = 0;

/**
 * A country's map for print (full precision), projected once and kept in a small LRU keyed on all that
 * determines it: the country highlighted and the box. Projecting a country and its neighbours from the
 * 1:50m shapes costs some 100 ms, which an export would otherwise pay for each country every time.
 * The map is shared: callers read it and never change it.
 */
export function printMap(code: string, width: number, height: number): CountryMap | null {
  const key = `${code}:${width}x${height}`;
  if (printCache.has(key)) {
    const map = printCache.get(key)!;
    // Most recently used last, so the oldest goes first.
    printCache.delete(key);
    printCache.set(key, map);
    return map;
  }
  const map = countryMap(worldTopology(), code, width, height);
  printProjections++;
  printCache.set(key, map);
  if (printCache.size > PRINT_MAPS) printCache.delete(printCache.keys().next().value!);
  return map;
}

/** How many print maps were projected in this process (tests check that a repeated export projects none). */
export const printMapProjections = () => printProjections;

let world: WorldMap | null = null;
/** The dashboard's world map, at screen precision from the 1:110m shapes (a choropleth needs no more), made once. */
export function screenWorldMap(): WorldMap {
  if (!world) world = worldMap(createRequire(import.meta.url)('world-atlas/countries-110m.json') as Topology, 960, 500, 1);
  return world;
}

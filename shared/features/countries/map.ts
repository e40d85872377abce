import { geoCentroid, geoEquirectangular, geoMercator, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'i18n-iso-countries';
import type { CountryMap, MapPath, WorldMap, WorldPath } from './map-schema';

export type { CountryMap, MapPath, WorldMap, WorldPath };

type CountryFeature = Feature<Geometry, { name: string }> & { id?: string | number };

const featureCache = new WeakMap<object, CountryFeature[]>();

function countryFeatures(topology: Topology): CountryFeature[] {
  let out = featureCache.get(topology);
  if (!out) {
    const collection = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>) as FeatureCollection<Geometry, { name: string }>;
    out = collection.features as CountryFeature[];
    featureCache.set(topology, out);
  }
  return out;
}

/**
 * A map of one country with its neighbourhood, from offline world data (world-atlas, Natural
 * Earth): the country highlighted, everything else in the frame drawn around it. Paths are SVG
 * path data in a width × height box, for the PDF (as vector paths) and the UI (as SVG) alike;
 * `digits` is the precision of the coordinates.
 */
export function countryMap(topology: Topology, alpha2: string, width: number, height: number, digits = 3): CountryMap | null {
  const numeric = countries.alpha2ToNumeric(alpha2);
  const all = countryFeatures(topology);
  const target = all.find((f) => String(f.id) === numeric);
  if (!target) return null;
  // Frame the country with a margin of a third of its extent, so neighbours give context. The extent
  // is measured around the country's centroid, in degrees: geoBounds gets countries on the
  // antimeridian wrong (Fiji comes back as the whole globe, Russia with east < west).
  const [cx] = geoCentroid(target);
  const degrees = geoPath(geoEquirectangular().rotate([-cx, 0]).scale(180 / Math.PI).translate([0, 0]));
  const [[ex0, ey0], [ex1, ey1]] = degrees.bounds(target);
  const [x0, x1, y0, y1] = [cx + ex0, cx + ex1, -ey1, -ey0];
  const spanX = Math.max(x1 - x0, 4);
  const spanY = Math.max(y1 - y0, 3);
  const frame: Feature = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [x0 - spanX / 3, Math.max(-85, y0 - spanY / 3)],
        [x1 + spanX / 3, Math.min(85, y1 + spanY / 3)],
      ],
    },
  };
  const projection = geoMercator()
    .rotate([-(x0 + x1) / 2, 0])
    .fitExtent(
      [
        [0, 0],
        [width, height],
      ],
      frame,
    );
  // Fewer digits for the screen: a tenth of a pixel is invisible and the paths travel over IPC.
  const path = geoPath(projection).digits(digits);
  // Neighbours are the countries whose projected outline reaches into the frame.
  const pad = Math.max(width, height) / 10;
  const near = all.filter((f) => {
    if (f === target) return false;
    const [[a0, b0], [a1, b1]] = path.bounds(f);
    return a1 >= -pad && a0 <= width + pad && b1 >= -pad && b0 <= height + pad;
  });
  const paths: MapPath[] = [];
  for (const f of near) {
    const d = path(f);
    if (d) paths.push({ id: String(f.id), d, highlighted: false });
  }
  const d = path(target);
  if (d) paths.push({ id: String(target.id), d, highlighted: true });
  return { width, height, paths };
}

/**
 * The whole world in one frame (Natural Earth projection, Antarctica left out), one path per
 * country with its ISO alpha-2 code where it has one: the dashboard's choropleth.
 */
export function worldMap(topology: Topology, width: number, height: number, digits = 1): WorldMap {
  const all = countryFeatures(topology).filter((f) => String(f.id) !== '010');
  const projection = geoNaturalEarth1().fitExtent(
    [
      [2, 2],
      [width - 2, height - 2],
    ],
    { type: 'FeatureCollection', features: all } as FeatureCollection,
  );
  const path = geoPath(projection).digits(digits);
  const paths: WorldPath[] = [];
  for (const f of all) {
    const d = path(f);
    if (!d) continue;
    const numeric = f.id === undefined ? '' : String(f.id);
    paths.push({ id: numeric, code: (numeric && countries.numericToAlpha2(numeric)) || null, name: f.properties?.name ?? '', d });
  }
  return { width, height, paths };
}

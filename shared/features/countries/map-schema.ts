import { z } from 'zod';

export const MapPath = z.object({
  /** ISO numeric code of the country the path outlines. */
  id: z.string(),
  /** SVG path data in the map's width × height box. */
  d: z.string(),
  highlighted: z.boolean(),
});
export type MapPath = z.infer<typeof MapPath>;

/** A country with its neighbourhood as vector paths, drawn alike in the PDF and as SVG in the UI. */
export const CountryMap = z.object({ width: z.number().positive(), height: z.number().positive(), paths: z.array(MapPath) });
export type CountryMap = z.infer<typeof CountryMap>;

/** One country of the world map: ISO numeric id, alpha-2 code (null for areas without one), Natural Earth's name. */
export const WorldPath = z.object({ id: z.string(), code: z.string().nullable(), name: z.string(), d: z.string() });
export type WorldPath = z.infer<typeof WorldPath>;

/** The whole world as SVG paths in a width × height box: the dashboard colours it by activity. */
export const WorldMap = z.object({ width: z.number().positive(), height: z.number().positive(), paths: z.array(WorldPath) });
export type WorldMap = z.infer<typeof WorldMap>;

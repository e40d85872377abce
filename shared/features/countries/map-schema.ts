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

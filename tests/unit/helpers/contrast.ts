/**
 * WCAG contrast without a browser: the theme's colours as Mantine writes them to CSS variables, per
 * colour scheme, and the contrast ratio of a text colour on a background (WCAG 2 relative luminance).
 * The theme test uses it so a palette regression fails in milliseconds, before any e2e axe run.
 */
import { DEFAULT_THEME, defaultCssVariablesResolver, mergeMantineTheme, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';

export type Scheme = 'light' | 'dark';
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Parses #rgb, #rrggbb, #rrggbbaa, rgb() and rgba(); anything else (a var(), color-mix()) throws. */
export function parseColor(value: string): Rgba {
  const v = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(v);
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? n(6) / 255 : 1 };
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(v);
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : parseFloat(rgb[4]);
    return { r: +rgb[1]!, g: +rgb[2]!, b: +rgb[3]!, a: alpha };
  }
  throw new Error(`not a plain colour: ${value}`);
}

/** A translucent colour laid over an opaque one, as the screen shows it. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

function luminance({ r, g, b }: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of a text colour on a background; translucent colours are composited first. */
export function contrastRatio(text: string, background: string, page = '#ffffff'): number {
  const base = parseColor(page);
  const bg = over(parseColor(background), base);
  const fg = over(parseColor(text), bg);
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The CSS variables Mantine writes for a theme in one scheme (its defaults, then the app's resolver
 * on top), with a lookup that follows var() references down to a plain colour.
 */
export function themeVariables(override: MantineThemeOverride, resolver: CSSVariablesResolver, scheme: Scheme) {
  const theme = mergeMantineTheme(DEFAULT_THEME, override);
  const base = defaultCssVariablesResolver(theme);
  const ours = resolver(theme);
  const vars: Record<string, string> = { ...base.variables, ...base[scheme], ...ours.variables, ...ours[scheme] };
  const resolve = (value: string, seen: string[] = []): string => {
    const ref = /^var\((--[\w-]+)\)$/.exec(value.trim());
    if (!ref) return value;
    const name = ref[1]!;
    if (seen.includes(name)) throw new Error(`circular ${[...seen, name].join(' → ')}`);
    const next = vars[name];
    if (next === undefined) throw new Error(`${name} is not defined in the ${scheme} scheme`);
    return resolve(next, [...seen, name]);
  };
  return { theme, color: (name: string) => resolve(`var(${name})`) };
}

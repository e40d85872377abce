/**
 * The theme's key text/background pairs meet WCAG AA in the light and the dark scheme, computed from
 * the CSS variables Mantine derives from renderer/src/app/theme.ts — a fast guard for the palette; the
 * e2e axe checks then judge every screen in both schemes in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { cssVariablesResolver, theme } from '../../renderer/src/app/theme';
import { contrastRatio, themeVariables, type Scheme } from './helpers/contrast';

const TEXT = 4.5; // WCAG 1.4.3, small text
const NON_TEXT = 3; // WCAG 1.4.11: focus ring, active tab, ticked box against the page

/** The surfaces text sits on: the page, fields and menus, the sidebar, a selected list row. */
const surfaces: Record<Scheme, string[]> = {
  light: ['--mantine-color-body', '--mantine-color-default', '--mantine-color-gray-0', '--mantine-color-blue-0'],
  dark: ['--mantine-color-body', '--mantine-color-default', '--mantine-color-dark-8', '--mantine-color-dark-5'],
};

/** Colours the screens use with text: filled buttons and badges (white text), light badges and alerts. */
const filled = ['blue', 'red'];
const light = ['blue', 'red', 'gray', 'grape', 'indigo'];

function pairs(scheme: Scheme): { name: string; text: string; background: string; min: number }[] {
  const { color } = themeVariables(theme, cssVariablesResolver, scheme);
  const out: { name: string; text: string; background: string; min: number }[] = [];
  for (const surface of surfaces[scheme]) {
    for (const fg of ['--mantine-color-text', '--mantine-color-dimmed', '--mantine-color-anchor', '--mantine-color-blue-text', '--mantine-color-red-text', '--mantine-color-error']) {
      out.push({ name: `${fg} on ${surface}`, text: color(fg), background: color(surface), min: TEXT });
    }
  }
  const body = color('--mantine-color-body');
  out.push({ name: 'placeholder on a field', text: color('--mantine-color-placeholder'), background: color('--mantine-color-default'), min: TEXT });
  out.push({ name: 'primary contrast on primary filled', text: color('--mantine-primary-color-contrast'), background: color('--mantine-primary-color-filled'), min: TEXT });
  for (const c of filled) {
    out.push({ name: `white on ${c} filled`, text: color('--mantine-color-white'), background: color(`--mantine-color-${c}-filled`), min: TEXT });
    out.push({ name: `white on ${c} filled, hovered`, text: color('--mantine-color-white'), background: color(`--mantine-color-${c}-filled-hover`), min: TEXT });
  }
  for (const c of light) out.push({ name: `${c} light badge`, text: color(`--mantine-color-${c}-light-color`), background: color(`--mantine-color-${c}-light`), min: TEXT });
  out.push({ name: 'blue outline badge', text: color('--mantine-color-blue-outline'), background: body, min: TEXT });
  out.push({ name: 'focus ring and active tab (primary filled) on the page', text: color('--mantine-primary-color-filled'), background: body, min: NON_TEXT });
  return out;
}

describe.each(['light', 'dark'] as const)('the %s scheme', (scheme) => {
  it('meets WCAG AA for every key text and focus colour', () => {
    const { color } = themeVariables(theme, cssVariablesResolver, scheme);
    const body = color('--mantine-color-body');
    const failures = pairs(scheme)
      .map((p) => ({ ...p, ratio: contrastRatio(p.text, p.background, body) }))
      .filter((p) => p.ratio < p.min)
      .map((p) => `${p.name}: ${p.text} on ${p.background} is ${p.ratio.toFixed(2)}:1, needs ${p.min}:1`);
    expect(failures).toEqual([]);
  });
});

describe('the contrast helper', () => {
  it('computes WCAG ratios, compositing translucent colours over the page', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', 'rgba(0, 0, 0, 0.5)', '#ffffff')).toBeCloseTo(contrastRatio('#ffffff', '#808080'), 1);
  });

  it('follows var() references to the colour Mantine writes', () => {
    const dark = themeVariables(theme, cssVariablesResolver, 'dark');
    expect(dark.color('--mantine-color-body')).toBe(dark.theme.colors.dark[7]);
    const light = themeVariables(theme, cssVariablesResolver, 'light');
    expect(light.color('--mantine-primary-color-filled')).toBe(light.theme.colors.blue[8]);
  });
});

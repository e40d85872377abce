import { createTheme, MultiSelect, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  colors: {
    blue: ['#eaf2fa', '#d3e2f1', '#a6c4e3', '#76a4d4', '#4e89c7', '#3577bf', '#286dbb', '#1f5ca4', '#1f4e79', '#103f70'],
  },
  primaryShade: { light: 8, dark: 4 },
  components: {
    // Tabbing through a row of filters or a form must not unfold every list on the way: a searchable
    // multi-select opens when typed into, clicked, or on Arrow Down.
    MultiSelect: MultiSelect.extend({ defaultProps: { openOnFocus: false } }),
  },
});

/** Mantine's default "dimmed" grey and error red are below WCAG AA contrast for small text; ours are not. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#565e66',
    '--mantine-color-placeholder': '#6b737b',
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-red-text': '#c92a2a',
  },
  dark: {
    '--mantine-color-dimmed': '#a6adb4',
    '--mantine-color-placeholder': '#959ca3',
    '--mantine-color-error': '#ff8787',
    '--mantine-color-red-text': '#ff8787',
  },
});

import { Badge, type MantineColor } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../shared/features/cases/schema';

/**
 * Light badges: Mantine draws the text in shade 9 on shade 1 (light theme) and shade 0 on shade 9
 * darkened by half (dark theme). The badge text is small (10 px), so it needs 4.5:1 (WCAG AA).
 * Contrast of text on badge background, computed from the palette (light | dark):
 *   intake (gray)           #212529 on #f1f3f5 13.9:1  | #f8f9fa on #111315 17.7:1
 *   analysis (indigo)       #364fc7 on #dbe4ff  5.3:1  | #edf2ff on #1b2864 12.2:1
 *   advising (blue, ours)   #103f70 on #d3e2f1  8.1:1  | #eaf2fa on #082038 14.6:1
 *   implementation (teal)   #087f5b on #c3fae8  4.3:1 → #076b4d  5.6:1  | #e6fcf5 on #04402e 11.0:1
 *   onHold (yellow)         #e67700 on #fff3bf  2.7:1 → #855000  6.0:1  | #fff9db on #733c00  8.4:1
 *   closed (dark)           #141414 on #b8b8b8  9.3:1  | #c9c9c9 on #0a0a0a 12.0:1
 * So teal and yellow get a darker text colour in the light theme; the dark theme keeps Mantine's.
 */
const badges: Record<CaseStatus, { color: MantineColor; lightText?: string }> = {
  intake: { color: 'gray' },
  analysis: { color: 'indigo' },
  advising: { color: 'blue' },
  implementation: { color: 'teal', lightText: '#076b4d' },
  onHold: { color: 'yellow', lightText: '#855000' },
  closed: { color: 'dark' },
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  const { color, lightText } = badges[status];
  // Never squeezed into an ellipsis by a long neighbour (a case title in a row).
  const style = { flexShrink: 0, ...(lightText ? { '--badge-color': `light-dark(${lightText}, var(--mantine-color-${color}-light-color))` } : {}) } as CSSProperties;
  return (
    <Badge color={color} variant="light" radius="sm" size="sm" style={style}>
      {t(`cases.status.${status}`)}
    </Badge>
  );
}

/** The same light badge for a plain good/bad/warning/neutral word ("Valid", "Encrypted", "Not restorable", "In 5 days"), with text dark enough in the light theme. */
const tones = {
  good: { color: 'teal', lightText: '#076b4d' },
  bad: { color: 'red', lightText: '#a51111' },
  warn: { color: 'orange', lightText: '#8a3c00' },
  neutral: { color: 'gray', lightText: '#373a40' },
} as const;

export function ToneBadge({ tone, children }: { tone: keyof typeof tones; children: ReactNode }) {
  const { color, lightText } = tones[tone];
  // Never cut to an ellipsis by a narrow table column ("VERSCHLÜ…").
  const style = { flexShrink: 0, minWidth: 'max-content', '--badge-color': `light-dark(${lightText}, var(--mantine-color-${color}-light-color))` } as CSSProperties;
  return (
    <Badge color={color} variant="light" radius="sm" size="sm" style={style}>
      {children}
    </Badge>
  );
}

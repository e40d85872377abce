/**
 * The classification marking as a small badge, the same on trips, cases and strategy notes (lists
 * and record pages), in the briefing book's words (`book.classification.*`).
 */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Classification } from '../../../shared/schemas/classification';
import './classification.css';

const classificationColors: Record<Classification, string> = { public: 'green', internal: 'orange', confidential: 'red' };

/** The text colour of a level's marking, readable in both colour schemes. */
export const classificationText = (level: Classification) => `var(--classification-${level})`;

export function ClassificationBadge({ level, size = 'sm' }: { level: Classification; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    // The text takes a darker (light scheme) or lighter (dark scheme) shade than Mantine's outline
    // badge, which is below AA contrast for yellow and orange.
    <Badge color={classificationColors[level]} c={classificationText(level)} variant="outline" radius="sm" size={size} tt="none">
      {t(`book.classification.${level}`)}
    </Badge>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Draft or final: a final note is the one that may go into a briefing book. (Only light variants of
 * these colours keep small badge text above 4.5:1 contrast in both colour schemes.)
 */
export function NoteStatusBadge({ status }: { status: 'draft' | 'final' }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'final' ? 'blue' : 'gray'} variant="light" radius="sm" size="sm">
      {t(`notes.statuses.${status}`)}
    </Badge>
  );
}

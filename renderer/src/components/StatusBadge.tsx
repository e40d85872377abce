import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../shared/schemas/case';

const colors: Record<CaseStatus, string> = {
  intake: 'gray',
  analysis: 'indigo',
  advising: 'blue',
  implementation: 'teal',
  onHold: 'yellow',
  closed: 'dark',
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" radius="sm" size="sm">
      {t(`cases.status.${status}`)}
    </Badge>
  );
}

import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BookExportState } from './useBookExport';

/** The running export's progress as a labelled bar; a status region, so screen readers hear it start. */
export function ExportProgress({ state }: { state: BookExportState }) {
  const { t } = useTranslation();
  const percent = Math.round(state.progress * 100);
  return (
    <div className="export-progress" role="status">
      <Group justify="space-between" mb={4} wrap="nowrap" gap="xs">
        <Text size="sm" truncate>
          {t('trips.book.exporting')}
        </Text>
        <Text size="sm" fw={600} className="num">
          {percent} %
        </Text>
      </Group>
      <Progress value={percent} aria-label={t('trips.book.progress')} size="lg" animated={percent < 100} />
    </div>
  );
}

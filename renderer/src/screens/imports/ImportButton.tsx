/** "Import…" beside a list's tools: opens the import screen for that list's records. */
import { Button } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportTarget } from '../../../../shared/features/imports/schema';

export function ImportButton({ target }: { target: ImportTarget }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button variant="default" size="xs" leftSection={<IconFileImport size={14} />} onClick={() => navigate(`/import?target=${target}`)}>
      {t('imports.open')}
    </Button>
  );
}

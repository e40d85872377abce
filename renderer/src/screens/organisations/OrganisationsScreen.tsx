import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Placeholder until the screen is built. */
export function OrganisationsScreen() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <Text>{t('organisations.title')}</Text>
    </div>
  );
}

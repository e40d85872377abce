import { Alert, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';

/** In place of a record's pane: a spinner while it loads, or why it cannot be shown. */
export function RecordFallback({ query }: { query: { isPending: boolean; error: unknown } }) {
  const { t } = useTranslation();
  if (query.isPending) return <Loader aria-label={t('common.loading')} m="xl" />;
  return (
    <Alert color="red" m="md" role="alert">
      {describeError(t, query.error)}
    </Alert>
  );
}

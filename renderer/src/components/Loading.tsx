/**
 * What shows while a screen's or a pane's code loads (React.lazy under Suspense): a quiet spinner
 * announced once as "Loading…". Nothing in it takes focus, so focus that was lost waits for the
 * screen's heading (app/focus.ts) rather than landing here.
 */
import { Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="placeholder" role="status">
      <Loader size="sm" aria-hidden />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </div>
  );
}

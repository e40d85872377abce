import { Code, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notifyError } from '../../lib/notify';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/features/workspace/schema';
import { useApi } from '../../api/context';
import { screenHeading } from '../../app/focus';
import { describeError } from '../../lib/errors';
import { AdvisorNameSection } from './AdvisorNameSection';
import { ArchiveSection } from './ArchiveSection';
import { BackupsSection } from './BackupsSection';
import { SecuritySection } from './SecuritySection';
import { TeamSection } from './TeamSection';

export function SettingsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get({}) });
  const status = useQuery({ queryKey: ['workspace', 'status'], queryFn: () => api.workspace.status({}) });
  const update = useMutation({
    mutationFn: (changes: Partial<Settings>) => api.settings.update(changes),
    onSuccess: (next) => queryClient.setQueryData(['settings'], next),
    onError: (e) => notifyError(describeError(t, e)),
  });
  const s = settings.data;

  return (
    <div className="page settings-page">
      <Stack gap="lg" maw={760}>
        <Title order={1} size="h3" id="settings-title" {...screenHeading}>
          {t('settings.title')}
        </Title>
        <Stack gap={6}>
          <Text fw={600} size="sm" id="language-label">
            {t('settings.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="language-label"
            value={s?.language ?? 'system'}
            onChange={(v) => update.mutate({ language: v as Settings['language'] })}
            data={[
              { value: 'system', label: t('settings.languageSystem') },
              { value: 'de', label: 'Deutsch' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Stack>
        <Stack gap={6}>
          <Text fw={600} size="sm" id="theme-label">
            {t('settings.theme')}
          </Text>
          <SegmentedControl
            aria-labelledby="theme-label"
            value={s?.theme ?? 'system'}
            onChange={(v) => update.mutate({ theme: v as Settings['theme'] })}
            data={[
              { value: 'system', label: t('settings.themeSystem') },
              { value: 'light', label: t('settings.themeLight') },
              { value: 'dark', label: t('settings.themeDark') },
            ]}
          />
        </Stack>
        <AdvisorNameSection saved={s?.advisorName} />
        {status.data?.shell === 'electron' ? (
          // Only Electron can show a system notification (the web host has nobody to tell).
          <Switch
            label={t('settings.notifyDue')}
            description={t('settings.notifyDueHelp')}
            checked={s?.notifyDue ?? false}
            onChange={(e) => update.mutate({ notifyDue: e.currentTarget.checked })}
          />
        ) : null}
        <Stack gap={6}>
          <Title order={2} size="h5">
            {t('settings.workspace')}
          </Title>
          <Text size="sm">
            {t('settings.databaseFile')}: <Code>{status.data?.databasePath}</Code>
          </Text>
        </Stack>
        <TeamSection />
        <SecuritySection />
        <BackupsSection />
        <ArchiveSection />
      </Stack>
    </div>
  );
}

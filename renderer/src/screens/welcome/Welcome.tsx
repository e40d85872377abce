import { Button, Card, Checkbox, FileButton, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBooks, IconFile, IconFileImport } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceStatus } from '../../../../shared/features/workspace/schema';
import { useApi } from '../../api/context';
import { STATUS_KEY } from '../../app/lock';
import { emptyPassphrase, newPassphraseErrors, NewPassphraseFields, type NewPassphrase } from '../../components/form/NewPassphrase';
import { describeError } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';
import { ARCHIVE_EXTENSION } from '../../../../shared/features/archive/schema';
import { OpenArchiveDialog } from '../settings/OpenArchiveDialog';
import { RestoreMissing } from './RestoreMissing';

/**
 * First start: an empty workspace or the fictional sample, optionally protected with a passphrase,
 * or a workspace opened from an archive (protected with the archive's passphrase if it had one).
 * When the database is missing but backups lie beside it, restoring one is offered first.
 */
export function Welcome({ status }: { status: WorkspaceStatus }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [protect, setProtect] = useState(false);
  const [choice, setChoice] = useState<NewPassphrase>(emptyPassphrase);
  const [errors, setErrors] = useState<Partial<Record<keyof NewPassphrase, string>>>({});
  const [archive, setArchive] = useState<File | null>(null);
  const init = useMutation({
    mutationFn: (sample: boolean) => api.workspace.initialize(protect ? { sample, passphrase: choice.next } : { sample }),
    onSuccess: (next) => {
      queryClient.setQueryData(STATUS_KEY, next);
      void queryClient.invalidateQueries();
    },
  });
  const start = (sample: boolean) => {
    const found = protect ? newPassphraseErrors(t, choice) : {};
    setErrors(found);
    if (Object.keys(found).length === 0) init.mutate(sample);
  };
  const hasBackups = status.backups.length > 0;

  return (
    <main className="centered-page">
      <Stack gap="lg" maw={720} w="100%">
        <div>
          <Title order={1}>{t('welcome.title')}</Title>
          <Text c="dimmed" mt={4}>
            {t('welcome.intro')}
          </Text>
        </div>
        {hasBackups ? <RestoreMissing status={status} /> : null}
        {hasBackups ? (
          <Title order={2} size="h4">
            {t('welcome.startFresh')}
          </Title>
        ) : null}
        <Stack gap="sm">
          <Checkbox
            label={t('welcome.protect')}
            description={t('welcome.protectHint')}
            checked={protect}
            onChange={(e) => {
              setProtect(e.currentTarget.checked);
              setErrors({});
            }}
          />
          {protect ? (
            <div style={{ maxWidth: 420 }}>
              <NewPassphraseFields value={choice} onChange={setChoice} errors={errors} />
            </div>
          ) : null}
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Card withBorder padding="lg">
            <Group gap="xs" mb="xs">
              <IconFile size={20} aria-hidden />
              <Text fw={600}>{t('welcome.empty')}</Text>
            </Group>
            <Text size="sm" c="dimmed" mb="md">
              {t('welcome.emptyHint')}
            </Text>
            <Button onClick={() => start(false)} loading={init.isPending && init.variables === false} data-autofocus={!hasBackups || undefined}>
              {t('welcome.empty')}
            </Button>
          </Card>
          <Card withBorder padding="lg">
            <Group gap="xs" mb="xs">
              <IconBooks size={20} aria-hidden />
              <Text fw={600}>{t('welcome.sample')}</Text>
            </Group>
            <Text size="sm" c="dimmed" mb="md">
              {t('welcome.sampleHint')}
            </Text>
            <Button variant="light" onClick={() => start(true)} loading={init.isPending && init.variables === true}>
              {t('welcome.sample')}
            </Button>
          </Card>
        </SimpleGrid>
        <Card withBorder padding="lg">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <div>
              <Group gap="xs" mb={4}>
                <IconFileImport size={20} aria-hidden />
                <Text fw={600}>{t('archive.newTitle')}</Text>
              </Group>
              <Text size="sm" c="dimmed">
                {t('archive.newHint')}
              </Text>
            </div>
            <FileButton onChange={setArchive} accept={`${ARCHIVE_EXTENSION},application/zip`}>
              {(props) => (
                <Button {...props} variant="default" aria-haspopup="dialog">
                  {t('archive.open')}
                </Button>
              )}
            </FileButton>
          </Group>
        </Card>
        {archive ? <OpenArchiveDialog key={`${archive.name}:${archive.size}:${archive.lastModified}`} file={archive} mode="new" onClose={() => setArchive(null)} onChooseAnother={setArchive} onOpened={() => notifySuccess(t('archive.openedNew'))} /> : null}
        {init.isError ? (
          <Text c="red" role="alert">
            {describeError(t, init.error)}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('welcome.location', { path: status.dataDir })}
        </Text>
      </Stack>
    </main>
  );
}

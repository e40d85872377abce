import { Alert, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifySuccess } from '../../lib/notify';
import { useTranslation } from 'react-i18next';
import type { WorkspaceStatus } from '../../../../shared/features/workspace/schema';
import { useApi } from '../../api/context';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useLanguage } from '../../app/language';

/** A damaged database: say where and why, leave it untouched, offer the newest good backup. */
export function Recovery({ status }: { status: WorkspaceStatus }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const queryClient = useQueryClient();
  const good = status.backups.filter((b) => b.valid);
  const restore = useMutation({
    mutationFn: (file: string) => api.workspace.restoreBackup({ file }),
    onSuccess: (next) => {
      queryClient.setQueryData(['workspace', 'status'], next);
      void queryClient.invalidateQueries();
      notifySuccess(t('recovery.restored'));
    },
  });
  const kind = status.problem?.kind;

  return (
    <main className="centered-page">
      <Stack gap="md" maw={760} w="100%">
        <Title order={1}>{t('recovery.title')}</Title>
        <Alert color="red" icon={<IconAlertTriangle />} role="alert">
          <Stack gap={4}>
            <Text size="sm">{t('recovery.intro')}</Text>
            <Text size="sm">
              {t('recovery.path', { path: '' })}
              <Code>{status.databasePath}</Code>
            </Text>
            <Text size="sm">{t('recovery.reason', { reason: kind ? t(`recovery.kinds.${kind}`) : '' })}</Text>
            {status.problem?.detail ? <Code block>{status.problem.detail}</Code> : null}
          </Stack>
        </Alert>
        <Title order={2} size="h4">
          {t('recovery.backups')}
        </Title>
        {good.length === 0 ? (
          <Text>{t('recovery.noBackups')}</Text>
        ) : (
          <>
            <Group>
              <Button onClick={() => restore.mutate(good[0]!.file)} loading={restore.isPending} data-autofocus>
                {t('recovery.restoreNewest')}
              </Button>
            </Group>
            <Table striped withTableBorder>
              <Table.Tbody>
                {good.map((b) => (
                  <Table.Tr key={b.file}>
                    <Table.Td>{formatDateTime(b.createdAt, lang)}</Table.Td>
                    <Table.Td>{t(`settings.backupReason.${b.reason}`)}</Table.Td>
                    <Table.Td>
                      <Code>{b.file}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="light" onClick={() => restore.mutate(b.file)}>
                        {t('recovery.restore')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        {restore.isError ? (
          <Text c="red" role="alert">
            {describeError(t, restore.error)}
          </Text>
        ) : null}
      </Stack>
    </main>
  );
}

/**
 * Settings → Backups: every backup with its date, reason, size, protection and whether it can be
 * restored (the quick list first, then each one verified); Back up now; and Restore, confirmed first,
 * which backs up the current state so the restore itself can be undone.
 */
import { Button, Group, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/features/workspace/schema';
import { useApi } from '../../api/context';
import { ToneBadge } from '../../components/StatusBadge';
import { STATUS_KEY } from '../../app/lock';
import { useLanguage } from '../../app/language';
import { describeError } from '../../lib/errors';
import { formatDateTime, formatSize } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';

export function BackupsSection() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['workspace', 'backups', 'list'], queryFn: () => api.workspace.backups({ verify: false }) });
  // Verifying reads every backup; it follows the quick list so the table shows at once.
  const verified = useQuery({
    queryKey: ['workspace', 'backups', 'verified'],
    queryFn: () => api.workspace.backups({ verify: true }),
    enabled: list.isSuccess,
  });
  const validity = new Map((verified.isFetching ? [] : (verified.data ?? [])).map((b) => [b.file, b.valid === true]));
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);

  const backup = useMutation({
    mutationFn: () => api.workspace.backupNow({}),
    onSuccess: async (status) => {
      queryClient.setQueryData(STATUS_KEY, status);
      await queryClient.invalidateQueries({ queryKey: ['workspace', 'backups'] });
      notifySuccess(t('settings.backupDone'));
    },
    onError: (e) => notifyError(describeError(t, e)),
  });
  const restore = useMutation({
    mutationFn: (file: string) => api.workspace.restoreBackup({ file }),
    onSuccess: async (status) => {
      queryClient.setQueryData(STATUS_KEY, status);
      setConfirming(null);
      // Everything on every screen may have changed.
      await queryClient.invalidateQueries();
      notifySuccess(t('backups.restored'));
    },
    onError: (e) => notifyError(describeError(t, e)),
  });

  const size = (b: BackupInfo) => {
    const s = formatSize(b.size, lang);
    return t(`backups.${s.unit}`, { value: s.value });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="backups-title">
      <Group justify="space-between">
        <Title order={2} size="h5" id="backups-title">
          {t('backups.title')}
        </Title>
        <Button size="compact-sm" variant="light" onClick={() => backup.mutate()} loading={backup.isPending}>
          {t('settings.backupNow')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('backups.intro')}
      </Text>
      {list.data && list.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('settings.noBackups')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder aria-labelledby="backups-title" aria-busy={list.isPending || verified.isFetching || undefined}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backups.date')}</Table.Th>
                <Table.Th>{t('backups.reason')}</Table.Th>
                <Table.Th ta="right">{t('backups.size')}</Table.Th>
                <Table.Th>{t('backups.protection')}</Table.Th>
                <Table.Th>{t('backups.validity')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('backups.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data ?? []).map((b) => {
                const valid = validity.get(b.file);
                const date = formatDateTime(b.createdAt, lang);
                return (
                  <Table.Tr key={b.file} data-file={b.file}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{date}</Table.Td>
                    <Table.Td>{t(`settings.backupReason.${b.reason}`)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {size(b)}
                    </Table.Td>
                    <Table.Td>
                      {b.encrypted ? (
                        <ToneBadge tone="good">
                          {t('backups.encrypted')}
                        </ToneBadge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('backups.plain')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {valid === undefined ? (
                        <Text size="sm" c="dimmed">
                          {t('backups.checking')}
                        </Text>
                      ) : valid ? (
                        <ToneBadge tone="good">
                          {t('backups.valid')}
                        </ToneBadge>
                      ) : (
                        <ToneBadge tone="bad">
                          {t('backups.invalid')}
                        </ToneBadge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button size="compact-sm" variant="light" disabled={!valid} aria-label={t('backups.restoreLabel', { date })} onClick={() => setConfirming(b)}>
                        {t('backups.restore')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('backups.confirmTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {confirming ? (
          <Stack gap="md">
            <Text size="sm">{t('backups.confirmBody', { date: formatDateTime(confirming.createdAt, lang) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => restore.mutate(confirming.file)} loading={restore.isPending}>
                {t('backups.confirm')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}

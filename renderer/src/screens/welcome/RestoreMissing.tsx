/**
 * The database file is missing but backups lie beside it (the backend has verified each): offer the
 * good ones, newest first, before starting fresh. An encrypted backup asks for its passphrase, since
 * the workspace itself has no key to open it with (and it could not be verified without one).
 */
import { Alert, Button, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, WorkspaceStatus } from '../../../../shared/features/workspace/schema';
import { useApi } from '../../api/context';
import { ToneBadge } from '../../components/StatusBadge';
import { useLanguage } from '../../app/language';
import { STATUS_KEY } from '../../app/lock';
import { DialogFooter } from '../../components/form/DialogFooter';
import { PassphraseInput } from '../../components/form/PassphraseInput';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';

export function RestoreMissing({ status }: { status: WorkspaceStatus }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const queryClient = useQueryClient();
  // An encrypted backup cannot be checked without its passphrase; it is offered and checked when restored.
  const good = status.backups.filter((b) => b.valid || b.encrypted).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const [asking, setAsking] = useState<BackupInfo | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [passError, setPassError] = useState<string | null>(null);
  const restore = useMutation({
    mutationFn: (v: { file: string; passphrase?: string }) => api.workspace.restoreBackup(v),
    onSuccess: (next) => {
      setAsking(null);
      queryClient.setQueryData(STATUS_KEY, next);
      void queryClient.invalidateQueries();
      notifySuccess(t('welcome.restored'));
    },
    onError: (e) => {
      // Inside the passphrase dialog, its field says what went wrong (a wrong passphrase, a bad backup).
      if (asking) setPassError(describeError(t, e));
    },
  });
  const choose = (b: BackupInfo) => {
    if (!b.encrypted) return restore.mutate({ file: b.file });
    setPassphrase('');
    setPassError(null);
    restore.reset();
    setAsking(b);
  };
  const submitPassphrase = (e: FormEvent) => {
    e.preventDefault();
    if (!asking || !passphrase) return;
    restore.mutate({ file: asking.file, passphrase });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="restore-missing-title">
      <Title order={2} size="h4" id="restore-missing-title">
        {t('welcome.missingTitle')}
      </Title>
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
        <Text size="sm">{t('welcome.missingIntro')}</Text>
        <Text size="xs" mt={4} style={{ overflowWrap: 'anywhere' }}>
          {t('recovery.path', { path: status.databasePath })}
        </Text>
      </Alert>
      {good.length === 0 ? (
        <Text size="sm">{t('welcome.noValidBackups')}</Text>
      ) : (
        <Table striped withTableBorder aria-labelledby="restore-missing-title">
          <Table.Tbody>
            {good.map((b, i) => {
              const date = formatDateTime(b.createdAt, lang);
              return (
                <Table.Tr key={b.file}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{date}</Table.Td>
                  <Table.Td>{t(`settings.backupReason.${b.reason}`)}</Table.Td>
                  <Table.Td>
                    {b.encrypted ? (
                      <ToneBadge tone="good">
                        {t('backups.encrypted')}
                      </ToneBadge>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="compact-sm"
                      variant={i === 0 ? 'filled' : 'light'}
                      aria-label={t('welcome.restoreThis', { date })}
                      onClick={() => choose(b)}
                      loading={restore.isPending && restore.variables?.file === b.file && !asking}
                    >
                      {/* As in Settings → Backups: what it shows is in its name (WCAG 2.5.3). */}
                      {t('backups.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {restore.isError && !passError ? (
        <Text c="red" size="sm" role="alert">
          {describeError(t, restore.error)}
        </Text>
      ) : null}
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={t('welcome.restoreBackup')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form onSubmit={submitPassphrase} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('welcome.backupPassphraseIntro')}</Text>
            <PassphraseInput
              label={t('welcome.backupPassphrase')}
              value={passphrase}
              onChange={(e) => {
                setPassphrase(e.currentTarget.value);
                setPassError(null);
              }}
              error={passError}
              autoComplete="current-password"
              data-autofocus
            />
            <DialogFooter onCancel={() => setAsking(null)} saving={restore.isPending} submitLabel={t('welcome.restoreBackup')} />
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

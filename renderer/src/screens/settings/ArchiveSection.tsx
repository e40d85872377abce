/**
 * Settings → Archive: export the whole workspace as one `.attache` file (an encrypted workspace asks
 * for its passphrase, and the archive is encrypted with it; the export runs as a job with progress
 * and Cancel), and open an archive over the current workspace (OpenArchiveDialog: inspected first,
 * confirmed, backed up before).
 */
import { Button, FileButton, Group, Loader, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileImport } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_EXTENSION } from '../../../../shared/features/archive/schema';
import { useApi } from '../../api/context';
import { useReturnFocus } from '../../app/focus';
import { useAppLock } from '../../app/lock';
import { DialogFooter } from '../../components/form/DialogFooter';
import { describeError } from '../../lib/errors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { CancelExportButton } from '../exports/CancelExportButton';
import { useExportJob } from '../exports/useExportJob';
import { OpenArchiveDialog } from './OpenArchiveDialog';

function ExportPassphraseDialog({ onClose, onExport, pending, error }: { onClose: () => void; onExport: (passphrase: string) => void; pending: boolean; error: string | null }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  useReturnFocus();
  return (
    <Modal opened onClose={onClose} title={t('archive.exportTitle')} centered returnFocus={false} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (passphrase) onExport(passphrase);
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">{t('archive.exportEncryptedBody')}</Text>
          <PasswordInput label={t('archive.passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} error={error} autoComplete="current-password" data-autofocus />
          <DialogFooter onCancel={onClose} saving={pending} submitLabel={t('archive.export')} />
        </Stack>
      </form>
    </Modal>
  );
}

export function ArchiveSection() {
  const { t } = useTranslation();
  const api = useApi();
  const { encrypted } = useAppLock();
  const [asking, setAsking] = useState(false);
  const [file, setFile] = useState<File | null>(null);

  const job = useExportJob();
  const exportButton = useRef<HTMLButtonElement>(null);
  // Starting checks the passphrase (a wrong one stays in the dialog); the job then writes and delivers the file.
  const exportArchive = useMutation({
    mutationFn: (passphrase?: string) => api.archive.export(passphrase ? { passphrase } : {}),
    onSuccess: (started) => {
      setAsking(false);
      void job.run(async () => started, { downloaded: (fileName) => t('archive.exported', { fileName }), saved: (path) => t('archive.saved', { path }) });
    },
    onError: (e) => {
      if (!asking) notifyError(describeError(t, e));
    },
  });

  return (
    <Stack gap="sm" component="section" aria-labelledby="archive-title">
      <Title order={2} size="h5" id="archive-title">
        {t('archive.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('archive.intro')}
      </Text>
      <Group gap="sm">
        <Button
          ref={exportButton}
          size="compact-sm"
          variant="light"
          leftSection={job.state.running || (exportArchive.isPending && !asking) ? <Loader size={13} aria-hidden /> : <IconDownload size={15} aria-hidden />}
          aria-busy={job.state.running || (exportArchive.isPending && !asking)}
          onClick={() => {
            // Never disabled while starting or running: a disabled button drops focus to the page.
            if (job.state.running || exportArchive.isPending) return;
            exportArchive.reset();
            if (encrypted) setAsking(true);
            else exportArchive.mutate(undefined);
          }}
          aria-haspopup={encrypted ? 'dialog' : undefined}
        >
          {job.state.running ? t('archive.exporting', { percent: Math.round(job.state.progress * 100) }) : t('archive.export')}
        </Button>
        <CancelExportButton running={job.state.running} onCancel={job.cancel} returnFocusTo={exportButton} label={t('archive.cancelExport')} />
        <FileButton onChange={setFile} accept={`${ARCHIVE_EXTENSION},application/zip`}>
          {(props) => (
            <Button {...props} size="compact-sm" variant="light" leftSection={<IconFileImport size={15} aria-hidden />} aria-haspopup="dialog">
              {t('archive.open')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t('archive.openHint')}
      </Text>
      {asking ? (
        <ExportPassphraseDialog
          onClose={() => setAsking(false)}
          onExport={(p) => exportArchive.mutate(p)}
          pending={exportArchive.isPending}
          error={exportArchive.isError ? describeError(t, exportArchive.error) : null}
        />
      ) : null}
      {file ? <OpenArchiveDialog key={`${file.name}:${file.size}:${file.lastModified}`} file={file} mode="replace" onClose={() => setFile(null)} onChooseAnother={setFile} onOpened={(r) => notifySuccess(t(r.status.encrypted && !encrypted ? 'archive.openedProtected' : 'archive.opened'))} /> : null}
    </Stack>
  );
}

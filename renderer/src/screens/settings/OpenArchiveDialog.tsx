/**
 * Opening an archive (`.attache`), from Settings (over the current workspace) or at first start (as
 * the new workspace). The file goes to the backend in slices (`archive.upload`; the renderer never
 * holds more than one slice as text), is inspected (`archive.inspect`: date, counts, protection),
 * asks for the archive's passphrase when it is encrypted, says plainly what happens, and only then
 * opens it (`archive.open`). An encrypted archive over an unprotected workspace asks what becomes of
 * its protection: keep it (the workspace gets the archive's passphrase; preselected) or, explicitly,
 * open it unprotected, with what that means in words. Any refusal is shown in the dialog and changes
 * nothing; Cancel drops the staged file. Focus goes back to the button that chose the file.
 */
import { Alert, Button, FileButton, Group, Loader, Modal, PasswordInput, Progress, Radio, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveOpenResult } from '../../../../shared/features/archive/contract';
import { ARCHIVE_EXTENSION, base64Parts, MAX_ARCHIVE_BYTES, UPLOAD_SLICE_BYTES, type ArchiveProtection } from '../../../../shared/features/archive/schema';
import type { Api } from '../../../../shared/contract';
import { dataKeys } from '../../../../shared/i18n';
import { useApi } from '../../api/context';
import { useReturnFocus } from '../../app/focus';
import { useLanguage } from '../../app/language';
import { STATUS_KEY } from '../../app/lock';
import { ToneBadge } from '../../components/StatusBadge';
import { describeError } from '../../lib/errors';
import { formatDateTime, formatSize } from '../../lib/format';

/** Sends a file in slices; `progress` gets the fraction sent. Returns the upload id. */
async function uploadFile(api: Api, file: File, progress: (fraction: number) => void): Promise<string> {
  let uploadId: string | undefined;
  let offset = 0;
  do {
    const slice = new Uint8Array(await file.slice(offset, offset + UPLOAD_SLICE_BYTES).arrayBuffer());
    const r = await api.archive.upload({ ...(uploadId ? { uploadId } : {}), total: file.size, offset, parts: base64Parts(slice) });
    uploadId = r.uploadId;
    offset = r.received;
    progress(file.size ? offset / file.size : 1);
  } while (offset < file.size);
  return uploadId;
}

interface Props {
  file: File;
  mode: 'replace' | 'new';
  onClose: () => void;
  onOpened: (result: ArchiveOpenResult) => void;
  /** A refused file: offer to choose another one right here. */
  onChooseAnother?: (file: File) => void;
}

export function OpenArchiveDialog({ file, mode, onClose, onOpened, onChooseAnother }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useLanguage();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState(0);
  const [passphrase, setPassphrase] = useState('');
  const [passphraseError, setPassphraseError] = useState<string | null>(null);
  const [protection, setProtection] = useState<ArchiveProtection>('archive');
  useReturnFocus();

  const staged = useQuery({
    queryKey: ['archive', 'staged', file.name, file.size, file.lastModified],
    queryFn: async () => {
      if (file.size > MAX_ARCHIVE_BYTES) {
        // Refused by the backend at the first slice too; said here without sending anything.
        await api.archive.upload({ total: file.size, offset: 0, parts: [] });
      }
      const uploadId = await uploadFile(api, file, setSent);
      return { uploadId, summary: await api.archive.inspect({ uploadId }) };
    },
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const open = useMutation({
    mutationFn: () => api.archive.open({ uploadId: staged.data!.uploadId, mode, ...(passphrase ? { passphrase } : {}), ...(choose ? { protection } : {}) }),
    onSuccess: async (result) => {
      queryClient.setQueryData(STATUS_KEY, result.status);
      onClose();
      onOpened(result);
      await queryClient.invalidateQueries();
    },
    onError: (e) => {
      const wrong = (e as { code?: string }).code === 'WRONG_PASSPHRASE' || (e as { messageKey?: { key?: string } }).messageKey?.key === 'archive.errors.passphraseRequired';
      setPassphraseError(wrong ? describeError(t, e) : null);
    },
  });
  const cancel = () => {
    if (staged.data) void api.archive.discard({ uploadId: staged.data.uploadId }).catch(() => undefined);
    onClose();
  };
  const summary = staged.data?.summary;
  // An encrypted archive over an unprotected workspace: its data must not land readable unasked.
  const choose = mode === 'replace' && !!summary?.encrypted && !summary.workspaceEncrypted;
  const size = (bytes: number) => {
    const s = formatSize(bytes, lang);
    return t(`backups.${s.unit}`, { value: s.value });
  };
  const counted = ['organisations', 'contacts', 'cases', 'notes', 'trips'] as const;
  // The dialog opens before the file is read: once the summary (or a refusal) is there, focus goes
  // to the passphrase, or to Cancel, the safe choice.
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (summary || staged.isError) body.current?.querySelector<HTMLElement>('[data-start]')?.focus();
  }, [summary, staged.isError]);

  return (
    <Modal opened onClose={cancel} title={t('archive.inspectTitle')} centered size="lg" returnFocus={false} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <div ref={body}>
      {staged.isError ? (
        <Stack gap="sm">
          <Alert color="red" role="alert" title={t('archive.refusedFile', { fileName: file.name })}>
            {describeError(t, staged.error)}
          </Alert>
          <Group justify="flex-end">
            {onChooseAnother ? (
              <FileButton onChange={(next) => next && onChooseAnother(next)} accept={`${ARCHIVE_EXTENSION},application/zip`}>
                {(props) => (
                  <Button {...props} variant="light">
                    {t('archive.chooseAnother')}
                  </Button>
                )}
              </FileButton>
            ) : null}
            <Button variant="default" onClick={cancel} data-start>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : !summary ? (
        <Stack gap="xs">
          <Text size="sm" id="archive-progress">
            {t('archive.reading', { percent: Math.round(sent * 100) })}
          </Text>
          <Progress value={sent * 100} aria-labelledby="archive-progress" />
          <Loader size="sm" aria-label={t('common.loading')} />
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (summary.encrypted && !passphrase) return setPassphraseError(t('archive.errors.passphraseRequired'));
            setPassphraseError(null);
            open.mutate();
          }}
          noValidate
        >
          <Stack gap="sm">
            <Table withTableBorder variant="vertical" aria-label={file.name}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={180}>{t('archive.createdAt')}</Table.Th>
                  <Table.Td>{formatDateTime(summary.createdAt, lang)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('archive.records')}</Table.Th>
                  <Table.Td>
                    {counted.map((c) => t(dataKeys.removes(c), { count: summary.counts[c] ?? 0 })).join(', ')}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('archive.protection')}</Table.Th>
                  <Table.Td>{summary.encrypted ? <ToneBadge tone="good">{t('archive.encryptedYes')}</ToneBadge> : t('archive.encryptedNo')}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('archive.appVersion')}</Table.Th>
                  <Table.Td>
                    {summary.appVersion} · {t('archive.schemaVersion')} {summary.schemaVersion}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('archive.size')}</Table.Th>
                  <Table.Td>{size(summary.size)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            {summary.encrypted ? (
              <PasswordInput
                label={t('archive.archivePassphrase')}
                value={passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
                error={passphraseError}
                autoComplete="off"
                data-start
              />
            ) : null}
            {choose ? (
              <Radio.Group label={t('archive.protectionTitle')} value={protection} onChange={(v) => setProtection(v as ArchiveProtection)}>
                <Stack gap="xs" mt="xs">
                  <Radio value="archive" label={t('archive.protectArchive')} description={t('archive.protectArchiveHint')} />
                  <Radio value="none" label={t('archive.protectNone')} description={t('archive.protectNoneHint')} />
                </Stack>
              </Radio.Group>
            ) : null}
            {mode === 'replace' && summary.workspaceEncrypted ? (
              <Text size="sm" c="dimmed">
                {t('archive.keepsOwnPassphrase')}
              </Text>
            ) : null}
            {mode === 'replace' ? (
              <Alert color="orange" variant="light" role="note">
                <Text size="sm">{t('archive.replaceWarning')}</Text>
              </Alert>
            ) : summary.encrypted ? (
              <Text size="sm" c="dimmed">
                {t('archive.newEncrypted')}
              </Text>
            ) : null}
            {open.isError && !passphraseError ? (
              <Alert color="red" role="alert">
                {describeError(t, open.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={cancel} data-start={summary.encrypted ? undefined : true}>
                {t('archive.cancel')}
              </Button>
              <Button type="submit" color={mode === 'replace' ? 'red' : undefined} loading={open.isPending}>
                {mode === 'replace' ? t('archive.replace') : t('archive.newConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      </div>
    </Modal>
  );
}

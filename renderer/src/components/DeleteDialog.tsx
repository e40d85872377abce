import { Alert, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DeleteImpact } from '../../../shared/contract/common';
import { dataKeys } from '../../../shared/i18n';
import { useReturnFocus } from '../app/focus';
import { useUndo } from '../app/undo';
import { describeError } from '../lib/errors';
import { notifyError } from '../lib/notify';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Key of the record, so the impact is asked for again when it changes. */
  recordKey: string;
  impact: () => Promise<DeleteImpact>;
  remove: () => Promise<{ undoId: string }>;
  onDeleted: () => void;
}

/**
 * Deleting explains first what else goes and which references are cleared (the backend computes
 * it), then deletes everything in one write and offers Undo.
 */
export function DeleteDialog({ opened, onClose, recordKey, impact, remove, onDeleted }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const undo = useUndo();
  const preview = useQuery({ queryKey: ['deleteImpact', recordKey], queryFn: impact, enabled: opened, staleTime: 0, gcTime: 0 });
  const run = useMutation({
    mutationFn: remove,
    onSuccess: async ({ undoId }) => {
      onClose();
      onDeleted();
      await queryClient.invalidateQueries();
      undo.offer(t('impact.deleted', { label: preview.data?.label ?? '' }), undoId);
    },
    onError: (e) => notifyError(describeError(t, e)),
  });
  // Cancelled, focus goes back to the Delete that opened it; after deleting, to the screen's heading.
  useReturnFocus(opened);
  const data = preview.data;
  const nothing = data && data.removes.length === 0 && data.unlinks.length === 0;

  return (
    <Modal opened={opened} onClose={onClose} title={data ? t('impact.title', { label: data.label }) : ''} centered returnFocus={false} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {preview.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : preview.isError ? (
        <Alert color="red">{describeError(t, preview.error)}</Alert>
      ) : (
        <Stack gap="sm">
          {nothing ? (
            <Text size="sm">{t('impact.nothingElse')}</Text>
          ) : (
            <>
              <Text size="sm">{t('impact.intro')}</Text>
              {data!.removes.length ? (
                <div>
                  <Text size="sm" fw={600}>
                    {t('impact.alsoRemoves')}
                  </Text>
                  <List size="sm">
                    {data!.removes.map((r) => (
                      <List.Item key={r.collection}>{t(dataKeys.removes(r.collection), { count: r.count })}</List.Item>
                    ))}
                  </List>
                </div>
              ) : null}
              {data!.unlinks.length ? (
                <div>
                  <Text size="sm" fw={600}>
                    {t('impact.unlinks')}
                  </Text>
                  <List size="sm">
                    {data!.unlinks.map((u) => (
                      <List.Item key={`${u.collection}.${u.field}`}>{t(dataKeys.unlinks(u.collection, u.field), { count: u.count })}</List.Item>
                    ))}
                  </List>
                </div>
              ) : null}
            </>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={run.isPending} onClick={() => run.mutate()} data-autofocus>
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

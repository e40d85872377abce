/**
 * Erasing a person (GDPR Art. 17) asks more than a delete does, because nothing brings them back:
 * it lists what goes and what is cleared elsewhere (contacts.eraseImpact), says plainly that it
 * cannot be undone and that the erasure is recorded without personal data, and enables Erase only
 * after an explicit confirmation. Afterwards it returns to the people list, with no Undo offered.
 */
import { Alert, Button, Checkbox, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dataKeys } from '../../../../shared/i18n';
import { useApi } from '../../api/context';
import { requestHeadingFocus, useReturnFocus } from '../../app/focus';
import { describeError } from '../../lib/errors';
import { notify, notifyError, notifySuccess } from '../../lib/notify';

interface Props {
  contact: { id: string; revision: number };
  onClose: () => void;
}

const LIST = '/contacts';

/** Mounted only while open, so the confirmation starts unticked every time. */
export function EraseDialog({ contact, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirmed, setConfirmed] = useState(false);
  const { id, revision } = contact;
  const preview = useQuery({ queryKey: ['eraseImpact', id, revision], queryFn: () => api.contacts.eraseImpact({ id }), staleTime: 0, gcTime: 0 });
  const run = useMutation({
    mutationFn: () => api.contacts.erase({ id, revision }),
    onSuccess: async (summary) => {
      onClose();
      requestHeadingFocus(LIST);
      navigate(LIST);
      // The erased person's own queries would only fail now: drop them rather than refetch.
      queryClient.removeQueries({ queryKey: ['contacts', 'get', id] });
      queryClient.removeQueries({ queryKey: ['contacts', 'related', id] });
      await queryClient.invalidateQueries();
      notifySuccess(t('contacts.erase.done'));
      if (summary.registerMovedAside) notify({ message: t('contacts.erase.registerMovedAside', { file: summary.registerMovedAside }), color: 'orange', autoClose: false });
    },
    onError: (e) => notifyError(describeError(t, e)),
  });
  // Cancelled, focus goes back to the button that opened it; after erasing, to the list's heading.
  useReturnFocus();
  const data = preview.data;

  return (
    <Modal opened onClose={onClose} title={data ? t('contacts.erase.title', { name: data.label }) : ''} centered returnFocus={false} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {preview.isError ? (
        <Alert color="red">{describeError(t, preview.error)}</Alert>
      ) : !data ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('contacts.erase.intro')}</Text>
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="note">
            <Text size="sm" fw={600}>
              {t('contacts.erase.cannotUndo')}
            </Text>
          </Alert>
          <div>
            <Text size="sm" fw={600} id="erase-removes">
              {t('contacts.erase.removes')}
            </Text>
            <List size="sm" aria-labelledby="erase-removes">
              <List.Item>{t('contacts.erase.thePerson')}</List.Item>
              {data.removes.map((r) => (
                <List.Item key={r.collection}>{t(dataKeys.removes(r.collection), { count: r.count })}</List.Item>
              ))}
              {data.trash.records ? <List.Item>{t('contacts.erase.trash', { count: data.trash.records })}</List.Item> : null}
              {data.trash.entries > 0 && data.trash.entries !== data.trash.records ? <List.Item>{t('contacts.erase.trashEntries', { count: data.trash.entries })}</List.Item> : null}
            </List>
          </div>
          {data.unlinks.length ? (
            <div>
              <Text size="sm" fw={600} id="erase-unlinks">
                {t('contacts.erase.unlinks')}
              </Text>
              <List size="sm" aria-labelledby="erase-unlinks">
                {data.unlinks.map((u) => (
                  <List.Item key={`${u.collection}.${u.field}`}>{t(dataKeys.unlinks(u.collection, u.field), { count: u.count })}</List.Item>
                ))}
              </List>
            </div>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('contacts.erase.register')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('contacts.erase.freeText')}
          </Text>
          <Checkbox label={t('contacts.erase.confirm')} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" disabled={!confirmed} loading={run.isPending} onClick={() => run.mutate()}>
              {t('contacts.erase.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

import { ActionIcon, Alert, Anchor, Button, Group, Loader, Modal, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarOff, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactPosition } from '../../../../shared/features/contacts/contract';
import { IsoDate } from '../../../../shared/schemas/common';
import type { PositionRecord } from '../../../../shared/features/contacts/schema';
import { useApi } from '../../api/context';
import { useReturnFocus } from '../../app/focus';
import { useUndo } from '../../app/undo';
import { DateField } from '../../components/form/DateField';
import { useCloseGuard } from '../../components/form/DiscardDialog';
import { describeError, formErrorsOf } from '../../lib/errors';
import { formatDate, todayIso } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { RoleItem, RoleList, UpcomingBadge } from '../organisations/parts';
import { useLanguage } from '../../app/language';
import { PositionDialog } from './PositionDialog';
import { DialogFooter } from '../../components/form/DialogFooter';

interface Props {
  contactId: string;
  positions: ContactPosition[];
  loading: boolean;
}

/** A person's roles over time, current ones first; each can be edited, ended or deleted. */
export function PositionsPanel({ contactId, positions, loading }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const queryClient = useQueryClient();
  const undo = useUndo();
  const [editing, setEditing] = useState<PositionRecord | 'new' | null>(null);
  const [ending, setEnding] = useState<PositionRecord | null>(null);

  // A position that starts later is not "current" for the backend, but it is no history either.
  const today = todayIso();
  const startsLater = (p: PositionRecord) => (p.from ?? '') > today;
  const current = positions.filter((p) => p.current || startsLater(p.position));
  const former = positions.filter((p) => !p.current && !startsLater(p.position));

  const remove = useMutation({
    mutationFn: (p: PositionRecord) => api.positions.delete({ id: p.id, revision: p.revision }),
    onSuccess: async ({ undoId }, p) => {
      await queryClient.invalidateQueries();
      undo.offer(t('contacts.positions.deleted', { role: p.role }), undoId);
    },
    onError: (e) => notifyError(describeError(t, e)),
  });

  const period = (p: PositionRecord) =>
    p.to
      ? t('contacts.positions.period', { from: p.from ? formatDate(p.from, lang) : t('contacts.positions.unknown'), to: formatDate(p.to, lang) })
      : p.from
        ? t('contacts.positions.since', { date: formatDate(p.from, lang) })
        : '—';

  const list = (rows: ContactPosition[], isCurrent: boolean, labelId: string) => (
    <RoleList labelledBy={labelId}>
      {rows.map(({ position: p, organisation: o }) => (
        <RoleItem
          key={p.id}
          role={p.role}
          muted={!isCurrent}
          detail={
            <>
              {o ? (
                <Anchor component={Link} to={`/organisations/${o.id}`} size="sm">
                  {o.name}
                </Anchor>
              ) : (
                '—'
              )}
              <Text span size="xs" c="dimmed">
                {' · '}
                {period(p)}
              </Text>
              {startsLater(p) ? <UpcomingBadge /> : null}
            </>
          }
          actions={
            <>
              <Tooltip label={t('contacts.positions.edit')}>
                <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('contacts.positions.editLabel', { role: p.role })} onClick={() => setEditing(p)}>
                  <IconEdit size={14} />
                </ActionIcon>
              </Tooltip>
              {isCurrent && !p.to ? (
                <Tooltip label={t('contacts.positions.end')}>
                  <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('contacts.positions.endLabel', { role: p.role })} onClick={() => setEnding(p)}>
                    <IconCalendarOff size={14} />
                  </ActionIcon>
                </Tooltip>
              ) : null}
              <Tooltip label={t('common.delete')}>
                <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('contacts.positions.delete', { role: p.role })} onClick={() => remove.mutate(p)}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Tooltip>
            </>
          }
        />
      ))}
    </RoleList>
  );

  return (
    <section aria-labelledby="positions-title">
      <Group justify="space-between" mb={4}>
        <Title order={3} size="h5" id="positions-title">
          {t('contacts.positions.title')}
        </Title>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          {t('contacts.positions.add')}
        </Button>
      </Group>
      {loading ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : positions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contacts.positions.none')}
        </Text>
      ) : (
        <>
          {current.length ? (
            <>
              <Text size="xs" c="dimmed" fw={600} mt={4} id="positions-current-title">
                {t('contacts.positions.current')}
              </Text>
              {list(current, true, 'positions-current-title')}
            </>
          ) : null}
          <Text size="xs" c="dimmed" fw={600} mt="sm" id="positions-former-title">
            {t('contacts.positions.former')}
          </Text>
          {former.length ? (
            list(former, false, 'positions-former-title')
          ) : (
            <Text size="sm" c="dimmed">
              {t('contacts.positions.noneFormer')}
            </Text>
          )}
        </>
      )}

      {editing ? (
        <PositionDialog
          title={editing === 'new' ? t('contacts.positions.addTitle') : t('contacts.positions.edit')}
          position={editing === 'new' ? undefined : editing}
          initial={{ contactId }}
          fixed="contact"
          onClose={() => setEditing(null)}
        />
      ) : null}
      {ending ? <EndPositionDialog position={ending} onClose={() => setEnding(null)} /> : null}
    </section>
  );
}

/** Ends a position on a day (the person left the role); it then moves to the history. */
function EndPositionDialog({ position, onClose }: { position: PositionRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ to: string | null }>({
    initialValues: { to: todayIso() },
    validate: {
      to: (v) =>
        !v ? t('validation.required') : !IsoDate.safeParse(v).success ? t('validation.invalidDate') : position.from && v < position.from ? t('validation.endBeforeStart') : null,
    },
  });
  const end = useMutation({
    // All fields, not just `to`: the update schema's defaults would reset omitted dates to null.
    mutationFn: (to: string) =>
      api.positions.update({ id: position.id, revision: position.revision, changes: { organisationId: position.organisationId, role: position.role, from: position.from, to } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      notifySuccess(t('contacts.positions.ended', { role: position.role }));
      onClose();
    },
    onError: (e) => {
      form.setErrors(formErrorsOf(t, e));
      setFormError(describeError(t, e));
    },
  });
  // Cancel, the close button and Escape ask before a changed date is lost; focus then goes back to the opener.
  const { requestClose, confirmation, asking } = useCloseGuard(form.isDirty(), onClose);
  useReturnFocus();
  return (
    <>
      <Modal
        opened
        onClose={requestClose}
        title={t('contacts.positions.endTitle', { role: position.role })}
        centered
        size="sm"
        closeOnEscape={!asking}
        returnFocus={false}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          onSubmit={form.onSubmit((v) => {
            setFormError(null);
            if (v.to) end.mutate(v.to);
          })}
          noValidate
        >
          <Stack gap="sm">
            {formError ? (
              <Alert color="red" role="alert" py={6}>
                {formError}
              </Alert>
            ) : null}
            <DateField label={t('contacts.positions.endOn')} withAsterisk data-autofocus {...form.getInputProps('to')} />
            <DialogFooter onCancel={requestClose} saving={end.isPending} submitLabel={t('contacts.positions.end')} />
          </Stack>
        </form>
      </Modal>
      {confirmation}
    </>
  );
}

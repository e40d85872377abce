import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IsoDate } from '../../../../shared/schemas/common';
import { useApi } from '../../api/context';
import { useReturnFocus } from '../../app/focus';
import { DateField } from '../../components/form/DateField';
import { useCloseGuard } from '../../components/form/DiscardDialog';
import { ContactPicker } from '../../components/pickers';
import { describeError, formErrorsOf } from '../../lib/errors';
import { formatDate, todayIso } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import type { OrganisationPerson } from '../../../../shared/features/organisations/contract';
import { focusFirstInput, PickerField } from './parts';
import { useLanguage } from '../../app/language';
import { DialogFooter } from '../../components/form/DialogFooter';

interface Values {
  successorId: string | null;
  on: string | null;
}

/** Hands a role to a new holder on a date: `positions.handOver` ends the old position the day before. */
export function HandOverDialog({ holder, onClose }: { holder: OrganisationPerson; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const { position, contact } = holder;

  const form = useForm<Values>({
    initialValues: { successorId: null, on: todayIso() },
    validate: {
      successorId: (v) => (!v ? t('validation.required') : v === contact.id ? t('validation.sameHolder') : null),
      on: (v) =>
        !v ? t('validation.required') : !IsoDate.safeParse(v).success ? t('validation.invalidDate') : position.from && v <= position.from ? t('validation.handoverBeforeStart') : null,
    },
  });

  const handOver = useMutation({
    mutationFn: (v: { successorId: string; on: string }) => api.positions.handOver({ positionId: position.id, revision: position.revision, ...v }),
    onSuccess: async (_result, v) => {
      await queryClient.invalidateQueries();
      const successor = await api.contacts.lookup({ ids: [v.successorId] }).catch(() => []);
      notifySuccess(t('organisations.people.handedOver', { role: position.role, name: successor[0]?.name ?? '' }));
      onClose();
    },
    onError: (e) => {
      form.setErrors(formErrorsOf(t, e));
      setFormError(describeError(t, e));
    },
  });

  const submit = form.onSubmit((v) => {
    setFormError(null);
    if (v.successorId && v.on) handOver.mutate({ successorId: v.successorId, on: v.on });
  });
  // Cancel, the close button and Escape ask before a chosen successor or date is lost; focus then goes back to the opener.
  const { requestClose, confirmation, asking } = useCloseGuard(form.isDirty(), onClose);
  useReturnFocus();

  return (
    <>
      <Modal
        opened
        onClose={requestClose}
        title={t('organisations.people.handOverTitle', { role: position.role })}
        centered
        closeOnEscape={!asking}
        returnFocus={false}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" ref={focusFirstInput}>
            <Text size="sm">
              {position.from
                ? t('organisations.people.heldBy', { name: contact.name, date: formatDate(position.from, lang) })
                : t('organisations.people.heldByOpen', { name: contact.name })}
            </Text>
            {formError ? (
              <Alert color="red" role="alert" py={6}>
                {formError}
              </Alert>
            ) : null}
            <PickerField>
              <ContactPicker
                label={t('organisations.people.successor')}
                placeholder={t('organisations.people.successorPlaceholder')}
                withAsterisk
                value={form.values.successorId ? [form.values.successorId] : []}
                onChange={(ids) => form.setFieldValue('successorId', ids[ids.length - 1] ?? null)}
                error={form.errors.successorId}
              />
            </PickerField>
            <DateField
              label={t('organisations.people.on')}
              description={t('organisations.people.onHint', { name: contact.name })}
              withAsterisk
              {...form.getInputProps('on')}
            />
            <DialogFooter onCancel={requestClose} saving={handOver.isPending} submitLabel={t('organisations.people.handOver')} mt="xs" />
          </Stack>
        </form>
      </Modal>
      {confirmation}
    </>
  );
}

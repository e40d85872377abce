import { Alert, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PositionFields, PositionFieldsShape, type PositionRecord } from '../../../../shared/features/contacts/schema';
import { useApi } from '../../api/context';
import { useReturnFocus } from '../../app/focus';
import { DateField } from '../../components/form/DateField';
import { useCloseGuard } from '../../components/form/DiscardDialog';
import { defaultsOf, formValuesOf, type FormValuesOf } from '../../components/form/schemaValues';
import { useSaveShortcut } from '../../components/form/useSaveShortcut';
import { ContactPicker, OrganisationPicker } from '../../components/pickers';
import { describeError, formErrorsOf, schemaErrors } from '../../lib/errors';
import { todayIso } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { focusFirstInput, PickerField } from '../organisations/parts';
import { DialogFooter } from '../../components/form/DialogFooter';

/** The position's fields; the person and the organisation may still be unchosen. */
const PlainFields = PositionFieldsShape.omit({ contactId: true, organisationId: true });
type Values = FormValuesOf<typeof PlainFields> & { contactId: string | null; organisationId: string | null };

interface Props {
  title: string;
  /** The position to edit; without it a new one is created. */
  position?: PositionRecord;
  initial?: { contactId?: string; organisationId?: string };
  /** The side the dialog was opened from, which the user does not choose again. */
  fixed: 'contact' | 'organisation';
  onClose: () => void;
}

/** Adds or edits one position: who, where, which role, from when until when. */
export function PositionDialog({ title, position, initial, fixed, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<Values>({
    initialValues: position
      ? formValuesOf(PositionFieldsShape, position)
      : { ...defaultsOf(PlainFields), contactId: initial?.contactId ?? null, organisationId: initial?.organisationId ?? null, role: '', from: todayIso() },
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!v.contactId) errors.contactId = t('validation.required');
      if (!v.organisationId) errors.organisationId = t('validation.required');
      const result = PositionFields.safeParse({ ...v, contactId: v.contactId ?? 'x', organisationId: v.organisationId ?? 'x' });
      // The checks above name a missing person or organisation better than the schema would.
      return result.success ? errors : { ...schemaErrors(t, result.error), ...errors };
    },
  });

  const save = useMutation({
    mutationFn: (v: Values) => {
      const fields = { organisationId: v.organisationId!, role: v.role, from: v.from, to: v.to };
      return position ? api.positions.update({ id: position.id, revision: position.revision, changes: fields }) : api.positions.create({ ...fields, contactId: v.contactId! });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      notifySuccess(t('contacts.positions.saved'));
      onClose();
    },
    onError: (e) => {
      form.setErrors(formErrorsOf(t, e));
      setFormError(describeError(t, e));
    },
  });

  const submit = form.onSubmit((v) => {
    setFormError(null);
    save.mutate(v);
  });
  // Cancel, the close button and Escape ask before typed work is lost; focus then goes back to the opener.
  const { requestClose, confirmation, asking } = useCloseGuard(form.isDirty(), onClose);
  useReturnFocus();
  // Ctrl/Cmd+S saves the position, as its Save button does.
  const formRef = useRef<HTMLFormElement>(null);
  useSaveShortcut(
    formRef,
    useCallback(() => {
      if (!save.isPending) submit();
    }, [save.isPending, submit]),
  );

  const picker =
    fixed === 'organisation' ? (
      <ContactPicker
        label={t('contacts.positions.person')}
        placeholder={t('contacts.positions.personPlaceholder')}
        withAsterisk
        value={form.values.contactId ? [form.values.contactId] : []}
        onChange={(ids) => form.setFieldValue('contactId', ids[ids.length - 1] ?? null)}
        error={form.errors.contactId}
      />
    ) : (
      <OrganisationPicker
        label={t('contacts.positions.organisation')}
        placeholder={t('contacts.positions.organisationPlaceholder')}
        withAsterisk
        value={form.values.organisationId ? [form.values.organisationId] : []}
        onChange={(ids) => form.setFieldValue('organisationId', ids[ids.length - 1] ?? null)}
        error={form.errors.organisationId}
      />
    );

  return (
    <>
      <Modal
        opened
        onClose={requestClose}
        title={title}
        centered
        closeOnEscape={!asking}
        returnFocus={false}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack gap="sm" ref={focusFirstInput}>
            {formError ? (
              <Alert color="red" role="alert" py={6}>
                {formError}
              </Alert>
            ) : null}
            <PickerField>{picker}</PickerField>
            <TextInput label={t('contacts.positions.role')} placeholder={t('contacts.positions.rolePlaceholder')} withAsterisk {...form.getInputProps('role')} />
            <SimpleGrid cols={2} spacing="sm">
              <DateField label={t('contacts.positions.from')} clearable clearButtonProps={{ 'aria-label': t('common.clear') }} {...form.getInputProps('from')} />
              <DateField
                label={t('contacts.positions.to')}
                placeholder={t('contacts.positions.toPlaceholder')}
                clearable
                clearButtonProps={{ 'aria-label': t('common.clear') }}
                {...form.getInputProps('to')}
              />
            </SimpleGrid>
            <DialogFooter onCancel={requestClose} saving={save.isPending} submitLabel={position ? t('common.save') : t('common.create')} mt="xs" />
          </Stack>
        </form>
      </Modal>
      {confirmation}
    </>
  );
}

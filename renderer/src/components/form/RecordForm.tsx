import { Alert, Stack, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMergedRef } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type ComponentPropsWithRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { recordHeading } from '../../app/focus';
import { describeSaveError } from '../../lib/errors';
import { LeaveGuard } from './LeaveGuard';
import { useSaveShortcut } from './useSaveShortcut';
import { DialogFooter } from './DialogFooter';

/**
 * Puts a loaded record into the form, again only when another record or a newer revision of it
 * arrives: a background refetch of the same revision must not wipe what is being typed.
 */
export function useFillForm<V, R extends { id: string; revision: number }>(form: UseFormReturnType<V>, record: R | undefined, fromRecord: (record: R) => V) {
  useEffect(() => {
    if (record) {
      // One set of values for both: rows carry generated keys, and two calls would differ in them.
      const values = fromRecord(record);
      form.setValues(values);
      form.resetDirty(values);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record?.id, record?.revision]);
}

interface SaveOptions<V, R> {
  form: UseFormReturnType<V>;
  save: (values: V) => Promise<R>;
  onSaved: (record: R) => Promise<void> | void;
  /** The failed save's field messages under the form's own paths. */
  fieldErrors: (e: unknown, values: V) => Record<string, string>;
  /** Said when the record changed elsewhere since it was opened. */
  conflict: string;
  onInvalid?: () => void;
}

/**
 * Submitting a record form: checked against the shared schema first; a failed save puts the
 * backend's messages at their fields and says above the form what went wrong.
 */
export function useRecordSave<V, R>({ form, save, onSaved, fieldErrors, conflict, onInvalid }: SaveOptions<V, R>) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: onSaved,
    onError: (e, values) => {
      const fields = fieldErrors(e, values);
      if (Object.keys(fields).length) form.setErrors(fields);
      setError(describeSaveError(t, e, conflict));
    },
  });
  const submit = form.onSubmit(
    (values) => {
      setError(null);
      mutation.mutate(values);
    },
    () => {
      setError(t('errors.validation'));
      onInvalid?.();
    },
  );
  return { submit, error, saving: mutation.isPending };
}

/** Ctrl+Enter (⌘+Enter) in a multi-line field saves, where Enter makes a new line. */
export const submitOnModEnter = (submit: () => void) => (e: KeyboardEvent<HTMLElement>) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    submit();
  }
};

type Props = Omit<ComponentPropsWithRef<'form'>, 'onSubmit' | 'title'> & {
  titleId: string;
  title: string;
  isNew: boolean;
  save: { submit: (event?: FormEvent<HTMLFormElement>) => void; error: string | null; saving: boolean };
  onCancel: () => void;
  /** Unsaved changes: leaving the editor, by Cancel or any other way, asks before it throws them away. */
  dirty?: boolean;
  children: ReactNode;
};

/**
 * A record editor in the detail pane: its heading, what went wrong, the fields, Cancel and Save.
 * Ctrl/Cmd+S saves it from anywhere in it, as the Save button does.
 */
export function RecordForm({ titleId, title, isNew, save, onCancel, dirty = false, className = 'detail', children, ref, ...rest }: Props) {
  const { t } = useTranslation();
  const own = useRef<HTMLFormElement>(null);
  const formRef = useMergedRef(own, ref);
  const { submit, saving } = save;
  useSaveShortcut(
    own,
    useCallback(() => {
      if (!saving) submit();
    }, [saving, submit]),
  );
  return (
    <form ref={formRef} className={className} onSubmit={save.submit} noValidate aria-labelledby={titleId} {...rest}>
      <Title order={2} size="h3" id={titleId} mb="md" {...recordHeading}>
        {title}
      </Title>
      {save.error ? (
        <Alert color="red" mb="md" role="alert">
          {save.error}
        </Alert>
      ) : null}
      <Stack gap="sm">
        {children}
        <DialogFooter onCancel={onCancel} saving={save.saving} submitLabel={isNew ? t('common.create') : t('common.save')} mt="sm" />
      </Stack>
      <LeaveGuard when={dirty && !save.saving} />
    </form>
  );
}

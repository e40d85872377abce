import { ActionIcon, Anchor, Button, Group, Loader, Modal, Select, Stack, Text, Textarea, TextInput, ThemeIcon, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarEvent, IconEdit, IconMail, IconMapPin, IconNote, IconPhone, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { activityKinds, type ActivityKind } from '../../../shared/features/cases/activities';
import { ActivityCreateInput } from '../../../shared/features/cases/activities';
import { fieldMessages } from '../../../shared/validation';
import { useApi } from '../api/context';
import { useReturnFocus } from '../app/focus';
import { useUndo } from '../app/undo';
import { translateMessage } from '../i18n';
import { describeError, fieldErrors } from '../lib/errors';
import { formatDate, todayIso } from '../lib/format';
import { notifyError, notifySuccess } from '../lib/notify';
import { DateField } from './form/DateField';
import { useCloseGuard } from './form/DiscardDialog';
import { useSaveShortcut } from './form/useSaveShortcut';
import { CasePicker, ContactPicker } from './pickers';
import { useLanguage } from '../app/language';
import { DialogFooter } from './form/DialogFooter';

const icons: Record<ActivityKind, typeof IconNote> = { meeting: IconCalendarEvent, call: IconPhone, email: IconMail, note: IconNote, visit: IconMapPin };

interface FormValues {
  kind: ActivityKind;
  date: string;
  title: string;
  text: string;
  caseId: string | null;
  participantIds: string[];
}

interface Editing {
  id?: string;
  revision?: number;
  values: FormValues;
}

/**
 * The activity timeline of a case or a person: meetings, calls, e-mails, notes, visits. An entry
 * logged on a case appears on every participant's screen too, and moves their "last contact".
 */
export function Timeline({ caseId, contactId }: { caseId?: string; contactId?: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const queryClient = useQueryClient();
  const undo = useUndo();
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = useQuery({ queryKey: ['activities', { caseId, contactId }], queryFn: () => api.activities.list({ caseId, contactId }) });

  const remove = useMutation({
    mutationFn: (a: { id: string; revision: number }) => api.activities.delete(a),
    onSuccess: async ({ undoId }) => {
      await queryClient.invalidateQueries();
      undo.offer(t('timeline.deleted'), undoId);
    },
    onError: (e) => notifyError(describeError(t, e)),
  });

  const startNew = () =>
    setEditing({ values: { kind: 'meeting', date: todayIso(), title: '', text: '', caseId: caseId ?? null, participantIds: contactId ? [contactId] : [] } });

  return (
    <section aria-labelledby="timeline-title">
      <Group justify="space-between" mb="xs">
        <Text fw={600} id="timeline-title">
          {t('timeline.title')}
        </Text>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={startNew}>
          {t('timeline.log')}
        </Button>
      </Group>
      {list.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : list.data?.length ? (
        <ol className="timeline">
          {list.data.map((a) => {
            const Icon = icons[a.kind];
            return (
              <li key={a.id} className="timeline-entry">
                <ThemeIcon variant="light" size="md" radius="xl" aria-hidden>
                  <Icon size={16} />
                </ThemeIcon>
                <div className="timeline-body">
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" fw={600}>
                      {a.title || t(`timeline.kinds.${a.kind}`)}
                    </Text>
                    <Group gap={2} wrap="nowrap">
                      <Text size="xs" c="dimmed">
                        {t(`timeline.kinds.${a.kind}`)} · {formatDate(a.date, lang)}
                      </Text>
                      <Tooltip label={t('timeline.editEntry')}>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          color="gray"
                          aria-label={t('timeline.editEntry')}
                          onClick={() =>
                            setEditing({ id: a.id, revision: a.revision, values: { kind: a.kind, date: a.date, title: a.title, text: a.text, caseId: a.caseId, participantIds: a.participantIds } })
                          }
                        >
                          <IconEdit size={14} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('timeline.deleteEntry')}>
                        <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('timeline.deleteEntry')} onClick={() => remove.mutate({ id: a.id, revision: a.revision })}>
                          <IconTrash size={14} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Group>
                  {a.participants.length ? (
                    <Text size="xs" c="dimmed">
                      {a.participants.map((p, i) => (
                        <span key={p.id}>
                          {i > 0 ? ', ' : ''}
                          {p.id === contactId ? p.name : <Anchor component={Link} to={`/contacts/${p.id}`} size="xs">{p.name}</Anchor>}
                        </span>
                      ))}
                    </Text>
                  ) : null}
                  {!caseId && a.caseId && a.caseTitle ? (
                    <Anchor component={Link} to={`/cases/${a.caseId}`} size="xs">
                      {a.caseTitle}
                    </Anchor>
                  ) : null}
                  {a.text ? (
                    <Text size="sm" className="prose">
                      {a.text}
                    </Text>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      ) : (
        <Text size="sm" c="dimmed">
          {t('timeline.empty')}
        </Text>
      )}
      {editing ? <ActivityDialog editing={editing} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}

function ActivityDialog({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const form = useForm<FormValues>({
    initialValues: editing.values,
    validate: (values) => {
      const result = ActivityCreateInput.safeParse(values);
      if (result.success) return {};
      return Object.fromEntries(Object.entries(fieldMessages(result.error)).map(([k, m]) => [k.split('.')[0]!, translateMessage(t, m)]));
    },
  });
  const save = useMutation({
    mutationFn: (values: FormValues) =>
      editing.id ? api.activities.update({ id: editing.id, revision: editing.revision!, changes: values }) : api.activities.create(values),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      notifySuccess(t('timeline.saved'));
      onClose();
    },
    onError: (e) => {
      form.setErrors(fieldErrors(t, e));
      notifyError(describeError(t, e));
    },
  });

  // Cancel, the close button and Escape ask before typed work is lost; focus then goes back to the opener.
  const { requestClose, confirmation, asking } = useCloseGuard(form.isDirty(), onClose);
  useReturnFocus();
  // Ctrl/Cmd+S saves the entry, as its Save button does.
  const submit = form.onSubmit((v) => save.mutate(v));
  const formRef = useRef<HTMLFormElement>(null);
  useSaveShortcut(
    formRef,
    useCallback(() => {
      if (!save.isPending) submit();
    }, [save.isPending, submit]),
  );

  return (
    <>
      <Modal
        opened
        onClose={requestClose}
        title={editing.id ? t('timeline.edit') : t('timeline.log')}
        size="lg"
        centered
        closeOnEscape={!asking}
        returnFocus={false}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Group grow>
              <Select
                label={t('timeline.kind')}
                data={activityKinds.map((k) => ({ value: k, label: t(`timeline.kinds.${k}`) }))}
                allowDeselect={false}
                {...form.getInputProps('kind')}
              />
              <DateField label={t('timeline.date')} withAsterisk {...form.getInputProps('date')} />
            </Group>
            <TextInput label={t('timeline.subject')} data-autofocus {...form.getInputProps('title')} />
            <ContactPicker
              label={t('timeline.participants')}
              multiple
              value={form.values.participantIds}
              onChange={(ids) => form.setFieldValue('participantIds', ids)}
              error={form.errors.participantIds}
            />
            <CasePicker
              label={t('timeline.case')}
              value={form.values.caseId ? [form.values.caseId] : []}
              onChange={(ids) => form.setFieldValue('caseId', ids[ids.length - 1] ?? null)}
              error={form.errors.caseId}
            />
            <Textarea label={t('timeline.text')} autosize minRows={3} maxRows={10} {...form.getInputProps('text')} />
            <DialogFooter onCancel={requestClose} saving={save.isPending} />
          </Stack>
        </form>
      </Modal>
      {confirmation}
    </>
  );
}

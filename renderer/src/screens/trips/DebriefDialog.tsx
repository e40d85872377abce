import { ActionIcon, Alert, Autocomplete, Fieldset, List, Modal, Select, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors';
import { DebriefInput, type AgendaItemRecord, type TripRecord } from '../../../../shared/features/trips/schema';
import { useApi } from '../../api/context';
import { useVocabulary } from '../../api/vocabulary';
import { useReturnFocus } from '../../app/focus';
import { DateField } from '../../components/form/DateField';
import { useCloseGuard } from '../../components/form/DiscardDialog';
import { RowsFooter, rowKey } from '../../components/form/RowsFooter';
import { useSaveShortcut } from '../../components/form/useSaveShortcut';
import { describeError, fieldErrors, schemaErrors } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';
import type { AgendaItemView } from '../../../../shared/features/trips/contract';
import { CaseLink, CaseLinks, useCaseLabels, type CaseLabel } from './caseLabels';
import { keepEnterInPickers } from './parts';
import { DialogFooter } from '../../components/form/DialogFooter';

interface FollowUpRow {
  key: string;
  title: string;
  dueOn: string | null;
  assignee: string;
  caseId: string | null;
}

interface Values {
  agreed: string;
  followUps: FollowUpRow[];
}

/** The case a follow-up lands on: the same rule as the backend's agenda.debrief. */
const targetCase = (f: { caseId: string | null }, item: Pick<AgendaItemRecord, 'caseIds'>, trip: TripRecord) => f.caseId ?? item.caseIds[0] ?? trip.caseIds[0] ?? null;

/**
 * After a meeting: what was agreed and the follow-ups. The backend writes a timeline entry per
 * linked case and a task per follow-up, and updates the same ones when saved again; this dialog
 * then says where they went, with links to the cases.
 */
export function DebriefDialog({ trip, item, onClose }: { trip: TripRecord; item: AgendaItemView; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [revision, setRevision] = useState(item.revision);
  const [saved, setSaved] = useState<AgendaItemRecord | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const vocabulary = useVocabulary();
  const candidateIds = [...new Set([...item.caseIds, ...trip.caseIds, ...(item.debrief?.followUps.map((f) => f.caseId).filter((c): c is string => !!c) ?? [])])];
  const labels = useCaseLabels(candidateIds);
  const caseOptions = candidateIds
    .map((id) => labels.get(id))
    .filter((l): l is CaseLabel => !!l)
    .map((l) => ({ value: l.id, label: `${l.reference} ${l.title}` }));
  const fallback = item.caseIds[0] ?? trip.caseIds[0] ?? null;
  const fallbackLabel = fallback ? labels.get(fallback) : undefined;

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      agreed: item.debrief?.agreed ?? '',
      followUps: (item.debrief?.followUps ?? []).map((f) => ({ key: rowKey(), title: f.title, dueOn: f.dueOn, assignee: f.assignee, caseId: f.caseId })),
    },
    validate: (v) => {
      const result = DebriefInput.safeParse({ agendaItemId: item.id, revision, agreed: v.agreed, followUps: v.followUps.map(({ key: _k, ...f }) => f) });
      const errors: Record<string, string> = result.success ? {} : schemaErrors(t, result.error);
      // Caught here as well, so the message stands at the field before anything is sent.
      v.followUps.forEach((f, n) => {
        if (!targetCase(f, item, trip)) errors[`followUps.${n}.caseId`] ??= t('validation.followUpCase');
      });
      return errors;
    },
  });

  const save = useMutation({
    mutationFn: (v: Values) => api.agenda.debrief({ agendaItemId: item.id, revision, agreed: v.agreed, followUps: v.followUps.map(({ key: _k, ...f }) => f) }),
    onSuccess: async (record, values) => {
      setRevision(record.revision);
      setSaved(record);
      // What was saved is the new starting point: typing after it is unsaved work again.
      form.resetDirty(values);
      notifySuccess(t('trips.debrief.saved'));
      await queryClient.invalidateQueries({ predicate: (q) => ['trips', 'cases', 'tasks', 'activities', 'contacts'].includes(String(q.queryKey[0])) });
    },
    onError: (e) => {
      const fields = fieldErrors(t, e);
      if (Object.keys(fields).length) form.setErrors(fields);
      setFormError(e instanceof AppError && e.code === 'CONFLICT' ? t('errors.conflict') : describeError(t, e));
    },
  });

  const submit = form.onSubmit(
    (v) => {
      setFormError(null);
      save.mutate(v);
    },
    () => setFormError(t('errors.validation')),
  );

  const title = t('trips.debrief.title', { title: item.title });
  // Once saved, the dialog stays to say where the debrief went; closing it then loses only what was typed since.
  const { requestClose, confirmation, asking } = useCloseGuard(form.isDirty(), onClose);
  useReturnFocus();
  // Ctrl/Cmd+S saves the debrief, as its Save button does.
  const formRef = useRef<HTMLFormElement>(null);
  useSaveShortcut(
    formRef,
    useCallback(() => {
      if (!save.isPending) submit();
    }, [save.isPending, submit]),
  );

  return (
    <>
      <Modal opened onClose={requestClose} title={title} size="lg" closeOnEscape={!asking} returnFocus={false} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form ref={formRef} onSubmit={submit} noValidate onKeyDown={keepEnterInPickers} aria-label={title}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('trips.debrief.intro')}
            </Text>
            {formError ? (
              <Alert color="red" role="alert">
                {formError}
              </Alert>
            ) : null}
            {saved ? <Written record={saved} trip={trip} labels={labels} /> : null}
            <Textarea label={t('trips.debrief.agreed')} autosize minRows={3} maxRows={10} data-autofocus {...form.getInputProps('agreed')} />
            <Fieldset legend={t('trips.debrief.followUps')} variant="unstyled" className="trip-fieldset">
              <Stack gap="xs">
                {form.values.followUps.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('trips.debrief.noFollowUps')}
                  </Text>
                ) : null}
                {form.values.followUps.map((f, n) => (
                  <Fieldset key={f.key} legend={t('trips.debrief.followUpTitle', { n: n + 1 })} className="followup-row" p="xs">
                    <div className="followup-grid">
                      <TextInput label={t('trips.debrief.task')} withAsterisk className="followup-title" {...form.getInputProps(`followUps.${n}.title`)} />
                      <DateField
                        label={t('trips.debrief.dueOn')}
                        clearable
                        clearButtonProps={{ 'aria-label': t('common.clear') }}
                        {...form.getInputProps(`followUps.${n}.dueOn`)}
                      />
                      <Autocomplete label={t('trips.debrief.assignee')} data={vocabulary.data?.owners ?? []} {...form.getInputProps(`followUps.${n}.assignee`)} />
                      <Select
                        label={t('trips.debrief.case')}
                        className="followup-case"
                        data={caseOptions}
                        placeholder={fallbackLabel ? t('trips.debrief.caseDefault', { title: `${fallbackLabel.reference} ${fallbackLabel.title}` }) : t('trips.debrief.caseNone')}
                        clearable
                        clearButtonProps={{ 'aria-label': t('common.clear') }}
                        comboboxProps={{ withinPortal: true }}
                        {...form.getInputProps(`followUps.${n}.caseId`)}
                      />
                      <Tooltip label={t('trips.debrief.removeFollowUp', { n: n + 1 })}>
                        <ActionIcon variant="subtle" color="red" className="trip-row-remove" aria-label={t('trips.debrief.removeFollowUp', { n: n + 1 })} onClick={() => form.removeListItem('followUps', n)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </div>
                  </Fieldset>
                ))}
                <RowsFooter
                  addLabel={t('trips.debrief.addFollowUp')}
                  onAdd={() => form.insertListItem('followUps', { key: rowKey(), title: '', dueOn: null, assignee: '', caseId: null } satisfies FollowUpRow)}
                />
              </Stack>
            </Fieldset>
            <DialogFooter onCancel={requestClose} saving={save.isPending} submitLabel={t('trips.debrief.save')} cancelLabel={saved ? t('common.close') : t('common.cancel')} mt="xs" />
          </Stack>
        </form>
      </Modal>
      {confirmation}
    </>
  );
}

/** Where the saved debrief went: the timeline of each linked case, and the tasks per case. */
function Written({ record, trip, labels }: { record: AgendaItemRecord; trip: TripRecord; labels: Map<string, CaseLabel> }) {
  const { t } = useTranslation();
  const tasksByCase = new Map<string, number>();
  for (const f of record.debrief?.followUps ?? []) {
    const target = targetCase(f, record, trip);
    if (target) tasksByCase.set(target, (tasksByCase.get(target) ?? 0) + 1);
  }
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconCircleCheck size={18} />}
      title={
        <Text span fw={600} size="sm" c="var(--trips-ok-text)">
          {t('trips.debrief.written')}
        </Text>
      }
      role="status"
    >
      <List size="sm" spacing={2}>
        <List.Item>
          {record.caseIds.length ? (
            <>
              {t('trips.debrief.timelineOn')} <CaseLinks ids={record.caseIds} labels={labels} />
            </>
          ) : (
            t('trips.debrief.timelineWithoutCase')
          )}
        </List.Item>
        {[...tasksByCase.entries()].map(([caseId, count]) => {
          const label = labels.get(caseId);
          return (
            <List.Item key={caseId}>
              {t('trips.debrief.tasksOn', { count })} {label ? <CaseLink label={label} /> : caseId}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}

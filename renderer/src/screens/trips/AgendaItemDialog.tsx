import { Alert, Badge, Grid, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Editor } from '@tiptap/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyDoc } from '../../../../shared/domain/richtext';
import { AppError } from '../../../../shared/errors';
import { AgendaItemFields, AgendaItemFieldsShape, agendaKinds, type TripRecord } from '../../../../shared/features/trips/schema';
import { useApi } from '../../api/context';
import { useReturnFocus } from '../../app/focus';
import { DateField } from '../../components/form/DateField';
import { useCloseGuard } from '../../components/form/DiscardDialog';
import { defaultsOf, formValuesOf, type FormValuesOf } from '../../components/form/schemaValues';
import { useSaveShortcut } from '../../components/form/useSaveShortcut';
import { CasePicker, ContactPicker, OrganisationPicker } from '../../components/pickers';
import { describeError, fieldErrors, schemaErrors } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';
import { toRichDoc } from '../notes/normalise';
import type { AgendaItemView } from '../../../../shared/features/trips/contract';
import { zoneLabel } from '../../../../shared/features/trips/zones';
import { keepEnterInPickers } from './parts';
import { useLanguage } from '../../app/language';
import { TalkingPointsEditor } from './TalkingPointsEditor';
import { TimeField } from './TimeField';
import { DialogFooter } from '../../components/form/DialogFooter';

/** The item's fields the dialog takes as they are; the day and the zone may still be unchosen, the talking points live in their editor. */
const PlainFields = AgendaItemFieldsShape.omit({ tripId: true, date: true, timeZone: true, talkingPoints: true, debrief: true });

type Values = FormValuesOf<typeof PlainFields> & { date: string | null; timeZone: string | null };

interface Props {
  trip: TripRecord;
  /** The item to edit; null adds a new one. */
  item: AgendaItemView | null;
  /** The last day already planned, where a new item most likely goes. */
  lastDate?: string;
  onClose: () => void;
}

const fromItem = (item: AgendaItemView): Values => ({ ...formValuesOf(PlainFields, item), date: item.date, timeZone: item.timeZone });

/** Adds or edits one agenda item: when (local to one of the trip's zones), where, with whom, and what to say. */
export function AgendaItemDialog({ trip, item, lastDate, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const queryClient = useQueryClient();
  const editorRef = useRef<Editor | null>(null);
  const [pointsDirty, setPointsDirty] = useState(false);
  const [pointsError, setPointsError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const initialPoints = useMemo(() => item?.talkingPoints ?? emptyDoc(), [item]);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: item
      ? fromItem(item)
      : {
          ...defaultsOf(PlainFields),
          title: '',
          date: lastDate ?? trip.startDate,
          start: '09:00',
          end: '10:00',
          timeZone: trip.timeZones[0] ?? null,
        },
    validate: (v) => {
      const result = AgendaItemFields.safeParse({ ...v, tripId: trip.id, date: v.date ?? undefined, timeZone: v.timeZone ?? undefined, talkingPoints: emptyDoc() });
      return result.success ? {} : schemaErrors(t, result.error);
    },
  });
  const dirty = form.isDirty() || pointsDirty;
  const { requestClose, confirmation, asking } = useCloseGuard(dirty, onClose);
  useReturnFocus();

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const points = editorRef.current ? toRichDoc(editorRef.current.getJSON()) : ({ ok: true, doc: initialPoints } as const);
      if (!points.ok) throw new AppError('VALIDATION', 'The talking points cannot be stored.', { fields: { talkingPoints: { key: 'validation.invalid' } } });
      const fields = { ...v, date: v.date!, timeZone: v.timeZone!, talkingPoints: points.doc };
      return item ? api.agenda.update({ id: item.id, revision: item.revision, changes: fields }) : api.agenda.create({ ...fields, tripId: trip.id });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['trips'] });
      notifySuccess(item ? t('trips.agenda.saved') : t('trips.agenda.created'));
      onClose();
    },
    onError: (e) => {
      const fields = fieldErrors(t, e);
      if (fields.talkingPoints) setPointsError(fields.talkingPoints);
      if (Object.keys(fields).length) form.setErrors(fields);
      setFormError(e instanceof AppError && e.code === 'CONFLICT' ? t('errors.conflict') : describeError(t, e));
    },
  });

  const submit = form.onSubmit(
    (v) => {
      setFormError(null);
      setPointsError(null);
      save.mutate(v);
    },
    () => setFormError(t('errors.validation')),
  );

  // Ctrl/Cmd+S saves the item, as Create or Save does.
  const formRef = useRef<HTMLFormElement>(null);
  useSaveShortcut(
    formRef,
    useCallback(() => {
      if (!save.isPending) submit();
    }, [save.isPending, submit]),
  );

  const onEditor = useCallback((e: Editor | null) => {
    editorRef.current = e;
  }, []);

  const kindOptions = agendaKinds.map((k) => ({ value: k, label: t(`book.kinds.${k}`) }));
  const title = item ? t('trips.agenda.editTitle') : t('trips.agenda.newTitle');

  return (
    <>
      <Modal
        opened
        onClose={requestClose}
        title={title}
        size="xl"
        // Escape asks like Cancel when there is unsaved text (an open list or calendar takes its Escape first).
        closeOnEscape={!asking}
        closeOnClickOutside={!dirty}
        returnFocus={false}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form ref={formRef} onSubmit={submit} noValidate onKeyDown={keepEnterInPickers} aria-label={title}>
          {formError ? (
            <Alert color="red" mb="sm" role="alert">
              {formError}
            </Alert>
          ) : null}
          <Stack gap="sm">
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <TextInput label={t('trips.agenda.fields.title')} withAsterisk data-autofocus {...form.getInputProps('title')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Select label={t('trips.agenda.fields.kind')} data={kindOptions} allowDeselect={false} {...form.getInputProps('kind')} />
              </Grid.Col>
            </Grid>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              <DateField label={t('trips.agenda.fields.date')} withAsterisk {...form.getInputProps('date')} />
              <TimeField label={t('trips.agenda.fields.start')} withAsterisk {...form.getInputProps('start')} value={form.values.start} onChange={(v) => form.setFieldValue('start', v)} />
              <TimeField label={t('trips.agenda.fields.end')} withAsterisk {...form.getInputProps('end')} value={form.values.end} onChange={(v) => form.setFieldValue('end', v)} />
              <Select label={t('trips.agenda.fields.timeZone')} withAsterisk data={trip.timeZones.map((zone) => ({ value: zone, label: zoneLabel(zone, lang) }))} allowDeselect={false} {...form.getInputProps('timeZone')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('trips.agenda.fields.place')} {...form.getInputProps('place')} />
              <OrganisationPicker
                label={t('trips.agenda.fields.organisation')}
                placeholder={t('trips.agenda.fields.organisationPlaceholder')}
                value={form.values.organisationId ? [form.values.organisationId] : []}
                onChange={(ids) => form.setFieldValue('organisationId', ids[ids.length - 1] ?? null)}
                error={form.errors.organisationId}
              />
            </SimpleGrid>
            <ContactPicker
              label={t('trips.agenda.fields.counterparts')}
              placeholder={t('trips.agenda.fields.counterpartsPlaceholder')}
              multiple
              value={form.values.counterpartIds}
              onChange={(ids) => form.setFieldValue('counterpartIds', ids)}
              error={form.errors.counterpartIds}
            />
            <Textarea label={t('trips.agenda.fields.objectives')} autosize minRows={2} maxRows={6} {...form.getInputProps('objectives')} />
            <div>
              <Text size="sm" fw={500} mb={4} aria-hidden>
                {t('trips.agenda.fields.talkingPoints')}
              </Text>
              <TalkingPointsEditor initial={initialPoints} label={t('trips.agenda.fields.talkingPoints')} onEditor={onEditor} onDirtyChange={setPointsDirty} error={pointsError} />
            </div>
            <Textarea
              className="internal-field"
              label={
                <Group gap={6} component="span" className="internal-label">
                  <span>{t('trips.agenda.fields.preparation')}</span>
                  <Badge size="xs" color="grape" variant="light" leftSection={<IconLock size={10} aria-hidden />} component="span">
                    {t('trips.agenda.fields.internal')}
                  </Badge>
                </Group>
              }
              description={t('trips.agenda.fields.preparationHint')}
              autosize
              minRows={2}
              maxRows={8}
              {...form.getInputProps('preparation')}
            />
            <CasePicker
              label={t('trips.agenda.fields.cases')}
              placeholder={t('trips.agenda.fields.casesPlaceholder')}
              multiple
              value={form.values.caseIds}
              onChange={(ids) => form.setFieldValue('caseIds', ids)}
              error={form.errors.caseIds}
            />
            <DialogFooter onCancel={requestClose} saving={save.isPending} submitLabel={item ? t('common.save') : t('common.create')} mt="xs" />
          </Stack>
        </form>
      </Modal>
      {confirmation}
    </>
  );
}

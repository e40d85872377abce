/**
 * The cooperation editor: title and status, our institutes and the partners, the programme (or an
 * instrument in words), funder, volume and period, contact persons on both sides, linked cases,
 * trips and notes. The shared schema validates as the backend will; Ctrl/Cmd+S saves.
 */
import { Autocomplete, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMemo, useRef } from 'react';
import { CooperationFields, CooperationFieldsShape, cooperationStatuses, type CooperationRecord } from '../../../../shared/features/cooperations/schema';
import { useVocabulary } from '../../api/vocabulary';
import { RecordForm, submitOnModEnter, useFillForm, useRecordSave } from '../../components/form/RecordForm';
import { defaultsOf, formValuesOf, type FormValuesOf } from '../../components/form/schemaValues';
import { useEditedRecord } from '../../components/form/useEditedRecord';
import { CasePicker, ContactPicker, OrganisationPicker } from '../../components/pickers';
import { RecordFallback } from '../../components/RecordFallback';
import { TopicsInput } from '../../components/TopicsInput';
import { dateInputProps } from '../../lib/dateInput';
import { collapseLists, formErrorsOf, schemaErrors } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { PickerField } from '../organisations/parts';
import { NotePicker } from '../trips/NotePicker';
import { ProgrammePicker, TripPicker } from './parts';

type FormValues = FormValuesOf<typeof CooperationFieldsShape>;

const lists = ['topics', 'institutes', 'partners', 'ourContacts', 'partnerContacts', 'caseIds', 'tripIds', 'noteIds'];

const blank = (): FormValues => ({ ...defaultsOf(CooperationFieldsShape), title: '' });
const fromRecord = (c: CooperationRecord): FormValues => formValuesOf(CooperationFieldsShape, c);

export function CooperationEditor() {
  const { id, isNew, t, api, navigate, queryClient, existing } = useEditedRecord('cooperations', (api, id) => api.cooperations.get({ id }));
  const vocabulary = useVocabulary();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: blank(),
    validateInputOnBlur: true,
    validate: (values) => {
      const result = CooperationFields.safeParse(values);
      return collapseLists(result.success ? {} : schemaErrors(t, result.error), lists);
    },
  });
  const loaded = existing.data;
  useFillForm(form, loaded, fromRecord);

  const save = useRecordSave({
    form,
    save: async (values: FormValues) => {
      if (isNew) return api.cooperations.create(values);
      return api.cooperations.update({ id: id!, revision: loaded!.revision, changes: values });
    },
    onSaved: async (record) => {
      queryClient.setQueryData(['cooperations', 'get', record.id], record);
      // Programme counts and the vocabulary's topics change with a cooperation.
      await queryClient.invalidateQueries();
      notify({ message: isNew ? t('cooperations.created', { title: record.title }) : t('cooperations.saved'), color: 'teal' });
      navigate(`/cooperations/${record.id}`);
    },
    fieldErrors: (e) => collapseLists(formErrorsOf(t, e), lists),
    conflict: t('cooperations.conflict'),
    onInvalid: () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()),
  });
  const statusOptions = useMemo(() => cooperationStatuses.map((s) => ({ value: s, label: t(`cooperations.statuses.${s}`) })), [t]);

  if (!isNew && (existing.isPending || existing.isError)) return <RecordFallback query={existing} />;
  const ids = (field: (typeof lists)[number]) => ({
    value: form.values[field as 'institutes'],
    onChange: (next: string[]) => form.setFieldValue(field as 'institutes', next),
    error: form.errors[field],
    multiple: true,
  });

  return (
    <RecordForm
      ref={formRef}
      titleId="cooperation-form-title"
      title={isNew ? t('cooperations.new') : t('cooperations.edit')}
      isNew={isNew}
      save={save}
      dirty={form.isDirty()}
      onCancel={() => navigate(isNew ? '/cooperations' : `/cooperations/${id}`)}
    >
      <TextInput label={t('cooperations.fields.title')} withAsterisk autoFocus data-autofocus {...form.getInputProps('title')} />
      <Select label={t('cooperations.fields.status')} data={statusOptions} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('status')} />
      <PickerField>
        <OrganisationPicker label={t('cooperations.fields.institutes')} placeholder={t('cooperations.fields.institutesPlaceholder')} {...ids('institutes')} />
      </PickerField>
      <PickerField>
        <OrganisationPicker
          label={t('cooperations.fields.partners')}
          placeholder={t('cooperations.fields.partnersPlaceholder')}
          description={t('cooperations.fields.partnersHint')}
          {...ids('partners')}
        />
      </PickerField>
      <TopicsInput label={t('cooperations.fields.topics')} placeholder={t('cooperations.fields.topicsPlaceholder')} data={vocabulary.data?.topics ?? []} {...form.getInputProps('topics')} />
      <PickerField>
        <ProgrammePicker
          label={t('cooperations.fields.programme')}
          placeholder={t('cooperations.fields.programmePlaceholder')}
          value={form.values.programmeId ? [form.values.programmeId] : []}
          onChange={(next) => form.setFieldValue('programmeId', next[next.length - 1] ?? null)}
          error={form.errors.programmeId}
        />
      </PickerField>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Autocomplete
          label={t('cooperations.fields.instrument')}
          description={t('cooperations.fields.instrumentHint')}
          data={vocabulary.data?.fundingInstruments ?? []}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('instrument')}
        />
        <TextInput label={t('cooperations.fields.funder')} {...form.getInputProps('funder')} />
        <NumberInput
          label={t('cooperations.fields.volume')}
          min={0}
          step={1000}
          allowNegative={false}
          {...form.getInputProps('volume')}
          value={form.values.volume ?? ''}
          onChange={(v) => form.setFieldValue('volume', typeof v === 'number' ? v : v === '' ? null : Number(v))}
        />
        <DateInput label={t('cooperations.fields.start')} clearable {...dateInputProps} {...form.getInputProps('start')} />
        <DateInput label={t('cooperations.fields.end')} clearable {...dateInputProps} {...form.getInputProps('end')} />
      </SimpleGrid>
      <PickerField>
        <ContactPicker label={t('cooperations.fields.ourContacts')} placeholder={t('cooperations.fields.contactsPlaceholder')} {...ids('ourContacts')} />
      </PickerField>
      <PickerField>
        <ContactPicker label={t('cooperations.fields.partnerContacts')} placeholder={t('cooperations.fields.contactsPlaceholder')} {...ids('partnerContacts')} />
      </PickerField>
      <PickerField>
        <CasePicker label={t('cooperations.fields.cases')} placeholder={t('cooperations.fields.casesPlaceholder')} {...ids('caseIds')} />
      </PickerField>
      <PickerField>
        <TripPicker label={t('cooperations.fields.trips')} placeholder={t('cooperations.fields.tripsPlaceholder')} {...ids('tripIds')} />
      </PickerField>
      <PickerField>
        <NotePicker label={t('cooperations.fields.notes')} placeholder={t('cooperations.fields.notesPlaceholder')} {...ids('noteIds')} />
      </PickerField>
      <Textarea label={t('cooperations.fields.text')} autosize minRows={3} maxRows={14} {...form.getInputProps('notes')} onKeyDown={submitOnModEnter(save.submit)} />
    </RecordForm>
  );
}

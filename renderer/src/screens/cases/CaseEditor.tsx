import { Autocomplete, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { CaseCreateInput, CaseFields, CaseFieldsShape, casePriorities, caseStatuses, type CaseRecord } from '../../../../shared/features/cases/schema';
import { classifications } from '../../../../shared/schemas/classification';
import { useVocabulary } from '../../api/vocabulary';
import { CountryPicker } from '../../components/CountryPicker';
import { useEditedRecord } from '../../components/form/useEditedRecord';
import { RecordForm, submitOnModEnter, useFillForm, useRecordSave } from '../../components/form/RecordForm';
import { defaultsOf, formValuesOf, type FormValuesOf } from '../../components/form/schemaValues';
import { ContactPicker, OrganisationPicker } from '../../components/pickers';
import { RecordFallback } from '../../components/RecordFallback';
import { TopicsInput } from '../../components/TopicsInput';
import { dateInputProps, parseDate } from '../../lib/dateInput';
import { byField, formErrorsOf, schemaErrors } from '../../lib/errors';
import { todayIso } from '../../lib/format';
import { notify } from '../../lib/notify';
import { ProgrammePicker } from '../cooperations/parts';

type FormValues = FormValuesOf<typeof CaseFieldsShape>;

/** A new case: the create schema's defaults, opened today, its reference suggested by the backend. */
const blank = (): FormValues => ({ ...defaultsOf(CaseCreateInput), title: '', reference: '', openedOn: todayIso() });

const fromRecord = (c: CaseRecord): FormValues => formValuesOf(CaseFieldsShape, c);

export function CaseEditor() {
  const { id, isNew, t, api, navigate, queryClient, existing } = useEditedRecord('cases', (api, id) => api.cases.get({ id }));
  const vocabulary = useVocabulary();
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: blank(),
    validateInputOnBlur: true,
    validate: (values) => {
      const result = (isNew ? CaseCreateInput : CaseFields).safeParse(values);
      return result.success ? {} : byField(schemaErrors(t, result.error));
    },
  });
  const nextReference = useQuery({
    queryKey: ['cases', 'nextReference', form.values.openedOn],
    queryFn: () => api.cases.nextReference({ openedOn: parseDate(form.values.openedOn) ?? undefined }),
    enabled: isNew,
  });

  const loaded = existing.data;
  useFillForm(form, loaded, fromRecord);

  const save = useRecordSave({
    form,
    save: async (values: FormValues) => {
      if (isNew) return api.cases.create(values);
      return api.cases.update({ id: id!, revision: loaded!.revision, changes: values });
    },
    onSaved: async (record) => {
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      queryClient.setQueryData(['cases', 'get', record.id], record);
      notify({ message: isNew ? t('cases.created', { reference: record.reference }) : t('cases.saved'), color: 'teal' });
      navigate(`/cases/${record.id}`);
    },
    fieldErrors: (e) => byField(formErrorsOf(t, e)),
    conflict: t('cases.conflict'),
  });

  const statusOptions = useMemo(() => caseStatuses.map((s) => ({ value: s, label: t(`cases.status.${s}`) })), [t]);
  const priorityOptions = useMemo(() => casePriorities.map((p) => ({ value: p, label: t(`cases.priority.${p}`) })), [t]);
  const classificationOptions = useMemo(() => classifications.map((c) => ({ value: c, label: t(`book.classification.${c}`) })), [t]);

  if (!isNew && (existing.isPending || existing.isError)) return <RecordFallback query={existing} />;

  return (
    <RecordForm
      titleId="case-form-title"
      title={isNew ? t('cases.new') : t('cases.edit')}
      isNew={isNew}
      save={save}
      dirty={form.isDirty()}
      onCancel={() => navigate(isNew ? '/cases' : `/cases/${id}`)}
    >
      <TextInput label={t('cases.fields.title')} withAsterisk data-autofocus autoFocus {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('cases.fields.reference')}
          description={t('cases.fields.referenceHint')}
          placeholder={isNew ? nextReference.data?.reference : undefined}
          {...form.getInputProps('reference')}
        />
        <OrganisationPicker
          label={t('cases.fields.clientOrganisation')}
          placeholder={t('cases.fields.clientOrganisationPlaceholder')}
          value={form.values.clientId ? [form.values.clientId] : []}
          onChange={(ids) => form.setFieldValue('clientId', ids[ids.length - 1] ?? null)}
          error={form.errors.clientId}
        />
      </SimpleGrid>
      {form.values.clientId ? null : (
        <Autocomplete
          label={t('cases.fields.client')}
          description={t('cases.fields.clientHint')}
          data={vocabulary.data?.clients ?? []}
          {...form.getInputProps('client')}
        />
      )}
      <ContactPicker
        label={t('cases.fields.clientContacts')}
        placeholder={t('cases.fields.peoplePlaceholder')}
        multiple
        value={form.values.clientContactIds}
        onChange={(ids) => form.setFieldValue('clientContactIds', ids)}
        error={form.errors.clientContactIds}
      />
      <OrganisationPicker
        label={t('cases.fields.partners')}
        placeholder={t('cases.fields.clientOrganisationPlaceholder')}
        multiple
        value={form.values.partnerOrganisationIds}
        onChange={(ids) => form.setFieldValue('partnerOrganisationIds', ids)}
        error={form.errors.partnerOrganisationIds}
      />
      <CountryPicker
        label={t('cases.fields.countries')}
        placeholder={t('cases.fields.countriesPlaceholder')}
        value={form.values.countries}
        onChange={(v) => form.setFieldValue('countries', v)}
        error={form.errors.countries}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TopicsInput
          label={t('cases.fields.topics')}
          placeholder={t('cases.fields.topicsPlaceholder')}
          data={vocabulary.data?.topics ?? []}
          {...form.getInputProps('topics')}
        />
        <TopicsInput
          label={t('cases.fields.fundingInstruments')}
          placeholder={t('cases.fields.topicsPlaceholder')}
          data={vocabulary.data?.fundingInstruments ?? []}
          {...form.getInputProps('fundingInstruments')}
        />
      </SimpleGrid>
      <ProgrammePicker
        label={t('cases.fields.programme')}
        placeholder={t('cases.fields.programmePlaceholder')}
        value={form.values.programmeId ? [form.values.programmeId] : []}
        onChange={(next) => form.setFieldValue('programmeId', next[next.length - 1] ?? null)}
        error={form.errors.programmeId}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select label={t('cases.fields.status')} data={statusOptions} allowDeselect={false} {...form.getInputProps('status')} />
        <Select label={t('cases.fields.priority')} data={priorityOptions} allowDeselect={false} {...form.getInputProps('priority')} />
        <Autocomplete label={t('cases.fields.owner')} data={vocabulary.data?.owners ?? []} {...form.getInputProps('owner')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateInput label={t('cases.fields.openedOn')} withAsterisk {...dateInputProps} {...form.getInputProps('openedOn')} />
        <DateInput
          label={t('cases.fields.dueOn')}
          {...dateInputProps}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          {...form.getInputProps('dueOn')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('cases.fields.classification')}
          description={t('cases.fields.classificationHint')}
          data={classificationOptions}
          allowDeselect={false}
          {...form.getInputProps('classification')}
        />
      </SimpleGrid>
      <Textarea
        label={t('cases.fields.summary')}
        autosize
        minRows={5}
        maxRows={16}
        {...form.getInputProps('summary')}
        onKeyDown={submitOnModEnter(save.submit)}
      />
    </RecordForm>
  );
}

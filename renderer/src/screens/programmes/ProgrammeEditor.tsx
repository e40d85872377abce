/**
 * The programme editor: name, funder, countries and regions, topics, deadline, where it is
 * published (kept as text) and notes. The shared schema validates as the backend will.
 */
import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { ProgrammeFields, type ProgrammeRecord } from '../../../../shared/features/programmes/schema';
import { useVocabulary } from '../../api/vocabulary';
import { CountryPicker } from '../../components/CountryPicker';
import { RecordForm, submitOnModEnter, useFillForm, useRecordSave } from '../../components/form/RecordForm';
import { defaultsOf, formValuesOf, type FormValuesOf } from '../../components/form/schemaValues';
import { useEditedRecord } from '../../components/form/useEditedRecord';
import { RecordFallback } from '../../components/RecordFallback';
import { RegionPicker } from '../../components/RegionPicker';
import { TopicsInput } from '../../components/TopicsInput';
import { dateInputProps } from '../../lib/dateInput';
import { collapseLists, formErrorsOf, schemaErrors } from '../../lib/errors';
import { notify } from '../../lib/notify';

type FormValues = FormValuesOf<typeof ProgrammeFields>;
const lists = ['countries', 'regions', 'topics'];

const blank = (): FormValues => ({ ...defaultsOf(ProgrammeFields), name: '' });
const fromRecord = (p: ProgrammeRecord): FormValues => formValuesOf(ProgrammeFields, p);

export function ProgrammeEditor() {
  const { id, isNew, t, api, navigate, queryClient, existing } = useEditedRecord('programmes', (api, id) => api.programmes.get({ id }));
  const vocabulary = useVocabulary();
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: blank(),
    validateInputOnBlur: true,
    validate: (values) => {
      const result = ProgrammeFields.safeParse(values);
      return collapseLists(result.success ? {} : schemaErrors(t, result.error), lists);
    },
  });
  const loaded = existing.data;
  useFillForm(form, loaded, fromRecord);

  const save = useRecordSave({
    form,
    save: async (values: FormValues) => {
      if (isNew) return api.programmes.create(values);
      return api.programmes.update({ id: id!, revision: loaded!.revision, changes: values });
    },
    onSaved: async (record) => {
      queryClient.setQueryData(['programmes', 'get', record.id], record);
      // Cooperation rows name their programme; pickers list programmes.
      await queryClient.invalidateQueries();
      notify({ message: isNew ? t('programmes.created', { name: record.name }) : t('programmes.saved'), color: 'teal' });
      navigate(`/programmes/${record.id}`);
    },
    fieldErrors: (e) => collapseLists(formErrorsOf(t, e), lists),
    conflict: t('programmes.conflict'),
  });

  if (!isNew && (existing.isPending || existing.isError)) return <RecordFallback query={existing} />;

  return (
    <RecordForm
      titleId="programme-form-title"
      title={isNew ? t('programmes.new') : t('programmes.edit')}
      isNew={isNew}
      save={save}
      dirty={form.isDirty()}
      onCancel={() => navigate(isNew ? '/programmes' : `/programmes/${id}`)}
    >
      <TextInput label={t('programmes.fields.name')} withAsterisk autoFocus data-autofocus {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('programmes.fields.funder')} {...form.getInputProps('funder')} />
        <DateInput label={t('programmes.fields.deadline')} description={t('programmes.fields.deadlineHint')} clearable {...dateInputProps} {...form.getInputProps('deadline')} />
      </SimpleGrid>
      <CountryPicker
        label={t('programmes.fields.countries')}
        placeholder={t('programmes.fields.countriesPlaceholder')}
        value={form.values.countries}
        onChange={(v) => form.setFieldValue('countries', v)}
        error={form.errors.countries}
      />
      <RegionPicker
        label={t('programmes.fields.regions')}
        placeholder={t('programmes.fields.regionsPlaceholder')}
        value={form.values.regions}
        onChange={(v) => form.setFieldValue('regions', v)}
        error={form.errors.regions}
      />
      <TopicsInput label={t('programmes.fields.topics')} placeholder={t('programmes.fields.topicsPlaceholder')} data={vocabulary.data?.topics ?? []} {...form.getInputProps('topics')} />
      <TextInput label={t('programmes.fields.link')} description={t('programmes.fields.linkHint')} {...form.getInputProps('link')} />
      <Textarea label={t('programmes.fields.notes')} autosize minRows={3} maxRows={14} {...form.getInputProps('notes')} onKeyDown={submitOnModEnter(save.submit)} />
    </RecordForm>
  );
}

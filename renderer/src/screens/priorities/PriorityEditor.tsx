/**
 * The priority editor: title, a country or a region (one of the two), level, period, goals (one a
 * line), topics and the strategy notes that set it. The shared schema validates as the backend will.
 */
import { MultiSelect, SegmentedControl, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { regionOptions } from '../../../../shared/features/countries/regions';
import { PriorityFields, type PriorityRecord } from '../../../../shared/features/priorities/schema';
import { useVocabulary } from '../../api/vocabulary';
import { useLanguage } from '../../app/language';
import { RecordForm, useFillForm, useRecordSave } from '../../components/form/RecordForm';
import { useEditedRecord } from '../../components/form/useEditedRecord';
import { RecordFallback } from '../../components/RecordFallback';
import { TopicsInput } from '../../components/TopicsInput';
import { dateInputProps } from '../../lib/dateInput';
import { collapseLists, formErrorsOf, schemaErrors } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { CountrySelect } from '../organisations/parts';

interface FormValues {
  title: string;
  placeKind: 'country' | 'region';
  country: string | null;
  region: string | null;
  level: '1' | '2' | '3';
  start: string | null;
  end: string | null;
  goals: string;
  topics: string[];
  noteIds: string[];
}
const lists = ['goals', 'topics', 'noteIds'];

const blank = (): FormValues => ({ title: '', placeKind: 'country', country: null, region: null, level: '2', start: null, end: null, goals: '', topics: [], noteIds: [] });
const fromRecord = (p: PriorityRecord): FormValues => ({
  title: p.title,
  placeKind: p.region ? 'region' : 'country',
  country: p.country,
  region: p.region,
  level: String(p.level) as FormValues['level'],
  start: p.start,
  end: p.end,
  goals: p.goals.join('\n'),
  topics: p.topics,
  noteIds: p.noteIds,
});
/** The record's fields from the form: the place not chosen is cleared, goals one a line. */
const toFields = (v: FormValues) => ({
  title: v.title,
  country: v.placeKind === 'country' ? v.country : null,
  region: v.placeKind === 'region' ? v.region : null,
  level: Number(v.level) as 1 | 2 | 3,
  start: v.start || null,
  end: v.end || null,
  goals: v.goals.split('\n').map((g) => g.trim()).filter(Boolean),
  topics: v.topics,
  noteIds: v.noteIds,
});

export function PriorityEditor() {
  const { id, isNew, t, api, navigate, queryClient, existing } = useEditedRecord('priorities', (api, id) => api.priorities.get({ id }));
  const lang = useLanguage();
  const vocabulary = useVocabulary();
  const notes = useQuery({ queryKey: ['notes', 'list', 'picker'], queryFn: () => api.notes.list({ limit: 1000 }) });
  const noteOptions = useMemo(() => (notes.data?.rows ?? []).map((n) => ({ value: n.id, label: n.title })), [notes.data]);
  const regions = useMemo(() => regionOptions(lang).map((r) => ({ value: r.code, label: `${'  '.repeat(r.depth - 1)}${r.name}` })), [lang]);
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: blank(),
    validateInputOnBlur: true,
    validate: (values) => {
      const result = PriorityFields.safeParse(toFields(values));
      const errors = collapseLists(result.success ? {} : schemaErrors(t, result.error), lists);
      return values.placeKind === 'region' && errors.country ? { ...errors, region: errors.country } : errors;
    },
  });
  const loaded = existing.data;
  useFillForm(form, loaded, fromRecord);

  const save = useRecordSave({
    form,
    save: async (values: FormValues) => {
      const fields = toFields(values);
      if (isNew) return api.priorities.create(fields);
      return api.priorities.update({ id: id!, revision: loaded!.revision, changes: fields });
    },
    onSaved: async (record) => {
      queryClient.setQueryData(['priorities', 'get', record.id], record);
      // The country screens show priorities.
      await queryClient.invalidateQueries();
      notify({ message: isNew ? t('priorities.created', { title: record.title }) : t('priorities.saved'), color: 'teal' });
      navigate(`/priorities/${record.id}`);
    },
    fieldErrors: (e) => collapseLists(formErrorsOf(t, e), lists),
    conflict: t('priorities.conflict'),
  });

  if (!isNew && (existing.isPending || existing.isError)) return <RecordFallback query={existing} />;

  return (
    <RecordForm
      titleId="priority-form-title"
      title={isNew ? t('priorities.new') : t('priorities.edit')}
      isNew={isNew}
      save={save}
      dirty={form.isDirty()}
      onCancel={() => navigate(isNew ? '/priorities' : `/priorities/${id}`)}
    >
      <TextInput label={t('priorities.fields.title')} description={t('priorities.fields.titleHint')} withAsterisk autoFocus data-autofocus {...form.getInputProps('title')} />
      <SegmentedControl
        aria-label={t('priorities.fields.placeKind')}
        data={[
          { value: 'country', label: t('priorities.placeKind.country') },
          { value: 'region', label: t('priorities.placeKind.region') },
        ]}
        {...form.getInputProps('placeKind')}
      />
      {form.values.placeKind === 'country' ? (
        <CountrySelect label={t('priorities.fields.country')} value={form.values.country} onChange={(v) => form.setFieldValue('country', v)} error={form.errors.country} />
      ) : (
        <Select label={t('priorities.fields.region')} data={regions} searchable comboboxProps={{ withinPortal: true }} {...form.getInputProps('region')} />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t('priorities.fields.level')}
          data={(['1', '2', '3'] as const).map((l) => ({ value: l, label: t(`priorities.levels.${l}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('level')}
        />
        <DateInput label={t('priorities.fields.start')} clearable {...dateInputProps} {...form.getInputProps('start')} />
        <DateInput label={t('priorities.fields.end')} clearable {...dateInputProps} {...form.getInputProps('end')} />
      </SimpleGrid>
      <Textarea label={t('priorities.fields.goals')} description={t('priorities.fields.goalsHint')} autosize minRows={3} maxRows={12} {...form.getInputProps('goals')} />
      <TopicsInput label={t('priorities.fields.topics')} placeholder={t('priorities.fields.topicsPlaceholder')} data={vocabulary.data?.topics ?? []} {...form.getInputProps('topics')} />
      <MultiSelect
        label={t('priorities.fields.notes')}
        placeholder={t('priorities.fields.notesPlaceholder')}
        data={noteOptions}
        searchable
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('noteIds')}
      />
    </RecordForm>
  );
}

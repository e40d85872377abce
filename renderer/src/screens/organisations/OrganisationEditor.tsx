import { Autocomplete, Button, Group, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { OrganisationFields, organisationKinds, type OrganisationRecord } from '../../../../shared/features/organisations/schema';
import { useVocabulary } from '../../api/vocabulary';
import { useEditedRecord } from '../../components/form/useEditedRecord';
import { RecordForm, submitOnModEnter, useFillForm, useRecordSave } from '../../components/form/RecordForm';
import { defaultsOf, formValuesOf, type FormValuesOf } from '../../components/form/schemaValues';
import { OrganisationPicker } from '../../components/pickers';
import { RecordFallback } from '../../components/RecordFallback';
import { TopicsInput } from '../../components/TopicsInput';
import { collapseLists, formErrorsOf, schemaErrors } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { CountrySelect, PickerField } from './parts';
import { GroupPicker } from '../cooperations/parts';
import { GroupDialog } from './GroupDialogs';

type FormValues = FormValuesOf<typeof OrganisationFields>;

/** A new organisation: the schema's defaults, but most new records are research institutes. */
const blank = (): FormValues => ({ ...defaultsOf(OrganisationFields), name: '', kind: 'researchInstitute' });

const fromRecord = (o: OrganisationRecord): FormValues => formValuesOf(OrganisationFields, o);

export function OrganisationEditor() {
  const { id, isNew, t, api, navigate, queryClient, existing } = useEditedRecord('organisations', (api, id) => api.organisations.get({ id }));
  const vocabulary = useVocabulary();
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: blank(),
    validateInputOnBlur: true,
    validate: (values) => {
      const result = OrganisationFields.safeParse(values);
      const errors: Record<string, string> = result.success ? {} : schemaErrors(t, result.error);
      // The backend refuses any cycle; the direct one is clear enough to say before saving.
      if (id && values.parentId === id) errors.parentId = t('validation.parentCycle');
      return collapseLists(errors, ['topics', 'groupIds']);
    },
  });

  const loaded = existing.data;
  useFillForm(form, loaded, fromRecord);

  const save = useRecordSave({
    form,
    save: async (values: FormValues) => {
      if (isNew) return api.organisations.create(values);
      return api.organisations.update({ id: id!, revision: loaded!.revision, changes: values });
    },
    onSaved: async (record) => {
      // People lists show organisation names, pickers list them, the vocabulary has their topics.
      await queryClient.invalidateQueries();
      queryClient.setQueryData(['organisations', 'get', record.id], record);
      notify({ message: isNew ? t('organisations.created', { name: record.name }) : t('organisations.saved'), color: 'teal' });
      navigate(`/organisations/${record.id}`);
    },
    fieldErrors: (e) => collapseLists(formErrorsOf(t, e), ['topics', 'groupIds']),
    conflict: t('organisations.conflict'),
  });

  const [newGroup, setNewGroup] = useState(false);
  const kindOptions = useMemo(() => organisationKinds.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) })), [t]);

  if (!isNew && (existing.isPending || existing.isError)) return <RecordFallback query={existing} />;

  return (
    <RecordForm
      titleId="organisation-form-title"
      title={isNew ? t('organisations.new') : t('organisations.edit')}
      isNew={isNew}
      save={save}
      dirty={form.isDirty()}
      onCancel={() => navigate(isNew ? '/organisations' : `/organisations/${id}`)}
    >
      <TextInput label={t('organisations.fields.name')} withAsterisk autoFocus {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('organisations.fields.shortName')} placeholder={t('organisations.fields.shortNameHint')} {...form.getInputProps('shortName')} />
        <Select label={t('organisations.fields.kind')} data={kindOptions} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('kind')} />
        <CountrySelect
          label={t('organisations.fields.country')}
          placeholder={t('organisations.fields.countryPlaceholder')}
          value={form.values.country}
          onChange={(v) => form.setFieldValue('country', v)}
          error={form.errors.country}
        />
        <TextInput label={t('organisations.fields.city')} {...form.getInputProps('city')} />
      </SimpleGrid>
      <TextInput label={t('organisations.fields.website')} placeholder={t('organisations.fields.websitePlaceholder')} type="url" {...form.getInputProps('website')} />
      <Autocomplete
        label={t('organisations.fields.owner')}
        description={t('organisations.fields.ownerHint')}
        data={vocabulary.data?.owners ?? []}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('owner')}
      />
      <TopicsInput
        label={t('organisations.fields.topics')}
        placeholder={t('organisations.fields.topicsPlaceholder')}
        data={vocabulary.data?.topics ?? []}
        {...form.getInputProps('topics')}
      />
      <PickerField>
        <OrganisationPicker
          label={t('organisations.fields.parent')}
          placeholder={t('organisations.fields.parentPlaceholder')}
          description={t('organisations.fields.parentHint')}
          value={form.values.parentId ? [form.values.parentId] : []}
          onChange={(ids) => form.setFieldValue('parentId', ids[ids.length - 1] ?? null)}
          error={form.errors.parentId}
        />
      </PickerField>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <div style={{ flex: 1, minWidth: 0 }}>
          <PickerField>
            <GroupPicker
              label={t('organisations.fields.groupIds')}
              placeholder={t('organisations.fields.groupIdsPlaceholder')}
              description={t('organisations.fields.groupIdsHint')}
              multiple
              value={form.values.groupIds}
              onChange={(ids) => form.setFieldValue('groupIds', ids)}
              error={form.errors.groupIds}
            />
          </PickerField>
        </div>
        <Button variant="default" onClick={() => setNewGroup(true)} aria-haspopup="dialog">
          {t('groups.new')}
        </Button>
      </Group>
      {newGroup ? <GroupDialog onClose={() => setNewGroup(false)} onSaved={(g) => form.setFieldValue('groupIds', [...form.values.groupIds, g.id])} /> : null}
      <Textarea
        label={t('organisations.fields.notes')}
        autosize
        minRows={4}
        maxRows={16}
        {...form.getInputProps('notes')}
        onKeyDown={submitOnModEnter(save.submit)}
      />
    </RecordForm>
  );
}

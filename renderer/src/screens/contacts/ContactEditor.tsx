import { Autocomplete, Fieldset, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { IsoDate } from '../../../../shared/schemas/common';
import { ContactFields, displayName, lawfulBases } from '../../../../shared/features/contacts/schema';
import { useVocabulary } from '../../api/vocabulary';
import { useEditedRecord } from '../../components/form/useEditedRecord';
import { RecordForm, submitOnModEnter, useFillForm, useRecordSave } from '../../components/form/RecordForm';
import { OrganisationPicker } from '../../components/pickers';
import { RecordFallback } from '../../components/RecordFallback';
import { TopicsInput } from '../../components/TopicsInput';
import { dateInputProps } from '../../lib/dateInput';
import { collapseLists, formErrorsOf, schemaErrors } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { CountrySelect, PickerField } from '../organisations/parts';
import { blankContact, contactFromRecord, type ContactFormValues } from './contactForm';
import { ReachRows } from './ReachRows';
import { useLanguageOptions } from './languages';

/**
 * Rows the user added but left empty are dropped before saving; `index` maps a saved row back to
 * its row in the form, so messages land next to the right field.
 */
function withoutBlankRows(values: ContactFormValues) {
  const emails = values.emails.map((e, i) => ({ e, i })).filter(({ e }) => e.address.trim() !== '');
  const phones = values.phones.map((p, i) => ({ p, i })).filter(({ p }) => p.number.trim() !== '');
  const { position: _position, ...contact } = values;
  const index: Record<string, number[]> = { emails: emails.map((x) => x.i), phones: phones.map((x) => x.i) };
  const toFormPath = (path: string) => path.replace(/^(emails|phones)\.(\d+)/, (whole, list: string, n: string) => `${list}.${index[list]?.[Number(n)] ?? n}`);
  return { contact: { ...contact, emails: emails.map((x) => x.e), phones: phones.map((x) => x.p) }, toFormPath };
}

const remap = (errors: Record<string, string>, toFormPath: (p: string) => string) =>
  Object.fromEntries(Object.entries(errors).map(([path, message]) => [toFormPath(path), message]));

export function ContactEditor() {
  const { id, isNew, t, api, navigate, queryClient, existing } = useEditedRecord('contacts', (api, id) => api.contacts.get({ id }));
  const vocabulary = useVocabulary();

  const form = useForm<ContactFormValues>({
    mode: 'controlled',
    initialValues: blankContact(),
    validateInputOnBlur: true,
    validate: (values) => {
      const { contact, toFormPath } = withoutBlankRows(values);
      const result = ContactFields.safeParse(contact);
      const errors: Record<string, string> = result.success ? {} : remap(schemaErrors(t, result.error), toFormPath);
      const p = values.position;
      if (isNew && (p.organisationId || p.role.trim() || p.from)) {
        if (!p.organisationId) errors['position.organisationId'] = t('contacts.positions.orgRequired');
        if (!p.role.trim()) errors['position.role'] = t('validation.required');
        if (p.from && !IsoDate.safeParse(p.from).success) errors['position.from'] = t('validation.invalidDate');
      }
      return collapseLists(errors, ['languages', 'expertise']);
    },
  });

  const loaded = existing.data;
  useFillForm(form, loaded, contactFromRecord);

  const languageOptions = useLanguageOptions(form.values.languages);
  const basisOptions = useMemo(() => lawfulBases.map((b) => ({ value: b, label: t(`contacts.gdpr.bases.${b}`) })), [t]);

  const save = useRecordSave({
    form,
    save: async (values: ContactFormValues) => {
      const { contact } = withoutBlankRows(values);
      if (isNew) {
        const p = values.position;
        const positions = p.organisationId ? [{ organisationId: p.organisationId, role: p.role, from: p.from, to: null }] : [];
        return api.contacts.create({ contact, positions });
      }
      return api.contacts.update({ id: id!, revision: loaded!.revision, changes: contact });
    },
    onSaved: async (record) => {
      // Lists, counts on organisations, pickers and the topic vocabulary all change with a person.
      await queryClient.invalidateQueries();
      queryClient.setQueryData(['contacts', 'get', record.id], record);
      notify({ message: isNew ? t('contacts.created', { name: displayName(record) }) : t('contacts.saved'), color: 'teal' });
      navigate(`/contacts/${record.id}`);
    },
    fieldErrors: (e, values) => {
      const { toFormPath } = withoutBlankRows(values);
      return collapseLists(remap(formErrorsOf(t, e, { 'positions.0': 'position', positions: 'position.organisationId' }), toFormPath), ['languages', 'expertise']);
    },
    conflict: t('contacts.conflict'),
  });

  if (!isNew && (existing.isPending || existing.isError)) return <RecordFallback query={existing} />;

  const consentRequired = form.values.gdpr.lawfulBasis === 'consent';

  return (
    <RecordForm
      titleId="contact-form-title"
      title={isNew ? t('contacts.new') : t('contacts.edit')}
      isNew={isNew}
      save={save}
      dirty={form.isDirty()}
      onCancel={() => navigate(isNew ? '/contacts' : `/contacts/${id}`)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('contacts.fields.honorific')} placeholder={t('contacts.fields.honorificPlaceholder')} autoFocus {...form.getInputProps('honorific')} />
        <TextInput label={t('contacts.fields.academicTitle')} placeholder={t('contacts.fields.academicTitlePlaceholder')} {...form.getInputProps('academicTitle')} />
        <TextInput label={t('contacts.fields.givenName')} {...form.getInputProps('givenName')} />
        <TextInput label={t('contacts.fields.familyName')} withAsterisk {...form.getInputProps('familyName')} />
        <TextInput label={t('contacts.fields.nativeName')} placeholder={t('contacts.fields.nativeNamePlaceholder')} dir="auto" {...form.getInputProps('nativeName')} />
        <TextInput label={t('contacts.fields.transliteration')} placeholder={t('contacts.fields.transliterationPlaceholder')} {...form.getInputProps('transliteration')} />
      </SimpleGrid>

      {isNew ? (
        <Fieldset legend={t('contacts.positions.first')} variant="filled" p="sm">
          <Text size="xs" c="dimmed" mb="xs">
            {t('contacts.positions.firstHint')}
          </Text>
          <Stack gap="sm">
            <PickerField>
              <OrganisationPicker
                label={t('contacts.positions.organisation')}
                placeholder={t('contacts.positions.organisationPlaceholder')}
                value={form.values.position.organisationId ? [form.values.position.organisationId] : []}
                onChange={(ids) => form.setFieldValue('position.organisationId', ids[ids.length - 1] ?? null)}
                error={form.errors['position.organisationId']}
              />
            </PickerField>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('contacts.positions.role')} placeholder={t('contacts.positions.rolePlaceholder')} {...form.getInputProps('position.role')} />
              <DateInput
                label={t('contacts.positions.from')}
                clearable
                clearButtonProps={{ 'aria-label': t('common.clear') }}
                {...dateInputProps}
                {...form.getInputProps('position.from')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
      ) : null}

      <CountrySelect
        label={t('contacts.fields.country')}
        description={t('contacts.fields.countryHint')}
        placeholder={t('contacts.fields.countryPlaceholder')}
        value={form.values.country}
        onChange={(v) => form.setFieldValue('country', v)}
        error={form.errors.country}
      />

      <ReachRows form={form} />

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <MultiSelect
          label={t('contacts.fields.languages')}
          placeholder={t('contacts.fields.languagesPlaceholder')}
          data={languageOptions}
          searchable
          clearable
          hidePickedOptions
          maxDropdownHeight={240}
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('languages')}
        />
        <TopicsInput
          label={t('contacts.fields.expertise')}
          placeholder={t('contacts.fields.expertisePlaceholder')}
          data={vocabulary.data?.topics ?? []}
          {...form.getInputProps('expertise')}
        />
      </SimpleGrid>

      <Autocomplete
        label={t('contacts.fields.owner')}
        description={t('contacts.fields.ownerHint')}
        data={vocabulary.data?.owners ?? []}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('owner')}
      />

      <Textarea
        label={t('contacts.fields.notes')}
        autosize
        minRows={3}
        maxRows={14}
        {...form.getInputProps('notes')}
        onKeyDown={submitOnModEnter(save.submit)}
      />

      <Fieldset legend={t('contacts.gdpr.title')} variant="filled" p="sm">
        <Stack gap="sm">
          <Select label={t('contacts.gdpr.lawfulBasis')} data={basisOptions} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('gdpr.lawfulBasis')} />
          <TextInput label={t('contacts.gdpr.source')} placeholder={t('contacts.gdpr.sourcePlaceholder')} {...form.getInputProps('gdpr.source')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateInput
              label={t('contacts.gdpr.consentOn')}
              withAsterisk={consentRequired}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              {...dateInputProps}
              {...form.getInputProps('gdpr.consentOn')}
            />
            <DateInput
              label={t('contacts.gdpr.reviewOn')}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              {...dateInputProps}
              {...form.getInputProps('gdpr.reviewOn')}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>

    </RecordForm>
  );
}

import { Alert, Button, Fieldset, Group, Loader, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { AppError } from '../../../../shared/errors';
import { IsoDate } from '../../../../shared/schemas/common';
import { ContactFields, displayName, lawfulBases, type ContactRecord, type Email, type Phone } from '../../../../shared/schemas/contact';
import { fieldMessages } from '../../../../shared/validation';
import { useApi } from '../../api/context';
import { OrganisationPicker } from '../../components/pickers';
import { TopicsInput } from '../../components/TopicsInput';
import { translateMessage } from '../../i18n';
import { describeError } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { collapseLists, CountrySelect, dateInputProps, formErrorsOf, PickerField } from '../organisations/parts';
import { ReachRows } from './ReachRows';
import { useLanguageOptions } from './languages';

type LawfulBasis = (typeof lawfulBases)[number];

export interface ContactFormValues {
  honorific: string;
  academicTitle: string;
  givenName: string;
  familyName: string;
  nativeName: string;
  transliteration: string;
  country: string | null;
  emails: Email[];
  phones: Phone[];
  languages: string[];
  expertise: string[];
  notes: string;
  gdpr: { lawfulBasis: LawfulBasis; source: string; consentOn: string | null; reviewOn: string | null };
  /** Only when creating: the role the person holds, saved in the same write. */
  position: { organisationId: string | null; role: string; from: string | null };
}

const blank = (): ContactFormValues => ({
  honorific: '',
  academicTitle: '',
  givenName: '',
  familyName: '',
  nativeName: '',
  transliteration: '',
  country: null,
  emails: [],
  phones: [],
  languages: [],
  expertise: [],
  notes: '',
  gdpr: { lawfulBasis: 'legitimateInterests', source: '', consentOn: null, reviewOn: null },
  position: { organisationId: null, role: '', from: null },
});

const fromRecord = (c: ContactRecord): ContactFormValues => ({
  honorific: c.honorific,
  academicTitle: c.academicTitle,
  givenName: c.givenName,
  familyName: c.familyName,
  nativeName: c.nativeName,
  transliteration: c.transliteration,
  country: c.country,
  emails: c.emails,
  phones: c.phones,
  languages: c.languages,
  expertise: c.expertise,
  notes: c.notes,
  gdpr: c.gdpr,
  position: { organisationId: null, role: '', from: null },
});

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
  const { id } = useParams();
  const isNew = !id;
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  const existing = useQuery({ queryKey: ['contacts', 'get', id], queryFn: () => api.contacts.get({ id: id! }), enabled: !isNew });
  const vocabulary = useQuery({ queryKey: ['cases', 'vocabulary'], queryFn: () => api.cases.vocabulary({}) });

  const form = useForm<ContactFormValues>({
    mode: 'controlled',
    initialValues: blank(),
    validateInputOnBlur: true,
    validate: (values) => {
      const { contact, toFormPath } = withoutBlankRows(values);
      const errors: Record<string, string> = {};
      const result = ContactFields.safeParse(contact);
      if (!result.success) {
        for (const [path, m] of Object.entries(fieldMessages(result.error))) errors[toFormPath(path)] = translateMessage(t, m);
      }
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
  useEffect(() => {
    if (loaded) {
      form.setValues(fromRecord(loaded));
      form.resetDirty(fromRecord(loaded));
    }
    // Only when a different record (or a new revision) arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded?.id, loaded?.revision]);

  const languageOptions = useLanguageOptions(form.values.languages);
  const basisOptions = useMemo(() => lawfulBases.map((b) => ({ value: b, label: t(`contacts.gdpr.bases.${b}`) })), [t]);

  const save = useMutation({
    mutationFn: async (values: ContactFormValues) => {
      const { contact } = withoutBlankRows(values);
      if (isNew) {
        const p = values.position;
        const positions = p.organisationId ? [{ organisationId: p.organisationId, role: p.role, from: p.from, to: null }] : [];
        return api.contacts.create({ contact, positions });
      }
      return api.contacts.update({ id: id!, revision: loaded!.revision, changes: contact });
    },
    onSuccess: async (record) => {
      // Lists, counts on organisations, pickers and the topic vocabulary all change with a person.
      await queryClient.invalidateQueries();
      queryClient.setQueryData(['contacts', 'get', record.id], record);
      notify({ message: isNew ? t('contacts.created', { name: displayName(record) }) : t('contacts.saved'), color: 'teal' });
      navigate(`/contacts/${record.id}`);
    },
    onError: (e, values) => {
      const { toFormPath } = withoutBlankRows(values);
      const fields = collapseLists(remap(formErrorsOf(t, e, { 'positions.0': 'position', positions: 'position.organisationId' }), toFormPath), ['languages', 'expertise']);
      if (Object.keys(fields).length) form.setErrors(fields);
      setFormError(e instanceof AppError && e.code === 'CONFLICT' ? t('contacts.conflict') : describeError(t, e));
    },
  });

  if (!isNew && existing.isPending) return <Loader aria-label={t('common.loading')} m="xl" />;
  if (!isNew && existing.isError) {
    return (
      <Alert color="red" m="md" role="alert">
        {describeError(t, existing.error)}
      </Alert>
    );
  }

  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      save.mutate(values);
    },
    () => setFormError(t('errors.validation')),
  );
  const consentRequired = form.values.gdpr.lawfulBasis === 'consent';

  return (
    <form className="detail" onSubmit={submit} noValidate aria-labelledby="contact-form-title">
      <Title order={2} size="h3" id="contact-form-title" mb="md">
        {isNew ? t('contacts.new') : t('contacts.edit')}
      </Title>
      {formError ? (
        <Alert color="red" mb="md" role="alert">
          {formError}
        </Alert>
      ) : null}
      <Stack gap="sm">
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

        <Textarea
          label={t('contacts.fields.notes')}
          autosize
          minRows={3}
          maxRows={14}
          {...form.getInputProps('notes')}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
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

        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => navigate(isNew ? '/contacts' : `/contacts/${id}`)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {isNew ? t('common.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

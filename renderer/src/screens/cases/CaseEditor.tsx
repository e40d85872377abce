import { Alert, Autocomplete, Button, Group, Loader, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { notify } from '../../lib/notify';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { AppError } from '../../../../shared/errors';
import {
  CaseCreateInput,
  CaseFields,
  casePriorities,
  caseStatuses,
  type CasePriority,
  type CaseRecord,
  type CaseStatus,
} from '../../../../shared/schemas/case';
import { fieldMessages } from '../../../../shared/validation';
import { useApi } from '../../api/context';
import { CountryPicker } from '../../components/CountryPicker';
import { ContactPicker, OrganisationPicker } from '../../components/pickers';
import { TopicsInput } from '../../components/TopicsInput';
import { describeError, fieldErrors } from '../../lib/errors';
import { todayIso } from '../../lib/format';
import { translateMessage } from '../../i18n';

interface FormValues {
  title: string;
  reference: string;
  clientId: string | null;
  client: string;
  clientContactIds: string[];
  partnerOrganisationIds: string[];
  fundingInstruments: string[];
  countries: string[];
  topics: string[];
  status: CaseStatus;
  priority: CasePriority;
  owner: string;
  openedOn: string;
  dueOn: string | null;
  summary: string;
}

const blank = (): FormValues => ({
  title: '',
  reference: '',
  clientId: null,
  client: '',
  clientContactIds: [],
  partnerOrganisationIds: [],
  fundingInstruments: [],
  countries: [],
  topics: [],
  status: 'intake',
  priority: 'normal',
  owner: '',
  openedOn: todayIso(),
  dueOn: null,
  summary: '',
});

const fromRecord = (c: CaseRecord): FormValues => ({
  title: c.title,
  reference: c.reference,
  clientId: c.clientId,
  client: c.client,
  clientContactIds: c.clientContactIds,
  partnerOrganisationIds: c.partnerOrganisationIds,
  fundingInstruments: c.fundingInstruments,
  countries: c.countries,
  topics: c.topics,
  status: c.status,
  priority: c.priority,
  owner: c.owner,
  openedOn: c.openedOn,
  dueOn: c.dueOn,
  summary: c.summary,
});

/** Field messages under the form field they belong to ("countries.2" → "countries"). */
const byField = (errors: Record<string, string>) => {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.split('.')[0]!;
    out[field] ??= message;
  }
  return out;
};

/** Accepts ISO dates and the German "21.11.2026" while typing. */
function parseDate(input: string): string | null {
  const s = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : de ? [de[3], de[2], de[1]] : [];
  if (!y) return null;
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

export function CaseEditor() {
  const { id } = useParams();
  const isNew = !id;
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  const existing = useQuery({ queryKey: ['cases', 'get', id], queryFn: () => api.cases.get({ id: id! }), enabled: !isNew });
  const vocabulary = useQuery({ queryKey: ['cases', 'vocabulary'], queryFn: () => api.cases.vocabulary({}) });
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: blank(),
    validateInputOnBlur: true,
    validate: (values) => {
      const schema = isNew ? CaseCreateInput : CaseFields;
      const result = schema.safeParse(values);
      if (result.success) return {};
      const messages = fieldMessages(result.error);
      return byField(Object.fromEntries(Object.entries(messages).map(([k, m]) => [k, translateMessage(t, m)])));
    },
  });
  const nextReference = useQuery({
    queryKey: ['cases', 'nextReference', form.values.openedOn],
    queryFn: () => api.cases.nextReference({ openedOn: parseDate(form.values.openedOn) ?? undefined }),
    enabled: isNew,
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

  const save = useMutation({
    mutationFn: async (values: FormValues) => {
      if (isNew) return api.cases.create(values);
      return api.cases.update({ id: id!, revision: loaded!.revision, changes: values });
    },
    onSuccess: async (record) => {
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      queryClient.setQueryData(['cases', 'get', record.id], record);
      notify({ message: isNew ? t('cases.created', { reference: record.reference }) : t('cases.saved'), color: 'teal' });
      navigate(`/cases/${record.id}`);
    },
    onError: (e) => {
      const fields = byField(fieldErrors(t, e));
      if (Object.keys(fields).length) form.setErrors(fields);
      setFormError(e instanceof AppError && e.code === 'CONFLICT' ? t('cases.conflict') : describeError(t, e));
    },
  });

  const statusOptions = useMemo(() => caseStatuses.map((s) => ({ value: s, label: t(`cases.status.${s}`) })), [t]);
  const priorityOptions = useMemo(() => casePriorities.map((p) => ({ value: p, label: t(`cases.priority.${p}`) })), [t]);

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

  return (
    <form className="detail" onSubmit={submit} noValidate aria-labelledby="case-form-title">
      <Title order={2} size="h3" id="case-form-title" mb="md">
        {isNew ? t('cases.new') : t('cases.edit')}
      </Title>
      {formError ? (
        <Alert color="red" mb="md" role="alert">
          {formError}
        </Alert>
      ) : null}
      <Stack gap="sm">
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
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select label={t('cases.fields.status')} data={statusOptions} allowDeselect={false} {...form.getInputProps('status')} />
          <Select label={t('cases.fields.priority')} data={priorityOptions} allowDeselect={false} {...form.getInputProps('priority')} />
          <Autocomplete label={t('cases.fields.owner')} data={vocabulary.data?.owners ?? []} {...form.getInputProps('owner')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateInput
            label={t('cases.fields.openedOn')}
            withAsterisk
            valueFormat="YYYY-MM-DD"
            dateParser={parseDate}
            {...form.getInputProps('openedOn')}
          />
          <DateInput
            label={t('cases.fields.dueOn')}
            valueFormat="YYYY-MM-DD"
            dateParser={parseDate}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            {...form.getInputProps('dueOn')}
          />
        </SimpleGrid>
        <Textarea
          label={t('cases.fields.summary')}
          autosize
          minRows={5}
          maxRows={16}
          {...form.getInputProps('summary')}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => navigate(isNew ? '/cases' : `/cases/${id}`)}>
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

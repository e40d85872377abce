import { Alert, Button, Group, Loader, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { AppError } from '../../../../shared/errors';
import { OrganisationFields, organisationKinds, type OrganisationKind, type OrganisationRecord } from '../../../../shared/schemas/organisation';
import { fieldMessages } from '../../../../shared/validation';
import { useApi } from '../../api/context';
import { OrganisationPicker } from '../../components/pickers';
import { TopicsInput } from '../../components/TopicsInput';
import { translateMessage } from '../../i18n';
import { describeError } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { collapseLists, CountrySelect, formErrorsOf, PickerField } from './parts';

interface FormValues {
  name: string;
  shortName: string;
  kind: OrganisationKind;
  country: string | null;
  city: string;
  website: string;
  topics: string[];
  parentId: string | null;
  notes: string;
}

const blank = (): FormValues => ({ name: '', shortName: '', kind: 'researchInstitute', country: null, city: '', website: '', topics: [], parentId: null, notes: '' });

const fromRecord = (o: OrganisationRecord): FormValues => ({
  name: o.name,
  shortName: o.shortName,
  kind: o.kind,
  country: o.country,
  city: o.city,
  website: o.website,
  topics: o.topics,
  parentId: o.parentId,
  notes: o.notes,
});

export function OrganisationEditor() {
  const { id } = useParams();
  const isNew = !id;
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  const existing = useQuery({ queryKey: ['organisations', 'get', id], queryFn: () => api.organisations.get({ id: id! }), enabled: !isNew });
  const vocabulary = useQuery({ queryKey: ['cases', 'vocabulary'], queryFn: () => api.cases.vocabulary({}) });
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: blank(),
    validateInputOnBlur: true,
    validate: (values) => {
      const result = OrganisationFields.safeParse(values);
      const errors: Record<string, string> = {};
      if (!result.success) for (const [path, m] of Object.entries(fieldMessages(result.error))) errors[path] = translateMessage(t, m);
      // The backend refuses any cycle; the direct one is clear enough to say before saving.
      if (id && values.parentId === id) errors.parentId = t('validation.parentCycle');
      return collapseLists(errors, ['topics']);
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

  const save = useMutation({
    mutationFn: async (values: FormValues) => {
      if (isNew) return api.organisations.create(values);
      return api.organisations.update({ id: id!, revision: loaded!.revision, changes: values });
    },
    onSuccess: async (record) => {
      // People lists show organisation names, pickers list them, the vocabulary has their topics.
      await queryClient.invalidateQueries();
      queryClient.setQueryData(['organisations', 'get', record.id], record);
      notify({ message: isNew ? t('organisations.created', { name: record.name }) : t('organisations.saved'), color: 'teal' });
      navigate(`/organisations/${record.id}`);
    },
    onError: (e) => {
      const fields = collapseLists(formErrorsOf(t, e), ['topics']);
      if (Object.keys(fields).length) form.setErrors(fields);
      setFormError(e instanceof AppError && e.code === 'CONFLICT' ? t('organisations.conflict') : describeError(t, e));
    },
  });

  const kindOptions = useMemo(() => organisationKinds.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) })), [t]);

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
    <form className="detail" onSubmit={submit} noValidate aria-labelledby="organisation-form-title">
      <Title order={2} size="h3" id="organisation-form-title" mb="md">
        {isNew ? t('organisations.new') : t('organisations.edit')}
      </Title>
      {formError ? (
        <Alert color="red" mb="md" role="alert">
          {formError}
        </Alert>
      ) : null}
      <Stack gap="sm">
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
        <Textarea
          label={t('organisations.fields.notes')}
          autosize
          minRows={4}
          maxRows={16}
          {...form.getInputProps('notes')}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => navigate(isNew ? '/organisations' : `/organisations/${id}`)}>
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

import { ActionIcon, Button, Fieldset, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useRef } from 'react';
import { memberRoles, TripFields, TripFieldsShape, type TripRecord } from '../../../../shared/features/trips/schema';
import { classifications } from '../../../../shared/schemas/classification';
import { useVocabulary } from '../../api/vocabulary';
import { useCountryData } from '../../components/CountryPicker';
import { foldedFilter } from '../../lib/foldedFilter';
import { useEditedRecord } from '../../components/form/useEditedRecord';
import { RowsFooter, rowKey } from '../../components/form/RowsFooter';
import { RecordForm, useFillForm, useRecordSave } from '../../components/form/RecordForm';
import { defaultsOf, formValuesOf, type FormValuesOf } from '../../components/form/schemaValues';
import { CasePicker, ContactPicker } from '../../components/pickers';
import { RecordFallback } from '../../components/RecordFallback';
import { TopicsInput } from '../../components/TopicsInput';
import { dateInputProps } from '../../lib/dateInput';
import { formErrorsOf, schemaErrors } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { NotePicker } from './NotePicker';
import { zoneLabel } from '../../../../shared/features/trips/zones';
import { keepEnterInPickers, suggestedZones } from './parts';
import { useLanguage } from '../../app/language';

type Role = (typeof memberRoles)[number];

interface MemberRow {
  /** A stable key for React while rows are added and removed. */
  key: string;
  kind: 'contact' | 'staff';
  contactId: string | null;
  name: string;
  function: string;
  role: Role;
}

/** The trip's fields the form takes as they are; rows, open dates and the composer's choice are its own. */
const PlainFields = TripFieldsShape.omit({ destinations: true, members: true, startDate: true, endDate: true, book: true });

type FormValues = FormValuesOf<typeof PlainFields> & {
  destinations: Array<{ key: string; country: string | null; city: string }>;
  startDate: string | null;
  endDate: string | null;
  members: MemberRow[];
};

const blank = (language: 'en' | 'de'): FormValues => ({
  ...defaultsOf(PlainFields),
  title: '',
  timeZones: [],
  language,
  destinations: [{ key: rowKey(), country: null, city: '' }],
  startDate: null,
  endDate: null,
  members: [],
});

const fromRecord = (trip: TripRecord): FormValues => ({
  ...formValuesOf(PlainFields, trip),
  destinations: trip.destinations.map((d) => ({ key: rowKey(), country: d.country, city: d.city })),
  startDate: trip.startDate,
  endDate: trip.endDate,
  members: trip.members.map((m) =>
    m.kind === 'contact'
      ? { key: rowKey(), kind: 'contact', contactId: m.contactId, name: '', function: '', role: m.role }
      : { key: rowKey(), kind: 'staff', contactId: null, name: m.name, function: m.function, role: m.role },
  ),
});

/**
 * The form's values as the contract wants them. Empty choices become undefined, so the shared
 * schema reports them as "Required." rather than as an unknown country or an invalid id.
 */
const toInput = (v: FormValues) => ({
  ...formValuesOf(PlainFields, v),
  destinations: v.destinations.map((d) => ({ country: d.country ?? undefined, city: d.city })),
  startDate: v.startDate ?? undefined,
  endDate: v.endDate ?? undefined,
  members: v.members.map((m) =>
    m.kind === 'contact' ? { kind: 'contact' as const, contactId: m.contactId ?? undefined, role: m.role } : { kind: 'staff' as const, name: m.name, function: m.function, role: m.role },
  ),
});

const allZones = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

export function TripEditor() {
  const { id, isNew, t, api, navigate, queryClient, existing } = useEditedRecord('trips', (api, id) => api.trips.get({ id }));
  const lang = useLanguage();
  const formRef = useRef<HTMLFormElement>(null);
  const vocabulary = useVocabulary();
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: blank(lang),
    validate: (values) => {
      const result = TripFields.safeParse(toInput(values));
      return result.success ? {} : schemaErrors(t, result.error);
    },
  });

  const loaded = existing.data;
  useFillForm(form, loaded, fromRecord);

  const save = useRecordSave({
    form,
    save: async (values: FormValues) => {
      const input = toInput(values) as Parameters<typeof api.trips.create>[0];
      if (isNew) return api.trips.create(input);
      // The composer's choice goes along unchanged: an omitted field would be reset to its default.
      return api.trips.update({ id: id!, revision: loaded!.revision, changes: { ...input, book: loaded!.book } });
    },
    onSaved: async (record) => {
      queryClient.setQueryData(['trips', 'get', record.id], record);
      await queryClient.invalidateQueries({ queryKey: ['trips'] });
      notify({ message: isNew ? t('trips.created', { title: record.title }) : t('trips.saved'), color: 'teal' });
      navigate(`/trips/${record.id}`);
    },
    fieldErrors: (e) => formErrorsOf(t, e),
    conflict: t('trips.conflict'),
    // Keyboard users land on the first field to correct, not at the bottom of a long form.
    onInvalid: () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()),
  });

  const countryData = useCountryData();
  const roleOptions = useMemo(() => memberRoles.map((r) => ({ value: r, label: t(`book.roles.${r}`) })), [t]);
  const classificationOptions = useMemo(() => classifications.map((c) => ({ value: c, label: t(`book.classification.${c}`) })), [t]);
  const zoneOptions = useMemo(() => allZones.map((zone) => ({ value: zone, label: zoneLabel(zone, lang) })), [lang]);
  const suggestions = suggestedZones(form.values.destinations.map((d) => ({ country: d.country ?? '', city: d.city }))).filter((z) => !form.values.timeZones.includes(z));

  if (!isNew && (existing.isPending || existing.isError)) return <RecordFallback query={existing} />;

  return (
    <RecordForm
      ref={formRef}
      className="detail trip-form"
      onKeyDown={keepEnterInPickers}
      titleId="trip-form-title"
      title={isNew ? t('trips.new') : t('trips.edit')}
      isNew={isNew}
      save={save}
      dirty={form.isDirty()}
      onCancel={() => navigate(isNew ? '/trips' : `/trips/${id}`)}
    >
      <TextInput label={t('trips.fields.title')} withAsterisk data-autofocus autoFocus {...form.getInputProps('title')} />
      <Textarea label={t('trips.fields.purpose')} autosize minRows={2} maxRows={8} {...form.getInputProps('purpose')} />

      <Fieldset legend={t('trips.fields.destinations')} variant="unstyled" className="trip-fieldset">
        <Stack gap={6}>
          {form.values.destinations.map((d, n) => (
            <div key={d.key} className="trip-row trip-row-destination">
              <Select
                label={t('trips.fields.country')}
                placeholder={t('trips.fields.countryPlaceholder')}
                withAsterisk
                searchable
                data={countryData}
                filter={foldedFilter}
                limit={50}
                maxDropdownHeight={240}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps(`destinations.${n}.country`)}
              />
              <TextInput label={t('trips.fields.city')} {...form.getInputProps(`destinations.${n}.city`)} />
              <Tooltip label={t('trips.fields.removeDestination', { n: n + 1 })}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  className="trip-row-remove"
                  aria-label={t('trips.fields.removeDestination', { n: n + 1 })}
                  disabled={form.values.destinations.length === 1}
                  onClick={() => form.removeListItem('destinations', n)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </div>
          ))}
          <RowsFooter
            error={form.errors.destinations}
            addLabel={t('trips.fields.addDestination')}
            onAdd={() => form.insertListItem('destinations', { key: rowKey(), country: null, city: '' })}
            disabled={form.values.destinations.length >= 20}
          />
        </Stack>
      </Fieldset>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateInput label={t('trips.fields.startDate')} withAsterisk {...dateInputProps} {...form.getInputProps('startDate')} />
        <DateInput label={t('trips.fields.endDate')} withAsterisk {...dateInputProps} {...form.getInputProps('endDate')} />
      </SimpleGrid>

      <div>
        <MultiSelect
          label={t('trips.fields.timeZones')}
          description={t('trips.fields.timeZonesHint')}
          placeholder={form.values.timeZones.length ? undefined : t('trips.fields.timeZonesPlaceholder')}
          withAsterisk
          searchable
          data={zoneOptions}
          filter={foldedFilter}
          limit={40}
          maxDropdownHeight={240}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('timeZones')}
        />
        {suggestions.length ? (
          <Group gap={6} mt={6} className="zone-suggestions">
            <Text size="xs" c="dimmed">
              {t('trips.fields.suggestedZones')}
            </Text>
            {suggestions.map((zone) => (
              <Button
                key={zone}
                size="compact-xs"
                variant="light"
                leftSection={<IconPlus size={12} />}
                aria-label={t('trips.fields.addZone', { zone: zoneLabel(zone, lang) })}
                title={zone}
                onClick={() => form.setFieldValue('timeZones', [...form.values.timeZones, zone])}
              >
                {zoneLabel(zone, lang)}
              </Button>
            ))}
          </Group>
        ) : null}
      </div>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select label={t('trips.fields.classification')} data={classificationOptions} allowDeselect={false} {...form.getInputProps('classification')} />
        <Select
          label={t('trips.fields.language')}
          data={[
            { value: 'en', label: t('trips.languages.en') },
            { value: 'de', label: t('trips.languages.de') },
          ]}
          allowDeselect={false}
          {...form.getInputProps('language')}
        />
      </SimpleGrid>

      <Fieldset legend={t('trips.fields.members')} variant="unstyled" className="trip-fieldset">
        <Stack gap="xs">
          {form.values.members.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('trips.fields.noMembers')}
            </Text>
          ) : null}
          {form.values.members.map((m, n) => (
            <div key={m.key} className="member-row">
              <SegmentedControl
                size="xs"
                aria-label={t('trips.fields.memberKind', { n: n + 1 })}
                value={m.kind}
                onChange={(kind) => form.setFieldValue(`members.${n}.kind`, kind as MemberRow['kind'])}
                data={[
                  { value: 'contact', label: t('trips.fields.memberContact') },
                  { value: 'staff', label: t('trips.fields.memberStaff') },
                ]}
              />
              <div className="trip-row trip-row-member">
                {m.kind === 'contact' ? (
                  <div className="member-main">
                    <ContactPicker
                      label={t('trips.fields.person')}
                      placeholder={t('trips.fields.personPlaceholder')}
                      withAsterisk
                      value={m.contactId ? [m.contactId] : []}
                      onChange={(ids) => form.setFieldValue(`members.${n}.contactId`, ids[ids.length - 1] ?? null)}
                      error={form.errors[`members.${n}.contactId`]}
                    />
                  </div>
                ) : (
                  <div className="member-main member-staff">
                    <TextInput label={t('trips.fields.name')} withAsterisk {...form.getInputProps(`members.${n}.name`)} />
                    <TextInput label={t('trips.fields.function')} {...form.getInputProps(`members.${n}.function`)} />
                  </div>
                )}
                <Select label={t('trips.fields.role')} data={roleOptions} allowDeselect={false} {...form.getInputProps(`members.${n}.role`)} />
                <Tooltip label={t('trips.fields.removeMember', { n: n + 1 })}>
                  <ActionIcon variant="subtle" color="red" className="trip-row-remove" aria-label={t('trips.fields.removeMember', { n: n + 1 })} onClick={() => form.removeListItem('members', n)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </div>
            </div>
          ))}
          <RowsFooter
            error={form.errors.members}
            addLabel={t('trips.fields.addMember')}
            onAdd={() =>
              form.insertListItem('members', {
                key: rowKey(),
                kind: 'contact',
                contactId: null,
                name: '',
                function: '',
                role: form.values.members.some((x) => x.role === 'head') ? 'member' : 'head',
              } satisfies MemberRow)
            }
          />
        </Stack>
      </Fieldset>

      <CasePicker
        label={t('trips.fields.cases')}
        placeholder={t('trips.fields.casesPlaceholder')}
        multiple
        value={form.values.caseIds}
        onChange={(ids) => form.setFieldValue('caseIds', ids)}
        error={form.errors.caseIds}
      />
      <NotePicker
        label={t('trips.fields.notes')}
        placeholder={t('trips.fields.notesPlaceholder')}
        multiple
        value={form.values.noteIds}
        onChange={(ids) => form.setFieldValue('noteIds', ids)}
        error={form.errors.noteIds}
      />
      <TopicsInput label={t('trips.fields.topics')} placeholder={t('trips.fields.topicsPlaceholder')} data={vocabulary.data?.topics ?? []} {...form.getInputProps('topics')} />

    </RecordForm>
  );
}

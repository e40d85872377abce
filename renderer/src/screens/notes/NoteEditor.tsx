import { Alert, Autocomplete, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { Editor } from '@tiptap/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { emptyDoc } from '../../../../shared/domain/richtext';
import { NoteFields, noteKinds, noteStatuses, type NoteRecord } from '../../../../shared/features/notes/schema';
import { classifications } from '../../../../shared/schemas/classification';
import type { RichDoc } from '../../../../shared/schemas/richtext';
import { fieldMessages } from '../../../../shared/validation';
import { useApi } from '../../api/context';
import { useVocabulary } from '../../api/vocabulary';
import { recordHeading } from '../../app/focus';
import { LeaveGuard } from '../../components/form/LeaveGuard';
import { defaultsOf, formValuesOf, type FormValuesOf } from '../../components/form/schemaValues';
import { useSaveShortcut } from '../../components/form/useSaveShortcut';
import { CountryPicker } from '../../components/CountryPicker';
import { CasePicker, ContactPicker } from '../../components/pickers';
import { RecordFallback } from '../../components/RecordFallback';
import { RegionPicker } from '../../components/RegionPicker';
import { TopicsInput } from '../../components/TopicsInput';
import { translateMessage } from '../../i18n';
import { byField, describeSaveError, formErrorsOf, schemaErrors } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { ariaKeys, keysLabel, RichTextEditor } from './RichTextEditor';
import { toRichDoc } from './normalise';

/** The note's fields but its text, which the rich-text editor holds. */
const MetaFields = NoteFields.omit({ body: true });
type FormValues = FormValuesOf<typeof MetaFields>;

/** A new note: the schema's defaults, but most new notes are country strategies. */
const blank = (): FormValues => ({ ...defaultsOf(MetaFields), title: '', kind: 'countryStrategy' });

const fromRecord = (n: NoteRecord): FormValues => formValuesOf(MetaFields, n);

/** New note or edit: the route decides; the form waits for the record so the editor starts with its text. */
export function NoteEditor() {
  const { id } = useParams();
  const api = useApi();
  const existing = useQuery({ queryKey: ['notes', 'get', id], queryFn: () => api.notes.get({ id: id! }), enabled: !!id });

  if (id && (existing.isError || !existing.data)) return <RecordFallback query={existing} />;
  // Keyed by the record, so the form and the editor start afresh for another note, never mixing two.
  return <NoteForm key={id ?? 'new'} note={existing.data ?? null} />;
}

function NoteForm({ note }: { note: NoteRecord | null }) {
  const isNew = note === null;
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [bodyDirty, setBodyDirty] = useState(false);
  const editorRef = useRef<Editor | null>(null);
  // The revision editing began from: a newer one saved elsewhere meanwhile must be a conflict,
  // not silently overwritten, so a refetch in the background never moves it.
  const [baseRevision] = useState(note?.revision ?? 0);
  const [initialBody] = useState<RichDoc>(note?.body ?? emptyDoc());

  const vocabulary = useVocabulary();
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: note ? fromRecord(note) : blank(),
    validateInputOnBlur: true,
    validate: (values) => {
      const result = MetaFields.safeParse(values);
      return result.success ? {} : byField(schemaErrors(t, result.error));
    },
  });
  const dirty = form.isDirty() || bodyDirty;

  const save = useMutation({
    mutationFn: async ({ values, body }: { values: FormValues; body: RichDoc }) => {
      if (isNew) return api.notes.create({ ...values, body });
      return api.notes.update({ id: note.id, revision: baseRevision, changes: { ...values, body } });
    },
    onSuccess: async (record) => {
      queryClient.setQueryData(['notes', 'get', record.id], record);
      await queryClient.invalidateQueries({ queryKey: ['notes'] });
      // Linked cases and people list their notes.
      void queryClient.invalidateQueries({ queryKey: ['cases', 'related'] });
      void queryClient.invalidateQueries({ queryKey: ['contacts', 'related'] });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'vocabulary'] });
      notify({ message: isNew ? t('notes.created', { title: record.title }) : t('notes.saved'), color: 'teal' });
      form.resetDirty();
      setBodyDirty(false);
      navigate(`/notes/${record.id}`);
    },
    onError: (e) => {
      const fields = formErrorsOf(t, e);
      const meta = byField(Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith('body'))));
      if (Object.keys(meta).length) form.setErrors(meta);
      const body = Object.entries(fields).find(([k]) => k.startsWith('body'));
      if (body) setBodyError(t('notes.invalidBody', { message: body[1] }));
      setFormError(describeSaveError(t, e, t('notes.conflict')));
    },
  });

  const submit = useCallback(() => {
    if (save.isPending) return;
    setFormError(null);
    setBodyError(null);
    const checked = form.validate();
    const editor = editorRef.current;
    const body = editor ? toRichDoc(editor.getJSON()) : ({ ok: true, doc: initialBody } as const);
    if (!body.ok) setBodyError(t('notes.invalidBody', { message: translateMessage(t, Object.values(fieldMessages(body.error))[0]) }));
    if (checked.hasErrors || !body.ok) {
      setFormError(t('errors.validation'));
      return;
    }
    save.mutate({ values: form.getValues(), body: body.doc });
  }, [form, initialBody, save, t]);

  // Ctrl+S saves from anywhere in the form, the text included, instead of the browser's "save page".
  const formRef = useRef<HTMLFormElement>(null);
  useSaveShortcut(formRef, submit);

  const cancel = () => navigate(isNew ? '/notes' : `/notes/${note.id}`);

  const kindOptions = useMemo(() => noteKinds.map((k) => ({ value: k, label: t(`notes.kinds.${k}`) })), [t]);
  const statusOptions = useMemo(() => noteStatuses.map((s) => ({ value: s, label: t(`notes.statuses.${s}`) })), [t]);
  const classificationOptions = useMemo(() => classifications.map((c) => ({ value: c, label: t(`book.classification.${c}`) })), [t]);
  const onEditor = useCallback((e: Editor | null) => {
    editorRef.current = e;
  }, []);

  return (
    <form
      ref={formRef}
      className="note-editor-page"
      noValidate
      aria-labelledby="note-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="note-editor-bar">
        <Group gap="sm" wrap="nowrap">
          {/* The editor has the screen to itself (the list steps aside), so its heading is the page's first. */}
          <Title order={1} size="h4" id="note-form-title" {...recordHeading}>
            {isNew ? t('notes.new') : t('notes.edit')}
          </Title>
          {dirty ? (
            <Text size="xs" c="dimmed" fs="italic">
              {t('notes.unsaved')}
            </Text>
          ) : null}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} />} title={t('notes.saveShortcut', { keys: keysLabel(t, ['Mod', 'S']) })} aria-keyshortcuts={ariaKeys(['Mod', 'S'])}>
            {isNew ? t('common.create') : t('common.save')}
          </Button>
        </Group>
      </div>

      <div className="note-editor-layout">
        <Stack gap="sm" miw={0}>
          {formError ? (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          ) : null}
          <TextInput
            className="note-title-input"
            label={t('notes.fields.title')}
            placeholder={t('notes.placeholders.title')}
            withAsterisk
            data-autofocus
            autoFocus
            {...form.getInputProps('title')}
            onKeyDown={(e) => {
              // As in a word processor, Enter after the title goes on to the text (Ctrl+S saves).
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                editorRef.current?.commands.focus('start');
              }
            }}
          />
          <RichTextEditor initial={initialBody} label={t('notes.fields.body')} onEditor={onEditor} onDirtyChange={setBodyDirty} error={bodyError} />
        </Stack>

        <Stack gap="sm" className="note-editor-side" component="section" aria-label={t('notes.details')}>
          <div className="note-kind-status">
            <Select label={t('notes.fields.kind')} data={kindOptions} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('kind')} />
            <Select label={t('notes.fields.status')} data={statusOptions} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('status')} />
          </div>
          <Autocomplete
            label={t('notes.fields.owner')}
            description={t('notes.fields.ownerHint')}
            data={vocabulary.data?.owners ?? []}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('owner')}
          />
          <Select
            label={t('notes.fields.classification')}
            data={classificationOptions}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('classification')}
          />
          <CountryPicker
            label={t('notes.fields.countries')}
            placeholder={t('notes.placeholders.countries')}
            value={form.values.countries}
            onChange={(v) => form.setFieldValue('countries', v)}
            error={form.errors.countries}
          />
          <RegionPicker
            label={t('notes.fields.regions')}
            placeholder={t('notes.placeholders.regions')}
            value={form.values.regions}
            onChange={(v) => form.setFieldValue('regions', v)}
            error={form.errors.regions}
          />
          <TopicsInput label={t('notes.fields.topics')} placeholder={t('notes.placeholders.topics')} data={vocabulary.data?.topics ?? []} {...form.getInputProps('topics')} />
          <CasePicker
            label={t('notes.fields.cases')}
            placeholder={t('notes.placeholders.cases')}
            multiple
            value={form.values.caseIds}
            onChange={(ids) => form.setFieldValue('caseIds', ids)}
            error={form.errors.caseIds}
          />
          <ContactPicker
            label={t('notes.fields.contacts')}
            placeholder={t('notes.placeholders.contacts')}
            multiple
            value={form.values.contactIds}
            onChange={(ids) => form.setFieldValue('contactIds', ids)}
            error={form.errors.contactIds}
          />
        </Stack>
      </div>

      <LeaveGuard when={dirty && !save.isPending} body={t('notes.discardBody')} />
    </form>
  );
}

/**
 * The import screen: choose a file (sent in slices, or picked by Electron's dialog), map its
 * columns to fields, look at the rows as they will be stored with their errors and duplicates,
 * decide per row or for all, import in one step, then download the report or undo. Each step's
 * heading takes focus when it appears, so a keyboard or screen-reader user always knows where
 * they are; Cancel stops the long steps.
 */
import { Alert, Badge, Button, FileButton, Group, Progress, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileImport } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { proposeMapping, rememberMapping, takesOneColumn } from '../../../../shared/features/imports/mapping';
import {
  duplicateActions,
  fieldsOf,
  type DuplicateAction,
  type ImportApplied,
  type ImportField,
  type ImportParsed,
  type ImportPreview,
  type ImportTarget,
  type Mapping,
} from '../../../../shared/features/imports/schema';
import { useApi } from '../../api/context';
import { screenHeading } from '../../app/focus';
import { useLanguage } from '../../app/language';
import { useUndo } from '../../app/undo';
import { deliver } from '../../lib/download';
import { describeError } from '../../lib/errors';
import { translateMessage } from '../../i18n';
import { Cancelled, uploadFile, waitForImportJob } from './useImportJob';
import './imports.css';

type Step =
  | { step: 'file' }
  | { step: 'working'; phase: 'uploading' | 'analysing' | 'applying'; progress: number }
  | { step: 'mapping' }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'done'; applied: ImportApplied; undone: boolean };

const stepOrder = ['file', 'mapping', 'preview', 'done'] as const;

/** The target a list's Import… asked for (`?target=`), people when none. */
const targetFrom = (value: string | null): ImportTarget => (value === 'organisations' || value === 'cooperations' ? value : 'people');
const listOf = (target: ImportTarget) => (target === 'organisations' ? '/organisations' : target === 'cooperations' ? '/cooperations' : '/contacts');

export function ImportScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const undoApi = useUndo();
  const language = useLanguage();
  const [params] = useSearchParams();
  const [state, setState] = useState<Step>({ step: 'file' });
  const [error, setError] = useState<string | null>(null);
  const [parsed, setParsed] = useState<ImportParsed | null>(null);
  const [target, setTarget] = useState<ImportTarget>(targetFrom(params.get('target')));
  const [mapping, setMapping] = useState<Mapping>([]);
  const [all, setAll] = useState<DuplicateAction>('skip');
  const [perRow, setPerRow] = useState<Record<number, DuplicateAction>>({});
  const abort = useRef<AbortController | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const status = useQuery({ queryKey: ['workspace', 'status'], queryFn: () => api.workspace.status({}) });
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get({}) });
  const electron = status.data?.shell === 'electron';

  // Each new step announces itself: its heading takes focus (not on first render: the screen heading has it).
  // After an undo the Done step's heading changes and takes focus too (its Undo button is gone).
  const shown = state.step === 'working' ? `working-${state.phase}` : state.step === 'done' && state.undone ? 'undone' : state.step;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [shown]);

  // The staged file is dropped when the screen goes.
  const uploadId = parsed?.uploadId;
  useEffect(() => () => void (uploadId && api.imports.discard({ uploadId }).catch(() => undefined)), [api, uploadId]);

  const fail = (e: unknown, back: Step) => {
    setState(back);
    if (!(e instanceof Cancelled)) setError(describeError(t, e));
  };

  async function analyse(staged: () => Promise<string | null>) {
    setError(null);
    const control = new AbortController();
    abort.current = control;
    setState({ step: 'working', phase: 'uploading', progress: 0 });
    try {
      const id = await staged();
      if (!id) return setState({ step: 'file' });
      setState({ step: 'working', phase: 'analysing', progress: 0 });
      const { jobId } = await api.imports.analyse({ uploadId: id });
      const result = await waitForImportJob(api, jobId, (progress) => setState({ step: 'working', phase: 'analysing', progress }), control.signal);
      if (result.kind !== 'importParsed') throw new Error('unexpected job result');
      const nextTarget = params.get('target') ? target : result.suggestedTarget;
      setParsed(result);
      setTarget(nextTarget);
      setMapping(result.proposal[nextTarget]);
      setState({ step: 'mapping' });
    } catch (e) {
      fail(e, { step: 'file' });
    }
  }

  const onFile = (file: File | null) => {
    if (!file) return;
    void analyse(() => uploadFile(api, file, (progress) => setState({ step: 'working', phase: 'uploading', progress }), abort.current!.signal));
  };
  const onPick = () =>
    void analyse(async () => {
      const picked = await api.imports.pick({});
      return picked.cancelled ? null : picked.uploadId;
    });

  const chooseTarget = (next: ImportTarget) => {
    setTarget(next);
    if (parsed) setMapping(proposeMapping(next, parsed.columns.map((c) => c.header), settings.data?.importMappings?.[next] ?? {}));
  };

  const hasName =
    target === 'people' ? mapping.some((f) => f === 'fullName' || f === 'givenName' || f === 'familyName') : target === 'organisations' ? mapping.includes('name') : mapping.includes('title');

  async function toPreview() {
    if (!parsed) return;
    setError(null);
    try {
      const remembered = rememberMapping(parsed.columns.map((c) => c.header), mapping);
      const next = await api.settings.update({ importMappings: { ...(settings.data?.importMappings ?? {}), [target]: remembered } });
      queryClient.setQueryData(['settings'], next);
      const preview = await api.imports.preview({ uploadId: parsed.uploadId, target, mapping });
      setPerRow({});
      setState({ step: 'preview', preview });
    } catch (e) {
      setError(describeError(t, e));
    }
  }

  async function apply() {
    if (!parsed || state.step !== 'preview') return;
    const back = state;
    setError(null);
    const control = new AbortController();
    abort.current = control;
    setState({ step: 'working', phase: 'applying', progress: 0 });
    try {
      // Every row's own choice goes along: a possible duplicate's default is not the choice for all.
      const rows = Object.entries(perRow).map(([row, action]) => ({ row: Number(row), action }));
      const { jobId } = await api.imports.apply({ uploadId: parsed.uploadId, target, mapping, duplicates: { all, rows }, language });
      const result = await waitForImportJob(api, jobId, (progress) => setState({ step: 'working', phase: 'applying', progress }), control.signal);
      if (result.kind !== 'importApplied') throw new Error('unexpected job result');
      await queryClient.invalidateQueries();
      // Ctrl+Z and the notice's Undo undo it too, from any screen, like a delete; whichever route
      // undoes it, this page then says so.
      const undoId = result.undoId;
      if (undoId) {
        undoApi.offer(t('imports.done.summary', result), undoId, {
          onUndone: () => setState((s) => (s.step === 'done' && s.applied.undoId === undoId ? { ...s, undone: true } : s)),
        });
      }
      setState({ step: 'done', applied: result, undone: false });
    } catch (e) {
      if (e instanceof Cancelled) setError(t('imports.cancelled'));
      fail(e, back);
    }
  }

  async function undo() {
    if (state.step !== 'done' || !state.applied.undoId) return;
    setError(null);
    try {
      // Through the undo provider, so the notice goes and Ctrl+Z no longer points at this import.
      await undoApi.run(state.applied.undoId);
    } catch (e) {
      setError(describeError(t, e));
    }
  }

  async function report() {
    if (!parsed) return;
    try {
      deliver(await api.imports.report({ uploadId: parsed.uploadId, language }), {
        downloaded: (fileName) => t('trips.book.downloaded', { fileName }),
        saved: (path) => t('trips.book.saved', { path }),
      });
    } catch (e) {
      setError(describeError(t, e));
    }
  }

  const current = state.step === 'working' ? (state.phase === 'applying' ? 'preview' : 'file') : state.step;
  const listPath = listOf(target);
  // Cancel (and Escape) on the steps before anything is stored: back to the list the import came from.
  const leave = () => navigate(listOf(targetFrom(params.get('target'))));
  const canLeave = state.step === 'file' || state.step === 'mapping' || state.step === 'preview';
  const onKeyDown = (e: React.KeyboardEvent) => {
    // An open Select's own Escape closes its list first; only an Escape nobody took leaves the screen.
    if (e.key !== 'Escape' || e.defaultPrevented || !canLeave) return;
    if ((e.target as HTMLElement).closest('[aria-expanded="true"]')) return;
    e.preventDefault();
    leave();
  };

  return (
    <div className="page import-screen" onKeyDown={onKeyDown}>
      <Stack gap="md" maw={1200}>
        <Title order={1} size="h3" id="import-title" {...screenHeading}>
          {t('imports.title')}
        </Title>
        <ol className="import-steps" aria-label={t('imports.title')}>
          {stepOrder.map((s, i) => {
            const done = i < stepOrder.indexOf(current) || (current === 'done' && s === 'done');
            return (
              <li key={s} aria-current={s === current ? 'step' : undefined} className={s === current ? (done ? 'current done' : 'current') : done ? 'done' : undefined}>
                <span className="num" aria-hidden={done || undefined}>
                  {done ? '✓' : i + 1}
                </span>
                {done ? <span className="visually-hidden">{i + 1}</span> : null} {t(`imports.steps.${s}`)}
              </li>
            );
          })}
        </ol>
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
            {error}
          </Alert>
        ) : null}

        {state.step === 'file' ? (
          <Stack gap="sm" maw={720}>
            <Title order={2} size="h4" ref={stepHeading} tabIndex={-1}>
              {t('imports.chooseFile')}
            </Title>
            <Text size="sm">{t('imports.fileHint')}</Text>
            <Group>
              {electron ? (
                <Button leftSection={<IconFileImport size={16} />} onClick={onPick}>
                  {t('imports.chooseFile')}
                </Button>
              ) : (
                <FileButton onChange={onFile} accept=".csv,.tsv,.txt,.xlsx,.vcf,text/csv,text/vcard,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" inputProps={{ 'aria-label': t('imports.fileLabel') }}>
                  {(props) => (
                    <Button {...props} leftSection={<IconFileImport size={16} />}>
                      {t('imports.chooseFile')}
                    </Button>
                  )}
                </FileButton>
              )}
              <Button variant="default" onClick={leave}>
                {t('imports.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : null}

        {state.step === 'working' ? (
          <Stack gap="sm" maw={720} role="status">
            <Title order={2} size="h4" ref={stepHeading} tabIndex={-1}>
              {t(`imports.${state.phase}`, { percent: Math.round(state.progress * 100) })}
            </Title>
            <Progress value={Math.round(state.progress * 100)} aria-label={t(`imports.${state.phase}`, { percent: Math.round(state.progress * 100) })} size="lg" animated />
            <Group>
              <Button variant="default" onClick={() => abort.current?.abort()}>
                {t('imports.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : null}

        {state.step === 'mapping' && parsed ? (
          <MappingStep
            parsed={parsed}
            target={target}
            mapping={mapping}
            hasName={hasName}
            headingRef={stepHeading}
            onTarget={chooseTarget}
            onMapping={setMapping}
            onBack={() => setState({ step: 'file' })}
            onCancel={leave}
            onNext={() => void toPreview()}
          />
        ) : null}

        {state.step === 'preview' ? (
          <PreviewStep
            preview={state.preview}
            target={target}
            all={all}
            perRow={perRow}
            headingRef={stepHeading}
            onAll={(a) => {
              setAll(a);
              setPerRow({});
            }}
            onRow={(row, action) => setPerRow((p) => ({ ...p, [row]: action }))}
            onBack={() => setState({ step: 'mapping' })}
            onCancel={leave}
            onApply={() => void apply()}
          />
        ) : null}

        {state.step === 'done' ? (
          <Stack gap="sm" maw={1000}>
            <Title order={2} size="h4" ref={stepHeading} tabIndex={-1}>
              {state.undone ? t('imports.done.undone') : t('imports.done.summary', state.applied)}
            </Title>
            {!state.undone ? (
              <Text size="sm">
                {t('imports.done.detail', {
                  organisations: t('imports.done.organisations', { count: state.applied.organisationsCreated }),
                  positions: t('imports.done.positions', { count: state.applied.positionsCreated }),
                })}
              </Text>
            ) : null}
            {/* The way on first, then the report and the undo: one row where the page has room (never cut). */}
            <Group className="import-done-actions">
              <Button onClick={() => navigate(listPath)}>
                {target === 'people' ? t('imports.done.showPeople') : target === 'organisations' ? t('imports.done.showOrganisations') : t('imports.done.showCooperations')}
              </Button>
              <Button onClick={() => void report()} variant="default">
                {t('imports.done.report')}
              </Button>
              {state.applied.undoId && !state.undone ? (
                <Button onClick={() => void undo()} variant="default" color="red">
                  {t('imports.done.undo')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </div>
  );
}

interface MappingProps {
  parsed: ImportParsed;
  target: ImportTarget;
  mapping: Mapping;
  hasName: boolean;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onTarget: (t: ImportTarget) => void;
  onMapping: (m: Mapping) => void;
  onBack: () => void;
  onCancel: () => void;
  onNext: () => void;
}

function MappingStep({ parsed, target, mapping, hasName, headingRef, onTarget, onMapping, onBack, onCancel, onNext }: MappingProps) {
  const { t } = useTranslation();
  const options = useMemo(
    () => [{ value: '', label: t('imports.ignore') }, ...fieldsOf(target).map((f) => ({ value: f, label: t(`imports.fields.${f}`) }))],
    [t, target],
  );
  const delimiterName = parsed.delimiter === ',' ? t('imports.delimiters.comma') : parsed.delimiter === ';' ? t('imports.delimiters.semicolon') : parsed.delimiter === '\t' ? t('imports.delimiters.tab') : t('imports.delimiters.other', { delimiter: parsed.delimiter ?? '' });
  const set = (index: number, value: string | null) => {
    const field = (value || null) as ImportField | null;
    // A field that takes one column moves to the column chosen last.
    onMapping(mapping.map((f, i) => (i === index ? field : field && takesOneColumn(field) && f === field ? null : f)));
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h4" ref={headingRef} tabIndex={-1}>
        {t('imports.steps.mapping')}: {parsed.fileName}
      </Title>
      <Text size="sm" c="dimmed">
        {parsed.format === 'csv'
          ? t('imports.detectedCsv', { rows: parsed.rowCount, encoding: parsed.encoding ?? '', delimiter: delimiterName })
          : t('imports.detected', { rows: parsed.rowCount, format: parsed.format === 'xlsx' ? 'Excel' : 'vCard' })}
      </Text>
      {parsed.notes.map((n) => (
        <Alert key={n.key} color="blue" variant="light">
          {translateMessage(t, n)}
        </Alert>
      ))}
      <Stack gap={4}>
        <Text fw={600} size="sm" id="import-target-label">
          {t('imports.target')}
        </Text>
        <SegmentedControl
          aria-labelledby="import-target-label"
          value={target}
          onChange={(v) => onTarget(v as ImportTarget)}
          data={[
            { value: 'people', label: t('imports.targets.people') },
            { value: 'organisations', label: t('imports.targets.organisations') },
            { value: 'cooperations', label: t('imports.targets.cooperations') },
          ]}
          w="fit-content"
        />
      </Stack>
      <Text size="sm">{t('imports.mappingHint')}</Text>
      <div className="import-table-wrap">
        <Table striped withTableBorder aria-label={t('imports.steps.mapping')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" className="import-nowrap">
                {t('imports.column')}
              </Table.Th>
              <Table.Th scope="col">{t('imports.samples')}</Table.Th>
              <Table.Th scope="col" className="import-field-col">
                {t('imports.field')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parsed.columns.map((c) => (
              <Table.Tr key={c.index}>
                <Table.Td>
                  <Text size="sm" fw={600} className="import-cell">
                    {c.header}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="import-cell" c="dimmed">
                    {c.samples.join(' · ') || '—'}
                  </Text>
                </Table.Td>
                <Table.Td className="import-field-col">
                  <Select
                    aria-label={t('imports.fieldFor', { column: c.header })}
                    data={options}
                    value={mapping[c.index] ?? ''}
                    onChange={(v) => set(c.index, v)}
                    allowDeselect={false}
                    searchable
                    size="xs"
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {!hasName ? (
        <Text size="sm" fw={600} role="status">
          {target === 'people' ? t('imports.needName') : target === 'organisations' ? t('imports.needOrgName') : t('imports.needTitle')}
        </Text>
      ) : null}
      <Group>
        <Button variant="default" onClick={onBack}>
          {t('imports.back')}
        </Button>
        <Button onClick={onNext} disabled={!hasName}>
          {t('imports.next')}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t('imports.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

interface PreviewProps {
  preview: ImportPreview;
  target: ImportTarget;
  all: DuplicateAction;
  perRow: Record<number, DuplicateAction>;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onAll: (a: DuplicateAction) => void;
  onRow: (row: number, a: DuplicateAction) => void;
  onBack: () => void;
  onCancel: () => void;
  onApply: () => void;
}

/** A duplicate's choice until the person picks one: a possible duplicate is created, a sure one follows the choice for all. */
const defaultAction = (r: ImportPreview['rows'][number], all: DuplicateAction): DuplicateAction => (r.duplicate?.possible ? 'create' : all);

/** Rows the import will store: the valid ones, less the duplicates whose choice is Skip (the rows not shown follow the choice for all). */
export function rowsToImport(preview: ImportPreview, all: DuplicateAction, perRow: Record<number, DuplicateAction>): number {
  let shownDuplicates = 0;
  let skipped = 0;
  for (const r of preview.rows) {
    if (r.errors.length || !r.duplicate) continue;
    shownDuplicates++;
    if ((perRow[r.row] ?? defaultAction(r, all)) === 'skip') skipped++;
  }
  if (all === 'skip') skipped += Math.max(0, preview.duplicates - shownDuplicates);
  return Math.max(0, preview.valid - skipped);
}

function PreviewStep({ preview, target, all, perRow, headingRef, onAll, onRow, onBack, onCancel, onApply }: PreviewProps) {
  const count = rowsToImport(preview, all, perRow);
  const { t } = useTranslation();
  const actions = duplicateActions.map((a) => ({ value: a, label: t(`imports.actions.${a}`) }));
  const fieldLabel = (field: string) => {
    const base = field.split('.')[0]!;
    const known: Record<string, string> = { title: 'title', status: 'status', institutes: 'institutes', partners: 'partners', instrument: 'instrument', funder: 'funder', volume: 'volume', start: 'start', end: 'end', familyName: 'familyName', givenName: 'givenName', emails: 'email', phones: 'phone', country: 'country', expertise: 'topics', languages: 'languages', gdpr: 'gdprBasis', organisation: 'organisation', position: 'position', name: 'name', website: 'website', kind: 'kind', topics: 'topics', notes: 'notes', owner: 'owner', shortName: 'shortName', city: 'city', honorific: 'honorific', academicTitle: 'academicTitle', nativeName: 'nativeName' };
    return known[base] ? t(`imports.fields.${known[base] as ImportField}`) : field;
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h4" ref={headingRef} tabIndex={-1}>
        {t('imports.steps.preview')}
      </Title>
      <Text size="sm">
        {t('imports.preview.summary', { valid: preview.valid, invalid: preview.invalid, duplicates: preview.duplicates, organisations: preview.organisationsToCreate })}
      </Text>
      {preview.duplicates > 0 ? (
        <Select label={t('imports.preview.allDuplicates')} data={actions} value={all} onChange={(v) => v && onAll(v as DuplicateAction)} allowDeselect={false} maw={340} />
      ) : null}
      <div className="import-table-wrap">
        <Table striped withTableBorder aria-label={t('imports.preview.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.preview.row')}</Table.Th>
              <Table.Th scope="col" className="import-name-col">
                {t('imports.preview.name')}
              </Table.Th>
              {target === 'organisations' ? <Table.Th scope="col">{t('imports.fields.kind')}</Table.Th> : null}
              {target === 'organisations' ? <Table.Th scope="col">{t('imports.fields.city')}</Table.Th> : null}
              {target === 'people' ? <Table.Th scope="col">{t('imports.preview.organisation')}</Table.Th> : null}
              {target === 'people' ? <Table.Th scope="col">{t('imports.preview.position')}</Table.Th> : null}
              {target === 'people' ? <Table.Th scope="col">{t('imports.preview.contact')}</Table.Th> : null}
              {target === 'cooperations' ? <Table.Th scope="col">{t('imports.fields.status')}</Table.Th> : null}
              {target === 'cooperations' ? <Table.Th scope="col">{t('imports.fields.institutes')}</Table.Th> : null}
              {target === 'cooperations' ? <Table.Th scope="col">{t('imports.fields.partners')}</Table.Th> : null}
              {target !== 'cooperations' ? <Table.Th scope="col">{t('imports.preview.country')}</Table.Th> : null}
              <Table.Th scope="col">{t('imports.preview.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.row} data-row={r.row} className={r.errors.length ? 'import-row-error' : undefined}>
                <Table.Td className="num">{r.row}</Table.Td>
                <Table.Td className="import-name-col">
                  <span className="import-cell">{r.name || '—'}</span>
                </Table.Td>
                {target === 'organisations' ? <Table.Td>{r.kind ? t(`organisations.kinds.${r.kind as 'other'}`) : '—'}</Table.Td> : null}
                {target === 'organisations' ? (
                  <Table.Td>
                    <span className="import-cell">{r.city || '—'}</span>
                  </Table.Td>
                ) : null}
                {target === 'people' ? (
                  <Table.Td>
                    <span className="import-cell">{r.organisation || '—'}</span>{' '}
                    {r.organisationAction === 'create' ? (
                      <Badge size="xs" variant="light" color="blue">
                        {t('imports.preview.newOrganisation')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                ) : null}
                {target === 'people' ? (
                  <Table.Td>
                    {r.position ? (
                      <span className="import-cell">{r.position}</span>
                    ) : r.defaultPosition ? (
                      <span className="import-cell import-default">{t('imports.preview.defaultRole', { role: t('imports.defaultRole') })}</span>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                ) : null}
                {target === 'people' ? (
                  <Table.Td>
                    <span className="import-cell import-anywhere">{[...r.emails, ...r.phones].join(', ') || '—'}</span>
                  </Table.Td>
                ) : null}
                {target === 'cooperations' ? <Table.Td>{r.status ? t(`cooperations.statuses.${r.status as 'idea'}`) : '—'}</Table.Td> : null}
                {target === 'cooperations' ? (
                  <Table.Td>
                    <span className="import-cell">{r.institutes.join('; ') || '—'}</span>
                  </Table.Td>
                ) : null}
                {target === 'cooperations' ? (
                  <Table.Td>
                    <span className="import-cell">{r.partners.join('; ') || '—'}</span>{' '}
                    {r.organisationAction === 'create' ? (
                      <Badge size="xs" variant="light" color="blue">
                        {t('imports.preview.newOrganisation')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                ) : null}
                {target !== 'cooperations' ? <Table.Td>{r.country ?? '—'}</Table.Td> : null}
                <Table.Td miw={240}>
                  {/* Filled badges in the darkest shades: white text at 4.5:1 or more in both schemes (axe). */}
                  {r.errors.length ? (
                    <Stack gap={2} align="flex-start">
                      <Badge size="sm" color="red.9" variant="filled">
                        {t('imports.preview.badges.error')}
                      </Badge>
                      {r.errors.map((e) => (
                        <Text key={e.field} size="xs" fw={600} className="import-error">
                          {t('imports.preview.errorIn', { field: fieldLabel(e.field), message: translateMessage(t, e.message) })}
                        </Text>
                      ))}
                    </Stack>
                  ) : r.duplicate ? (
                    <Stack gap={4} align="flex-start">
                      <Badge size="sm" color="blue" variant="light">
                        {r.duplicate.possible ? t('imports.preview.possible') : t('imports.preview.badges.duplicate')}
                      </Badge>
                      <Text size="xs">
                        {r.duplicate.row ? t('imports.preview.duplicateOfRow', { row: r.duplicate.row, label: r.duplicate.label }) : t('imports.preview.duplicateOf', { label: r.duplicate.label })} ({t(`imports.preview.reasons.${r.duplicate.reason}`)})
                      </Text>
                      <Select
                        aria-label={t('imports.preview.actionFor', { row: r.row })}
                        data={actions}
                        value={perRow[r.row] ?? defaultAction(r, all)}
                        onChange={(v) => v && onRow(r.row, v as DuplicateAction)}
                        allowDeselect={false}
                        size="xs"
                      />
                    </Stack>
                  ) : (
                    <Badge size="sm" color="teal.9" variant="filled">
                      {t('imports.preview.badges.ready')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {preview.more > 0 ? <Text size="sm">{t('imports.preview.more', { count: preview.more })}</Text> : null}
      <Group>
        <Button variant="default" onClick={onBack}>
          {t('imports.back')}
        </Button>
        <Button onClick={onApply} disabled={count === 0}>
          {count === preview.rowCount ? t('imports.start', { count }) : t('imports.startSome', { count, total: preview.rowCount })}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t('imports.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

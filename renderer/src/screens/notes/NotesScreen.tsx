import { Group, MultiSelect, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useMatch, useNavigate } from 'react-router';
import { countryName, isKnownCountry } from '../../../../shared/domain/countries';
import { isKnownRegion, regionName } from '../../../../shared/domain/regions';
import { languageFromTag } from '../../../../shared/i18n';
import { noteKinds, noteSortKeys, noteStatuses, type NoteKind, type NoteListItem } from '../../../../shared/schemas/note';
import type { ViewRecord } from '../../../../shared/schemas/view';
import { useApi } from '../../api/context';
import { useCommand } from '../../app/commands';
import { ColumnChooser } from '../../components/ColumnChooser';
import { CountryPicker } from '../../components/CountryPicker';
import { DataTable, type Column, type SortState } from '../../components/DataTable';
import { ListPane } from '../../components/ListPane';
import { RegionPicker } from '../../components/RegionPicker';
import { SavedViews } from '../../components/SavedViews';
import { formatDate } from '../../lib/format';
import { isStringArray, usePersistentState } from '../../lib/usePersistentState';
import { useWindowedList } from '../../lib/windowed';
import { NoteStatusBadge } from './badges';
import { NoteDetail } from './NoteDetail';
import { NoteEditor } from './NoteEditor';
import './notes.css';

type SortKey = (typeof noteSortKeys)[number];
type NoteStatus = (typeof noteStatuses)[number];

interface Filter {
  text: string;
  kinds: NoteKind[];
  statuses: NoteStatus[];
  countries: string[];
  regions: string[];
  topics: string[];
}

const noFilter: Filter = { text: '', kinds: [], statuses: [], countries: [], regions: [], topics: [] };
const defaultColumns = ['title', 'kind', 'status', 'countries', 'updatedAt'];
const asArray = <T extends string>(v: unknown, allowed?: readonly T[]): T[] =>
  Array.isArray(v) ? (v.filter((x) => typeof x === 'string' && (!allowed || allowed.includes(x as T))) as T[]) : [];

/** Strategy notes: the windowed list with filters and views beside the selected note, its editor or its versions. */
export function NotesScreen() {
  const { t, i18n } = useTranslation();
  const lang = languageFromTag(i18n.language);
  const api = useApi();
  const navigate = useNavigate();
  const match = useMatch('/notes/:id/*');
  const creating = useMatch('/notes/new');
  const editingExisting = useMatch('/notes/:id/edit');
  const editing = creating !== null || editingExisting !== null;
  const selectedId = match?.params.id && match.params.id !== 'new' ? match.params.id : null;
  const searchRef = useRef<HTMLInputElement>(null);

  const [filter, setFilter] = useState<Filter>(noFilter);
  const [sort, setSort] = useState<SortState<SortKey>>({ key: 'updatedAt', direction: 'desc' });
  const [visible, setVisible] = usePersistentState('columns.notes', defaultColumns, isStringArray);
  const [debouncedText] = useDebouncedValue(filter.text, 120);
  const set = <K extends keyof Filter>(key: K) => (value: Filter[K]) => setFilter((f) => ({ ...f, [key]: value }));

  const query = useMemo(() => ({ ...filter, text: debouncedText, sort: sort.key, direction: sort.direction }), [filter, debouncedText, sort]);
  const queryKey = useMemo(() => ['notes', 'list', query] as const, [query]);
  const list = useWindowedList<NoteListItem>(queryKey, (offset, limit) => api.notes.list({ ...query, offset, limit }));
  const vocabulary = useQuery({ queryKey: ['cases', 'vocabulary'], queryFn: () => api.cases.vocabulary({}) });
  const filtered = JSON.stringify(filter) !== JSON.stringify(noFilter);

  useCommand(
    'search.focus',
    useCallback(() => {
      searchRef.current?.focus();
      searchRef.current?.select();
    }, []),
  );

  const applyView = (view: ViewRecord) => {
    const q = view.query;
    // A saved view is data from disk: take only what this list understands.
    setFilter({
      text: typeof q.text === 'string' ? q.text : '',
      kinds: asArray(q.kinds, noteKinds),
      statuses: asArray(q.statuses, noteStatuses),
      countries: asArray<string>(q.countries).filter(isKnownCountry),
      regions: asArray<string>(q.regions).filter(isKnownRegion),
      topics: asArray(q.topics),
    });
    const sortKey = asArray<SortKey>([q.sort], noteSortKeys)[0];
    if (sortKey) setSort({ key: sortKey, direction: q.direction === 'desc' ? 'desc' : 'asc' });
    if (view.columns.length) setVisible(view.columns);
  };

  const kindOptions = useMemo(() => noteKinds.map((k) => ({ value: k, label: t(`notes.kinds.${k}`) })), [t]);
  const statusOptions = useMemo(() => noteStatuses.map((s) => ({ value: s, label: t(`notes.statuses.${s}`) })), [t]);

  const allColumns = useMemo<Array<Column<NoteListItem, SortKey> & { required?: boolean }>>(
    () => [
      {
        id: 'title',
        header: t('notes.fields.title'),
        cell: (r) => (
          <span className="ellipsis" title={r.excerpt || undefined}>
            {r.title}
          </span>
        ),
        sortKey: 'title',
        width: 'minmax(180px, 3fr)',
        required: true,
      },
      { id: 'kind', header: t('notes.fields.kind'), cell: (r) => <span className="ellipsis">{t(`notes.kinds.${r.kind}`)}</span>, sortKey: 'kind', width: '148px' },
      { id: 'status', header: t('notes.fields.status'), cell: (r) => <NoteStatusBadge status={r.status} />, sortKey: 'status', width: '96px' },
      {
        id: 'countries',
        header: t('notes.columns.countries'),
        cell: (r) => (
          <span className="ellipsis" title={r.countries.map((c) => countryName(c, lang)).join(', ') || undefined}>
            {r.countries.join(', ') || '—'}
          </span>
        ),
        width: 'minmax(56px, 0.7fr)',
      },
      {
        id: 'regions',
        header: t('notes.columns.regions'),
        cell: (r) => {
          const names = r.regions.map((code) => regionName(code, lang)).join(', ');
          return (
            <span className="ellipsis" title={names || undefined}>
              {names || '—'}
            </span>
          );
        },
        width: 'minmax(80px, 1.2fr)',
      },
      {
        id: 'topics',
        header: t('notes.columns.topics'),
        cell: (r) => (
          <span className="ellipsis" title={r.topics.join(', ') || undefined}>
            {r.topics.join(', ') || '—'}
          </span>
        ),
        width: 'minmax(80px, 1.2fr)',
      },
      { id: 'updatedAt', header: t('notes.columns.updatedAt'), cell: (r) => <span className="ellipsis">{formatDate(r.updatedAt.slice(0, 10), lang)}</span>, sortKey: 'updatedAt', width: '112px' },
    ],
    [t, lang],
  );
  const columns = allColumns.filter((c) => c.required || visible.includes(c.id));

  const detail = (
    <Routes>
      <Route path="new" element={<NoteEditor />} />
      <Route path=":id/edit" element={<NoteEditor />} />
      <Route path=":id" element={<NoteDetail />} />
      <Route
        index
        element={
          <div className="placeholder">
            <Text c="dimmed">{t('notes.selectHint')}</Text>
          </div>
        }
      />
    </Routes>
  );

  // Writing gets the whole width, like a document editor; the list comes back on save or cancel.
  if (editing) {
    return (
      <section className="detail-pane notes-editing" aria-label={t('notes.detailLabel')}>
        {detail}
      </section>
    );
  }

  return (
    <div className="split">
      <ListPane
        id="notes-title"
        title={t('notes.title')}
        count={list.total}
        countKey="notes.count"
        newLabel={t('notes.new')}
        onNew={() => navigate('/notes/new')}
        tools={
          <>
            <SavedViews list="notes" current={{ ...filter, sort: sort.key, direction: sort.direction }} columns={visible} onApply={applyView} />
            <ColumnChooser all={allColumns} visible={visible} onChange={setVisible} />
          </>
        }
        filters={
          <>
            <TextInput
              ref={searchRef}
              aria-label={t('common.search')}
              placeholder={t('notes.searchPlaceholder')}
              leftSection={<IconSearch size={14} />}
              value={filter.text}
              onChange={(e) => set('text')(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && filter.text) {
                  e.stopPropagation();
                  set('text')('');
                }
              }}
              type="search"
            />
            <MultiSelect
              aria-label={t('notes.filterKind')}
              placeholder={t('notes.filterKind')}
              data={kindOptions}
              value={filter.kinds}
              onChange={(v) => set('kinds')(v as NoteKind[])}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            <MultiSelect
              aria-label={t('notes.filterStatus')}
              placeholder={t('notes.filterStatus')}
              data={statusOptions}
              value={filter.statuses}
              onChange={(v) => set('statuses')(v as NoteStatus[])}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            <CountryPicker aria-label={t('notes.filterCountry')} placeholder={t('notes.filterCountry')} value={filter.countries} onChange={set('countries')} />
            <RegionPicker aria-label={t('lists.region')} placeholder={t('lists.region')} value={filter.regions} onChange={set('regions')} />
            <MultiSelect
              aria-label={t('lists.topic')}
              placeholder={t('lists.topic')}
              data={vocabulary.data?.topics ?? []}
              value={filter.topics}
              onChange={set('topics')}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
          </>
        }
      >
        <DataTable<NoteListItem, SortKey>
          rowCount={list.total}
          rowAt={list.rowAt}
          onRangeChange={list.onRangeChange}
          columns={columns}
          getRowId={(r) => r.id}
          label={t('notes.listLabel')}
          selectedId={selectedId}
          onActivate={(row) => navigate(`/notes/${row.id}`)}
          sort={sort}
          onSortChange={setSort}
          empty={
            list.isLoading ? null : (
              <Group justify="center" gap="xs">
                <Text c="dimmed" size="sm">
                  {filtered ? t('notes.noMatch') : t('notes.empty')}
                </Text>
              </Group>
            )
          }
        />
      </ListPane>
      <section className="detail-pane" aria-label={t('notes.detailLabel')}>
        {detail}
      </section>
    </div>
  );
}

import { Button, MultiSelect, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useMatch, useNavigate } from 'react-router';
import { countryName } from '../../../../shared/domain/countries';
import type { ContactListItem, contactSortKeys } from '../../../../shared/schemas/contact';
import { organisationKinds } from '../../../../shared/schemas/organisation';
import type { ViewRecord } from '../../../../shared/schemas/view';
import { useApi } from '../../api/context';
import { useCommand } from '../../app/commands';
import { ColumnChooser } from '../../components/ColumnChooser';
import { CountryPicker } from '../../components/CountryPicker';
import { DataTable, type Column, type SortState } from '../../components/DataTable';
import { ListPane } from '../../components/ListPane';
import { RegionPicker } from '../../components/RegionPicker';
import { SavedViews } from '../../components/SavedViews';
import { isStringArray, usePersistentState } from '../../lib/usePersistentState';
import { useWindowedList } from '../../lib/windowed';
import { cellNoteStyle, useDayFormat, useLanguage } from '../organisations/parts';
import { ContactDetail } from './ContactDetail';
import { ContactEditor } from './ContactEditor';
import { useLanguageNames, useLanguageOptions } from './languages';

/** Stable across renders, so the table's rows need not re-render for it. */
const rowId = (r: ContactListItem) => r.id;

type SortKey = (typeof contactSortKeys)[number];

interface Filter {
  text: string;
  countries: string[];
  regions: string[];
  topics: string[];
  organisationKinds: string[];
  languages: string[];
}

const noFilter: Filter = { text: '', countries: [], regions: [], topics: [], organisationKinds: [], languages: [] };
const defaultColumns = ['name', 'role', 'organisation', 'country', 'lastContact'];

export function ContactsScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const navigate = useNavigate();
  const match = useMatch('/contacts/:id/*');
  const selectedId = match?.params.id && match.params.id !== 'new' ? match.params.id : null;
  const searchRef = useRef<HTMLInputElement>(null);

  const [filter, setFilter] = useState<Filter>(noFilter);
  const [sort, setSort] = useState<SortState<SortKey>>({ key: 'name', direction: 'asc' });
  const [visible, setVisible] = usePersistentState('columns.contacts', defaultColumns, isStringArray);
  const [debouncedText] = useDebouncedValue(filter.text, 120);
  const set = <K extends keyof Filter>(key: K) => (value: Filter[K]) => setFilter((f) => ({ ...f, [key]: value }));

  const query = useMemo(() => ({ ...filter, text: debouncedText, sort: sort.key, direction: sort.direction }), [filter, debouncedText, sort]);
  const queryKey = useMemo(() => ['contacts', 'list', query] as const, [query]);
  const list = useWindowedList<ContactListItem>(queryKey, (offset, limit) => api.contacts.list({ ...query, offset, limit }));
  const vocabulary = useQuery({ queryKey: ['cases', 'vocabulary'], queryFn: () => api.cases.vocabulary({}) });
  const languageOptions = useLanguageOptions(filter.languages);
  const languageName = useLanguageNames();
  const day = useDayFormat();
  const filtered = JSON.stringify(filter) !== JSON.stringify(noFilter);

  useCommand(
    'search.focus',
    useCallback(() => {
      searchRef.current?.focus();
      searchRef.current?.select();
    }, []),
  );

  const applyView = (view: ViewRecord) => {
    const q = view.query as Partial<Filter & { sort: SortKey; direction: 'asc' | 'desc' }>;
    setFilter({ ...noFilter, ...q, text: q.text ?? '' });
    if (q.sort) setSort({ key: q.sort, direction: q.direction ?? 'asc' });
    if (view.columns.length) setVisible(view.columns);
  };

  const kindOptions = useMemo(() => organisationKinds.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) })), [t]);

  const allColumns = useMemo<Array<Column<ContactListItem, SortKey> & { required?: boolean }>>(
    () => [
      {
        id: 'name',
        header: t('contacts.columns.name'),
        cell: (r) => (
          <span className="ellipsis" title={r.nativeName ? `${r.name} · ${r.nativeName}` : r.name}>
            {r.name}
            {r.nativeName ? (
              <span style={cellNoteStyle} dir="auto">
                {' '}
                {r.nativeName}
              </span>
            ) : null}
          </span>
        ),
        sortKey: 'name',
        width: 'minmax(160px, 2.4fr)',
        required: true,
      },
      { id: 'role', header: t('contacts.columns.role'), cell: (r) => <span className="ellipsis" title={r.role ?? undefined}>{r.role ?? '—'}</span>, sortKey: 'role', width: 'minmax(100px, 1.6fr)' },
      {
        id: 'organisation',
        header: t('contacts.columns.organisation'),
        cell: (r) => <span className="ellipsis" title={r.organisationName ?? undefined}>{r.organisationName ?? '—'}</span>,
        sortKey: 'organisation',
        width: 'minmax(110px, 2fr)',
      },
      {
        id: 'country',
        header: t('contacts.columns.country'),
        cell: (r) => (r.country ? <span title={countryName(r.country, lang)}>{r.country}</span> : '—'),
        sortKey: 'country',
        width: '72px',
      },
      { id: 'email', header: t('contacts.columns.email'), cell: (r) => <span className="ellipsis">{r.email ?? '—'}</span>, width: 'minmax(120px, 1.6fr)' },
      { id: 'phone', header: t('contacts.columns.phone'), cell: (r) => <span className="ellipsis">{r.phone ?? '—'}</span>, width: 'minmax(100px, 1.2fr)' },
      { id: 'expertise', header: t('contacts.columns.expertise'), cell: (r) => <span className="ellipsis">{r.expertise.join(', ') || '—'}</span>, width: 'minmax(100px, 1.4fr)' },
      {
        id: 'languages',
        header: t('contacts.columns.languages'),
        cell: (r) => (
          <span className="ellipsis" title={r.languages.map(languageName).join(', ')}>
            {r.languages.join(', ') || '—'}
          </span>
        ),
        width: 'minmax(70px, 0.8fr)',
      },
      { id: 'lastContact', header: t('contacts.columns.lastContact'), cell: (r) => day(r.lastContact), sortKey: 'lastContact', width: '128px' },
      { id: 'updatedAt', header: t('contacts.columns.updatedAt'), cell: (r) => day(r.updatedAt), sortKey: 'updatedAt', width: '112px' },
    ],
    [t, lang, languageName, day],
  );
  const columns = useMemo(() => allColumns.filter((c) => c.required || visible.includes(c.id)), [allColumns, visible]);

  return (
    <div className="split">
      <ListPane
        id="contacts-title"
        title={t('contacts.title')}
        count={list.total}
        countKey="contacts.count"
        newLabel={t('contacts.new')}
        onNew={() => navigate('/contacts/new')}
        tools={
          <>
            <SavedViews list="contacts" current={{ ...filter, sort: sort.key, direction: sort.direction }} columns={visible} onApply={applyView} />
            <ColumnChooser all={allColumns} visible={visible} onChange={setVisible} />
          </>
        }
        filters={
          <>
            <TextInput
              ref={searchRef}
              aria-label={t('common.search')}
              placeholder={t('contacts.searchPlaceholder')}
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
            <CountryPicker aria-label={t('contacts.filterCountry')} placeholder={t('contacts.filterCountry')} value={filter.countries} onChange={set('countries')} />
            <RegionPicker aria-label={t('lists.region')} placeholder={t('lists.region')} value={filter.regions} onChange={set('regions')} />
            <MultiSelect
              aria-label={t('contacts.filterTopic')}
              placeholder={t('contacts.filterTopic')}
              data={vocabulary.data?.topics ?? []}
              value={filter.topics}
              onChange={set('topics')}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            <MultiSelect
              aria-label={t('contacts.filterKind')}
              placeholder={t('contacts.filterKind')}
              data={kindOptions}
              value={filter.organisationKinds}
              onChange={set('organisationKinds')}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            <MultiSelect
              aria-label={t('contacts.filterLanguage')}
              placeholder={t('contacts.filterLanguage')}
              data={languageOptions}
              value={filter.languages}
              onChange={set('languages')}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            {filtered ? (
              <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={15} />} onClick={() => setFilter(noFilter)} justify="flex-start">
                {t('lists.resetFilters')}
              </Button>
            ) : null}
          </>
        }
      >
        <DataTable<ContactListItem, SortKey>
          rowCount={list.total}
          rowAt={list.rowAt}
          onRangeChange={list.onRangeChange}
          columns={columns}
          getRowId={rowId}
          label={t('contacts.listLabel')}
          selectedId={selectedId}
          onActivate={(row) => navigate(`/contacts/${row.id}`)}
          sort={sort}
          onSortChange={setSort}
          empty={
            list.isLoading ? null : (
              <Text c="dimmed" size="sm">
                {filtered ? t('contacts.noMatch') : t('contacts.empty')}
              </Text>
            )
          }
        />
      </ListPane>
      <section className="detail-pane" aria-label={t('contacts.detailLabel')}>
        <Routes>
          <Route path="new" element={<ContactEditor key="new" />} />
          <Route path=":id/edit" element={<ContactEditor />} />
          <Route path=":id" element={<ContactDetail />} />
          <Route
            index
            element={
              <div className="placeholder">
                <Text c="dimmed">{t('contacts.selectHint')}</Text>
              </div>
            }
          />
        </Routes>
      </section>
    </div>
  );
}

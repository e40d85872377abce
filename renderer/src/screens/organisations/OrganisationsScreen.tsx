import { Button, MultiSelect, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useMatch, useNavigate } from 'react-router';
import { countryName } from '../../../../shared/domain/countries';
import { organisationKinds, type OrganisationKind, type OrganisationListItem, type organisationSortKeys } from '../../../../shared/schemas/organisation';
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
import { OrganisationDetail } from './OrganisationDetail';
import { OrganisationEditor } from './OrganisationEditor';
import { cellNoteStyle, useDayFormat, useLanguage } from './parts';

/** Stable across renders, so the table's rows need not re-render for it. */
const rowId = (r: OrganisationListItem) => r.id;

type SortKey = (typeof organisationSortKeys)[number];

interface Filter {
  text: string;
  kinds: OrganisationKind[];
  countries: string[];
  regions: string[];
  topics: string[];
}

const noFilter: Filter = { text: '', kinds: [], countries: [], regions: [], topics: [] };
const defaultColumns = ['name', 'kind', 'country', 'city', 'people', 'cases'];

export function OrganisationsScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const day = useDayFormat();
  const api = useApi();
  const navigate = useNavigate();
  const match = useMatch('/organisations/:id/*');
  const selectedId = match?.params.id && match.params.id !== 'new' ? match.params.id : null;
  const searchRef = useRef<HTMLInputElement>(null);

  const [filter, setFilter] = useState<Filter>(noFilter);
  const [sort, setSort] = useState<SortState<SortKey>>({ key: 'name', direction: 'asc' });
  const [visible, setVisible] = usePersistentState('columns.organisations', defaultColumns, isStringArray);
  const [debouncedText] = useDebouncedValue(filter.text, 120);
  const set = <K extends keyof Filter>(key: K) => (value: Filter[K]) => setFilter((f) => ({ ...f, [key]: value }));

  const query = useMemo(() => ({ ...filter, text: debouncedText, sort: sort.key, direction: sort.direction }), [filter, debouncedText, sort]);
  const queryKey = useMemo(() => ['organisations', 'list', query] as const, [query]);
  const list = useWindowedList<OrganisationListItem>(queryKey, (offset, limit) => api.organisations.list({ ...query, offset, limit }));
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
    const q = view.query as Partial<Filter & { sort: SortKey; direction: 'asc' | 'desc' }>;
    setFilter({ ...noFilter, ...q, text: q.text ?? '' });
    if (q.sort) setSort({ key: q.sort, direction: q.direction ?? 'asc' });
    if (view.columns.length) setVisible(view.columns);
  };

  const kindOptions = useMemo(() => organisationKinds.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) })), [t]);

  const allColumns = useMemo<Array<Column<OrganisationListItem, SortKey> & { required?: boolean }>>(
    () => [
      {
        id: 'name',
        header: t('organisations.fields.name'),
        cell: (r) => (
          <span className="ellipsis" title={r.shortName ? `${r.name} (${r.shortName})` : r.name}>
            {r.name}
            {r.shortName ? (
              <span style={cellNoteStyle}>
                {' '}
                {r.shortName}
              </span>
            ) : null}
          </span>
        ),
        sortKey: 'name',
        width: 'minmax(180px, 3fr)',
        required: true,
      },
      { id: 'kind', header: t('organisations.fields.kind'), cell: (r) => <span className="ellipsis" title={t(`organisations.kinds.${r.kind}`)}>{t(`organisations.kinds.${r.kind}`)}</span>, sortKey: 'kind', width: 'minmax(90px, 1.1fr)' },
      {
        id: 'country',
        header: t('organisations.fields.country'),
        cell: (r) => (r.country ? <span title={countryName(r.country, lang)}>{r.country}</span> : '—'),
        sortKey: 'country',
        width: '76px',
      },
      { id: 'city', header: t('organisations.fields.city'), cell: (r) => <span className="ellipsis" title={r.city}>{r.city || '—'}</span>, sortKey: 'city', width: 'minmax(80px, 1fr)' },
      { id: 'parent', header: t('organisations.columns.parent'), cell: (r) => <span className="ellipsis">{r.parentName ?? '—'}</span>, width: 'minmax(90px, 1.2fr)' },
      { id: 'topics', header: t('organisations.columns.topics'), cell: (r) => <span className="ellipsis">{r.topics.join(', ') || '—'}</span>, width: 'minmax(90px, 1.2fr)' },
      { id: 'people', header: t('organisations.columns.people'), cell: (r) => r.people || '—', sortKey: 'people', width: '84px' },
      { id: 'cases', header: t('organisations.columns.cases'), cell: (r) => r.cases || '—', sortKey: 'cases', width: '84px' },
      { id: 'updatedAt', header: t('organisations.fields.updatedAt'), cell: (r) => day(r.updatedAt), sortKey: 'updatedAt', width: '112px' },
    ],
    [t, lang, day],
  );
  const columns = useMemo(() => allColumns.filter((c) => c.required || visible.includes(c.id)), [allColumns, visible]);

  return (
    <div className="split">
      <ListPane
        id="organisations-title"
        title={t('organisations.title')}
        count={list.total}
        countKey="organisations.count"
        newLabel={t('organisations.new')}
        onNew={() => navigate('/organisations/new')}
        tools={
          <>
            <SavedViews list="organisations" current={{ ...filter, sort: sort.key, direction: sort.direction }} columns={visible} onApply={applyView} />
            <ColumnChooser all={allColumns} visible={visible} onChange={setVisible} />
          </>
        }
        filters={
          <>
            <TextInput
              ref={searchRef}
              aria-label={t('common.search')}
              placeholder={t('organisations.searchPlaceholder')}
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
              aria-label={t('organisations.filterKind')}
              placeholder={t('organisations.filterKind')}
              data={kindOptions}
              value={filter.kinds}
              onChange={(v) => set('kinds')(v as OrganisationKind[])}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            <CountryPicker
              aria-label={t('organisations.filterCountry')}
              placeholder={t('organisations.filterCountry')}
              value={filter.countries}
              onChange={set('countries')}
            />
            <RegionPicker aria-label={t('lists.region')} placeholder={t('lists.region')} value={filter.regions} onChange={set('regions')} />
            <MultiSelect
              style={{ gridColumn: 'span 2' }}
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
            {filtered ? (
              <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={15} />} onClick={() => setFilter(noFilter)} justify="flex-start">
                {t('lists.resetFilters')}
              </Button>
            ) : null}
          </>
        }
      >
        <DataTable<OrganisationListItem, SortKey>
          rowCount={list.total}
          rowAt={list.rowAt}
          onRangeChange={list.onRangeChange}
          columns={columns}
          getRowId={rowId}
          label={t('organisations.listLabel')}
          selectedId={selectedId}
          onActivate={(row) => navigate(`/organisations/${row.id}`)}
          sort={sort}
          onSortChange={setSort}
          empty={
            list.isLoading ? null : (
              <Text c="dimmed" size="sm">
                {filtered ? t('organisations.noMatch') : t('organisations.empty')}
              </Text>
            )
          }
        />
      </ListPane>
      <section className="detail-pane" aria-label={t('organisations.detailLabel')}>
        <Routes>
          <Route path="new" element={<OrganisationEditor key="new" />} />
          <Route path=":id/edit" element={<OrganisationEditor />} />
          <Route path=":id" element={<OrganisationDetail />} />
          <Route
            index
            element={
              <div className="placeholder">
                <Text c="dimmed">{t('organisations.selectHint')}</Text>
              </div>
            }
          />
        </Routes>
      </section>
    </div>
  );
}

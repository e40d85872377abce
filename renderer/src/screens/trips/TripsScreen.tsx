import { Group, MultiSelect, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useMatch, useNavigate } from 'react-router';
import { countryName } from '../../../../shared/domain/countries';
import { tripPhases, type TripListItem, type tripSortKeys } from '../../../../shared/schemas/trip';
import { useApi } from '../../api/context';
import { useCommand } from '../../app/commands';
import { CountryPicker } from '../../components/CountryPicker';
import { DataTable, type Column, type SortState } from '../../components/DataTable';
import { ListPane } from '../../components/ListPane';
import { useWindowedList } from '../../lib/windowed';
import { ClassificationBadge, compactRange, PhaseBadge, useLanguage, type TripPhase } from './parts';
import { TripDetail } from './TripDetail';
import { TripEditor } from './TripEditor';
import './trips.css';

type SortKey = (typeof tripSortKeys)[number];

interface Filter {
  text: string;
  phases: TripPhase[];
  countries: string[];
}

const noFilter: Filter = { text: '', phases: [], countries: [] };

/** Delegation trips: the windowed list beside the selected trip, its editor or a new one. */
export function TripsScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const navigate = useNavigate();
  const match = useMatch('/trips/:id/*');
  const selectedId = match?.params.id && match.params.id !== 'new' ? match.params.id : null;
  const searchRef = useRef<HTMLInputElement>(null);

  const [filter, setFilter] = useState<Filter>(noFilter);
  const [sort, setSort] = useState<SortState<SortKey>>({ key: 'startDate', direction: 'desc' });
  const [debouncedText] = useDebouncedValue(filter.text, 120);
  const set = <K extends keyof Filter>(key: K) => (value: Filter[K]) => setFilter((f) => ({ ...f, [key]: value }));

  const query = useMemo(() => ({ ...filter, text: debouncedText, sort: sort.key, direction: sort.direction }), [filter, debouncedText, sort]);
  const queryKey = useMemo(() => ['trips', 'list', query] as const, [query]);
  const list = useWindowedList<TripListItem>(queryKey, (offset, limit) => api.trips.list({ ...query, offset, limit }));
  const filtered = JSON.stringify(filter) !== JSON.stringify(noFilter);

  useCommand(
    'search.focus',
    useCallback(() => {
      searchRef.current?.focus();
      searchRef.current?.select();
    }, []),
  );

  const columns = useMemo<Array<Column<TripListItem, SortKey>>>(
    () => [
      {
        id: 'title',
        header: t('trips.columns.title'),
        // Two lines: the title, and where the trip goes (the pane is too narrow for a column of its own).
        cell: (r) => {
          const places = r.destinations.map((d) => [d.city, countryName(d.country, lang)].filter(Boolean).join(', ')).join(' · ');
          return (
            <div className="trip-cell" title={`${r.title}\n${places}`}>
              <span className="ellipsis">{r.title}</span>
              <span className="ellipsis trip-cell-sub">
                <VisuallyHidden component="span">{t('trips.columns.destinations')}: </VisuallyHidden>
                {places}
              </span>
            </div>
          );
        },
        sortKey: 'title',
        width: 'minmax(124px, 3fr)',
      },
      {
        id: 'dates',
        header: t('trips.columns.dates'),
        cell: (r) => <span className="ellipsis num">{compactRange(r.startDate, r.endDate, lang)}</span>,
        sortKey: 'startDate',
        width: 'minmax(126px, 1.3fr)',
      },
      { id: 'phase', header: t('trips.columns.phase'), cell: (r) => <PhaseBadge phase={r.phase} size="xs" />, width: '102px' },
      { id: 'head', header: t('trips.columns.head'), cell: (r) => (
          <span className="ellipsis" title={r.head ?? undefined}>
            {r.head ?? '—'}
          </span>
        ), width: 'minmax(70px, 1.2fr)' },
      { id: 'meetings', header: t('trips.columns.meetings'), cell: (r) => <span className="num">{r.meetings}</span>, width: '66px' },
      { id: 'classification', header: t('trips.columns.classification'), cell: (r) => <ClassificationBadge level={r.classification} size="xs" />, width: '96px' },
    ],
    [t, lang],
  );

  return (
    <div className="split">
      <ListPane
        id="trips-title"
        title={t('trips.title')}
        count={list.total}
        countKey="trips.count"
        newLabel={t('trips.new')}
        onNew={() => navigate('/trips/new')}
        filters={
          <>
            <TextInput
              ref={searchRef}
              aria-label={t('common.search')}
              placeholder={t('trips.searchPlaceholder')}
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
              aria-label={t('trips.filterPhase')}
              placeholder={t('trips.filterPhase')}
              data={tripPhases.map((p) => ({ value: p, label: t(`trips.phases.${p}`) }))}
              value={filter.phases}
              onChange={(v) => set('phases')(v as TripPhase[])}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            <CountryPicker aria-label={t('trips.filterCountry')} placeholder={t('trips.filterCountry')} value={filter.countries} onChange={set('countries')} />
          </>
        }
      >
        <DataTable<TripListItem, SortKey>
          rowCount={list.total}
          rowAt={list.rowAt}
          onRangeChange={list.onRangeChange}
          columns={columns}
          getRowId={(r) => r.id}
          rowHeight={46}
          label={t('trips.listLabel')}
          selectedId={selectedId}
          onActivate={(row) => navigate(`/trips/${row.id}`)}
          sort={sort}
          onSortChange={setSort}
          empty={
            list.isLoading ? null : (
              <Group justify="center" gap="xs">
                <Text c="dimmed" size="sm">
                  {filtered ? t('trips.noMatch') : t('trips.empty')}
                </Text>
              </Group>
            )
          }
        />
      </ListPane>
      <section className="detail-pane" aria-label={t('trips.detailLabel')}>
        <Routes>
          <Route path="new" element={<TripEditor key="new" />} />
          <Route path=":id/edit" element={<TripEditor />} />
          <Route path=":id" element={<TripDetail />} />
          <Route
            index
            element={
              <div className="placeholder">
                <Text c="dimmed">{t('trips.selectHint')}</Text>
              </div>
            }
          />
        </Routes>
      </section>
    </div>
  );
}

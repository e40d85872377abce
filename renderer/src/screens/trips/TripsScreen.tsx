import { VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import { tripPhases, type TripListItem, type tripSortKeys } from '../../../../shared/features/trips/schema';
import { useApi } from '../../api/context';
import { CountryPicker } from '../../components/CountryPicker';
import type { Column } from '../../components/DataTable';
import { DetailRoutes } from '../../components/list/DetailRoutes';
import { FilterSelect, ResetFilters, SearchFilter } from '../../components/list/filters';
import { ListTable } from '../../components/list/ListTable';
import { groupFromAddress, useFilteredList } from '../../components/list/useFilteredList';
import { ListPane } from '../../components/ListPane';
import { SplitView } from '../../components/list/SplitView';
import { preferredListWidth } from '../../components/DataTable';
import { compactRange, PhaseBadge } from './parts';
import { ClassificationBadge } from '../../components/ClassificationBadge';
import { useLanguage } from '../../app/language';
import type { TripPhase } from '../../../../shared/features/trips/schema';
import { ExportMenu } from '../exports/ExportMenu';
import { useGroupOptions } from '../cooperations/parts';
import { TripDetail } from './TripDetail';
import { TripEditor } from './TripEditor';
import './trips.css';

type SortKey = (typeof tripSortKeys)[number];

interface Filter {
  text: string;
  phases: TripPhase[];
  countries: string[];
  groups: string[];
}

const noFilter: Filter = { text: '', phases: [], countries: [], groups: [] };
/** What the list's cells show, column by column: the title cell also names the destinations, the status cell the classification. */
const exportedColumns = ['title', 'destinations', 'startDate', 'endDate', 'phase', 'classification', 'head', 'meetings'];

/** Delegation trips: the windowed list beside the selected trip, its editor or a new one. */
export function TripsScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const navigate = useNavigate();
  const list = useFilteredList<Filter, SortKey, TripListItem>({
    name: 'trips',
    noFilter,
    initialSort: { key: 'startDate', direction: 'desc' },
    fetchPage: (query) => api.trips.list(query),
    fromAddress: groupFromAddress,
  });
  const { filter, set } = list;
  const groupOptions = useGroupOptions();

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
        width: 'minmax(180px, 2.6fr)',
      },
      {
        id: 'dates',
        header: t('trips.columns.dates'),
        cell: (r) => <span className="ellipsis num">{compactRange(r.startDate, r.endDate, lang)}</span>,
        sortKey: 'startDate',
        width: 'minmax(134px, 1.2fr)',
      },
      {
        id: 'phase',
        header: t('trips.columns.status'),
        // Phase over classification: both are short badges, and stacked they leave the head of delegation room.
        cell: (r) => (
          <div className="trip-cell-badges">
            <PhaseBadge phase={r.phase} size="xs" />
            <ClassificationBadge level={r.classification} size="xs" />
          </div>
        ),
        width: '116px',
      },
      {
        id: 'head',
        header: t('trips.columns.head'),
        cell: (r) => (
          <span className="ellipsis" title={r.head ?? undefined}>
            {r.head ?? '—'}
          </span>
        ),
        width: 'minmax(120px, 1.6fr)',
      },
      { id: 'meetings', header: t('trips.columns.meetings'), cell: (r) => <span className="num">{r.meetings}</span>, width: '84px' },
    ],
    [t, lang],
  );

  return (
    <SplitView
      name="trips"
      base="/trips"
      listWidth={preferredListWidth(columns)}
      detailLabel={t('trips.detailLabel')}
      list={
        <ListPane
          id="trips-title"
          title={t('trips.title')}
          count={list.rows.total}
          countKey="trips.count"
          newLabel={t('trips.new')}
          onNew={() => navigate('/trips/new')}
          tools={<ExportMenu list="trips" query={list.current} columns={exportedColumns} />}
          filters={
            <>
              <SearchFilter value={filter.text} onChange={set('text')} placeholder={t('trips.searchPlaceholder')} />
              <FilterSelect
                label={t('trips.filterPhase')}
                data={tripPhases.map((p) => ({ value: p, label: t(`trips.phases.${p}`) }))}
                value={filter.phases}
                onChange={set('phases')}
              />
              <CountryPicker aria-label={t('trips.filterCountry')} placeholder={t('trips.filterCountry')} value={filter.countries} onChange={set('countries')} />
              <FilterSelect label={t('groups.filter')} data={groupOptions.data ?? []} value={filter.groups} onChange={set('groups')} searchable />
              {list.filtered ? <ResetFilters onReset={list.reset} /> : null}
            </>
          }
        >
          <ListTable base="/trips" label={t('trips.listLabel')} state={list} columns={columns} rowHeight={46} empty={t('trips.empty')} noMatch={t('trips.noMatch')} />
        </ListPane>
      }
    >
      <DetailRoutes editor={TripEditor} detail={TripDetail} hint={t('trips.selectHint')} />
    </SplitView>
  );
}

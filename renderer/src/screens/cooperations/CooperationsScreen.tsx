/**
 * Cooperations: the windowed list (filters by status, partner country, topic, our institute and
 * group) beside the selected cooperation, its editor or a new one.
 */
import { VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { cooperationStatuses, type CooperationListItem, type CooperationStatus, type cooperationSortKeys } from '../../../../shared/features/cooperations/schema';
import { countryName } from '../../../../shared/features/countries/names';
import { useApi } from '../../api/context';
import { useVocabulary } from '../../api/vocabulary';
import { useLanguage } from '../../app/language';
import { CountryPicker } from '../../components/CountryPicker';
import { preferredListWidth, type Column } from '../../components/DataTable';
import { DetailRoutes } from '../../components/list/DetailRoutes';
import type { InputOf } from '../../../../shared/contract';
import { ReportExport } from '../exports/ReportExport';
import { FilterSelect, ResetFilters, SearchFilter } from '../../components/list/filters';
import { ListTable } from '../../components/list/ListTable';
import { SplitView } from '../../components/list/SplitView';
import { groupFromAddress, useFilteredList } from '../../components/list/useFilteredList';
import { ListPane } from '../../components/ListPane';
import { ImportButton } from '../imports/ImportButton';
import { CooperationDetail } from './CooperationDetail';
import { CooperationEditor } from './CooperationEditor';
import { CooperationStatusBadge, formatPeriod, formatVolume, useGroupOptions } from './parts';
import './cooperations.css';

type SortKey = (typeof cooperationSortKeys)[number];

interface Filter {
  text: string;
  statuses: CooperationStatus[];
  countries: string[];
  topics: string[];
  institutes: string[];
  groups: string[];
}

const noFilter: Filter = { text: '', statuses: [], countries: [], topics: [], institutes: [], groups: [] };

/** Our institutes to filter by: the research institutes and universities in the workspace. */
function useInstituteOptions() {
  const api = useApi();
  return useQuery({
    queryKey: ['organisations', 'list', 'institutes'],
    queryFn: async () => (await api.organisations.list({ kinds: ['researchInstitute', 'university'], limit: 1000, sort: 'name', direction: 'asc' })).rows.map((o) => ({ value: o.id, label: o.shortName ? `${o.name} (${o.shortName})` : o.name })),
  });
}

export function CooperationsScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const navigate = useNavigate();
  const vocabulary = useVocabulary();
  const institutes = useInstituteOptions();
  const groups = useGroupOptions();
  const list = useFilteredList<Filter, SortKey, CooperationListItem>({
    name: 'cooperations',
    noFilter,
    initialSort: { key: 'updatedAt', direction: 'desc' },
    fetchPage: (query) => api.cooperations.list(query),
    fromAddress: groupFromAddress,
  });
  const { filter, set } = list;
  const statusOptions = useMemo(() => cooperationStatuses.map((s) => ({ value: s, label: t(`cooperations.statuses.${s}`) })), [t]);

  const columns = useMemo<Array<Column<CooperationListItem, SortKey>>>(
    () => [
      {
        id: 'title',
        header: t('cooperations.columns.title'),
        // Two lines: the title, and who it is with (the pane is too narrow for a column of its own).
        cell: (r) => {
          const who = [...r.institutes, ...r.partners].join(' · ');
          return (
            <div className="coop-cell" title={`${r.title}\n${who}`}>
              <span className="ellipsis">{r.title}</span>
              <span className="ellipsis coop-cell-sub">
                <VisuallyHidden component="span">{t('cooperations.columns.partners')}: </VisuallyHidden>
                {who || '—'}
              </span>
            </div>
          );
        },
        sortKey: 'title',
        width: 'minmax(180px, 2.6fr)',
      },
      { id: 'status', header: t('cooperations.columns.status'), cell: (r) => <CooperationStatusBadge status={r.status} size="xs" />, sortKey: 'status', width: '124px' },
      {
        id: 'countries',
        header: t('cooperations.columns.countries'),
        cell: (r) => (
          <span className="ellipsis" title={r.countries.map((c) => countryName(c, lang)).join(', ')}>
            {r.countries.join(', ') || '—'}
          </span>
        ),
        width: '90px',
      },
      { id: 'programme', header: t('cooperations.columns.programme'), cell: (r) => <span className="ellipsis" title={r.programme}>{r.programme || '—'}</span>, width: 'minmax(110px, 1.4fr)' },
      { id: 'period', header: t('cooperations.columns.period'), cell: (r) => <span className="ellipsis num">{formatPeriod(r.start, r.end, lang)}</span>, sortKey: 'start', width: 'minmax(120px, 1.2fr)' },
      { id: 'volume', header: t('cooperations.columns.volume'), cell: (r) => <span className="num">{formatVolume(r.volume, lang)}</span>, sortKey: 'volume', width: '104px' },
    ],
    [t, lang],
  );

  return (
    <SplitView
      name="cooperations"
      base="/cooperations"
      listWidth={preferredListWidth(columns)}
      detailLabel={t('cooperations.detailLabel')}
      list={
        <ListPane
          id="cooperations-title"
          title={t('cooperations.title')}
          count={list.rows.total}
          countKey="cooperations.count"
          newLabel={t('cooperations.new')}
          onNew={() => navigate('/cooperations/new')}
          tools={
            <>
              <ImportButton target="cooperations" />
              {/* The report of the cooperations as filtered here (the list's query, sort included, for the list at its end). */}
              <ReportExport
                label={t('reports.portfolioAction')}
                hint={t('reports.portfolioHint')}
                title={t('reports.portfolioTitle')}
                start={(choice) => api.exports.portfolioReport({ query: list.current as InputOf<'exports.portfolioReport'>['query'], ...choice })}
              />
            </>
          }
          filters={
            <>
              <SearchFilter value={filter.text} onChange={set('text')} placeholder={t('cooperations.searchPlaceholder')} />
              <FilterSelect label={t('cooperations.filterStatus')} data={statusOptions} value={filter.statuses} onChange={set('statuses')} />
              <CountryPicker aria-label={t('cooperations.filterCountry')} placeholder={t('cooperations.filterCountry')} value={filter.countries} onChange={set('countries')} />
              <FilterSelect label={t('lists.topic')} data={vocabulary.data?.topics ?? []} value={filter.topics} onChange={set('topics')} searchable />
              <FilterSelect label={t('cooperations.filterInstitute')} data={institutes.data ?? []} value={filter.institutes} onChange={set('institutes')} searchable />
              <FilterSelect label={t('cooperations.filterGroup')} data={groups.data ?? []} value={filter.groups} onChange={set('groups')} searchable />
              {list.filtered ? <ResetFilters onReset={list.reset} /> : null}
            </>
          }
        >
          <ListTable base="/cooperations" label={t('cooperations.listLabel')} state={list} columns={columns} rowHeight={46} empty={t('cooperations.empty')} noMatch={t('cooperations.noMatch')} />
        </ListPane>
      }
    >
      <DetailRoutes editor={CooperationEditor} detail={CooperationDetail} hint={t('cooperations.selectHint')} />
    </SplitView>
  );
}

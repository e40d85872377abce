/**
 * Funding programmes and calls: the windowed list by deadline (filters by country, topic and
 * upcoming deadlines only) beside the selected programme, its editor or a new one.
 */
import { Switch } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import type { ProgrammeListItem, programmeSortKeys } from '../../../../shared/features/programmes/schema';
import { useApi } from '../../api/context';
import { useVocabulary } from '../../api/vocabulary';
import { useLanguage } from '../../app/language';
import { CountryPicker } from '../../components/CountryPicker';
import { preferredListWidth, type Column } from '../../components/DataTable';
import { DetailRoutes } from '../../components/list/DetailRoutes';
import { FilterSelect, ResetFilters, SearchFilter } from '../../components/list/filters';
import { ListTable } from '../../components/list/ListTable';
import { SplitView } from '../../components/list/SplitView';
import { useFilteredList } from '../../components/list/useFilteredList';
import { ListPane } from '../../components/ListPane';
import { formatDate, todayIso } from '../../lib/format';
import { ProgrammeDetail } from './ProgrammeDetail';
import { ProgrammeEditor } from './ProgrammeEditor';

type SortKey = (typeof programmeSortKeys)[number];

interface Filter {
  text: string;
  countries: string[];
  topics: string[];
  upcoming: boolean;
}

const noFilter: Filter = { text: '', countries: [], topics: [], upcoming: false };

export function ProgrammesScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const navigate = useNavigate();
  const vocabulary = useVocabulary();
  const list = useFilteredList<Filter, SortKey, ProgrammeListItem>({
    name: 'programmes',
    noFilter,
    initialSort: { key: 'deadline', direction: 'asc' },
    fetchPage: ({ upcoming, ...query }) => api.programmes.list({ ...query, ...(upcoming ? { deadlineFrom: todayIso() } : {}) }),
  });
  const { filter, set } = list;

  const columns = useMemo<Array<Column<ProgrammeListItem, SortKey>>>(
    () => [
      { id: 'name', header: t('programmes.columns.name'), cell: (r) => <span className="ellipsis" title={r.name}>{r.name}</span>, sortKey: 'name', width: 'minmax(180px, 2.4fr)' },
      { id: 'funder', header: t('programmes.columns.funder'), cell: (r) => <span className="ellipsis" title={r.funder}>{r.funder || '—'}</span>, sortKey: 'funder', width: 'minmax(90px, 1fr)' },
      {
        id: 'deadline',
        header: t('programmes.columns.deadline'),
        cell: (r) => <span className="num">{r.deadline ? formatDate(r.deadline, lang) : t('programmes.noDeadline')}</span>,
        sortKey: 'deadline',
        width: '116px',
      },
      {
        id: 'countries',
        header: t('programmes.columns.countries'),
        cell: (r) => (
          <span className="ellipsis" title={r.countries.map((c) => countryName(c, lang)).join(', ')}>
            {r.countries.join(', ') || '—'}
          </span>
        ),
        width: 'minmax(80px, 1fr)',
      },
      { id: 'cooperations', header: t('programmes.columns.cooperations'), cell: (r) => <span className="num">{r.cooperations || '—'}</span>, sortKey: 'cooperations', width: '110px' },
    ],
    [t, lang],
  );

  return (
    <SplitView
      name="programmes"
      base="/programmes"
      listWidth={preferredListWidth(columns)}
      detailLabel={t('programmes.detailLabel')}
      list={
        <ListPane
          id="programmes-title"
          title={t('programmes.title')}
          count={list.rows.total}
          countKey="programmes.count"
          newLabel={t('programmes.new')}
          onNew={() => navigate('/programmes/new')}
          filters={
            <>
              <SearchFilter value={filter.text} onChange={set('text')} placeholder={t('programmes.searchPlaceholder')} />
              <CountryPicker aria-label={t('programmes.filterCountry')} placeholder={t('programmes.filterCountry')} value={filter.countries} onChange={set('countries')} />
              <FilterSelect label={t('lists.topic')} data={vocabulary.data?.topics ?? []} value={filter.topics} onChange={set('topics')} searchable />
              <Switch label={t('programmes.upcomingOnly')} checked={filter.upcoming} onChange={(e) => set('upcoming')(e.currentTarget.checked)} />
              {list.filtered ? <ResetFilters onReset={list.reset} /> : null}
            </>
          }
        >
          <ListTable base="/programmes" label={t('programmes.listLabel')} state={list} columns={columns} empty={t('programmes.empty')} noMatch={t('programmes.noMatch')} />
        </ListPane>
      }
    >
      <DetailRoutes editor={ProgrammeEditor} detail={ProgrammeDetail} hint={t('programmes.selectHint')} />
    </SplitView>
  );
}

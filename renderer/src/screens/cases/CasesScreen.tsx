import { Badge } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import { caseStatuses, type CaseListItem, type CaseStatus, type caseSortKeys } from '../../../../shared/features/cases/schema';
import { classifications, type Classification } from '../../../../shared/schemas/classification';
import { useApi } from '../../api/context';
import { useVocabulary } from '../../api/vocabulary';
import { useCommand } from '../../app/commands';
import { CountryPicker } from '../../components/CountryPicker';
import { DetailRoutes } from '../../components/list/DetailRoutes';
import { FilterSelect, ResetFilters, SearchFilter } from '../../components/list/filters';
import { ListTable } from '../../components/list/ListTable';
import { ListTools, useColumnChoice, type ChoosableColumn } from '../../components/list/ListTools';
import { groupFromAddress, useFilteredList } from '../../components/list/useFilteredList';
import { ListPane } from '../../components/ListPane';
import { SplitView } from '../../components/list/SplitView';
import { preferredListWidth } from '../../components/DataTable';
import { RegionPicker } from '../../components/RegionPicker';
import { StatusBadge } from '../../components/StatusBadge';
import { ClassificationBadge } from '../../components/ClassificationBadge';
import { formatDate, todayIso } from '../../lib/format';
import { CaseDetail } from './CaseDetail';
import { CaseEditor } from './CaseEditor';
import { useProgrammeOptions } from '../cooperations/parts';
import { useLanguage } from '../../app/language';
import { useGroupOptions } from '../cooperations/parts';

type SortKey = (typeof caseSortKeys)[number];

interface Filter {
  text: string;
  statuses: CaseStatus[];
  countries: string[];
  regions: string[];
  topics: string[];
  owners: string[];
  programmeIds: string[];
  classifications: Classification[];
  groups: string[];
}

const noFilter: Filter = { text: '', statuses: [], countries: [], regions: [], topics: [], owners: [], programmeIds: [], classifications: [], groups: [] };
const defaultColumns = ['reference', 'title', 'status', 'countries', 'dueOn', 'tasks'];

export function CasesScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const navigate = useNavigate();
  const list = useFilteredList<Filter, SortKey, CaseListItem>({
    name: 'cases',
    noFilter,
    initialSort: { key: 'updatedAt', direction: 'desc' },
    fetchPage: (query) => api.cases.list(query),
    fromAddress: groupFromAddress,
  });
  const vocabulary = useVocabulary();
  const programmes = useProgrammeOptions();
  const groupOptions = useGroupOptions();
  const classificationOptions = useMemo(() => classifications.map((c) => ({ value: c, label: t(`book.classification.${c}`) })), [t]);

  useCommand('case.new', useCallback(() => navigate('/cases/new'), [navigate]));

  const allColumns = useMemo<Array<ChoosableColumn<CaseListItem, SortKey>>>(
    () => [
      { id: 'reference', header: t('cases.fields.reference'), cell: (r) => <span className="mono">{r.reference}</span>, sortKey: 'reference', width: '116px' },
      { id: 'title', header: t('cases.fields.title'), cell: (r) => <span className="ellipsis">{r.title}</span>, sortKey: 'title', width: 'minmax(180px, 3fr)', required: true },
      { id: 'client', header: t('cases.fields.client'), cell: (r) => <span className="ellipsis">{r.clientName || '—'}</span>, sortKey: 'client', width: 'minmax(120px, 2fr)' },
      { id: 'status', header: t('cases.fields.status'), cell: (r) => <StatusBadge status={r.status} />, sortKey: 'status', width: '148px' },
      { id: 'priority', header: t('cases.fields.priority'), cell: (r) => t(`cases.priority.${r.priority}`), sortKey: 'priority', width: '90px' },
      {
        id: 'countries',
        header: t('cases.columns.countries'),
        cell: (r) => (
          <span className="ellipsis" title={r.countries.map((c) => countryName(c, lang)).join(', ')}>
            {r.countries.join(', ') || '—'}
          </span>
        ),
        width: 'minmax(70px, 1fr)',
      },
      { id: 'programme', header: t('cases.fields.programme'), cell: (r) => <span className="ellipsis" title={r.programmeName}>{r.programmeName || '—'}</span>, width: 'minmax(110px, 1.4fr)' },
      {
        id: 'classification',
        header: t('cases.fields.classification'),
        cell: (r) => <ClassificationBadge level={r.classification} size="xs" />,
        width: '112px',
      },
      { id: 'owner', header: t('cases.fields.owner'), cell: (r) => <span className="ellipsis">{r.owner || '—'}</span>, width: 'minmax(90px, 1fr)' },
      {
        id: 'dueOn',
        header: t('cases.fields.dueOn'),
        cell: (r) => {
          const overdue = r.dueOn !== null && r.dueOn < todayIso() && r.status !== 'closed';
          return <span className={overdue ? 'overdue' : undefined}>{formatDate(r.dueOn, lang)}</span>;
        },
        sortKey: 'dueOn',
        width: '120px',
      },
      {
        id: 'tasks',
        header: t('cases.columns.tasks'),
        cell: (r) =>
          r.openTasks ? (
            <Badge size="sm" variant={r.overdueTasks ? 'filled' : 'light'} color={r.overdueTasks ? 'red' : 'gray'} title={t('tasks.openOverdue', { open: r.openTasks, overdue: r.overdueTasks })}>
              {r.overdueTasks ? `${r.openTasks} · ${r.overdueTasks}!` : r.openTasks}
            </Badge>
          ) : (
            '—'
          ),
        width: '74px',
      },
      { id: 'updatedAt', header: t('cases.fields.updatedAt'), cell: (r) => formatDate(r.updatedAt.slice(0, 10), lang), sortKey: 'updatedAt', width: '120px' },
    ],
    [t, lang],
  );
  const columns = useColumnChoice('columns.cases', defaultColumns, allColumns);
  const { filter, set } = list;

  return (
    <SplitView
      name="cases"
      base="/cases"
      listWidth={preferredListWidth(columns.shown)}
      detailLabel={t('cases.detailLabel')}
      list={
        <ListPane
          id="cases-title"
          title={t('cases.title')}
          count={list.rows.total}
          countKey="cases.count"
          newLabel={t('cases.new')}
          newTitle={t('cases.newShortcut')}
          onNew={() => navigate('/cases/new')}
          tools={<ListTools list="cases" state={list} columns={columns} />}
          filters={
            <>
              <SearchFilter value={filter.text} onChange={set('text')} placeholder={t('cases.searchPlaceholder')} />
              <FilterSelect
                label={t('cases.filterStatus')}
                data={caseStatuses.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
                value={filter.statuses}
                onChange={set('statuses')}
              />
              <CountryPicker aria-label={t('cases.filterCountry')} placeholder={t('cases.filterCountry')} value={filter.countries} onChange={set('countries')} />
              <RegionPicker aria-label={t('lists.region')} placeholder={t('lists.region')} value={filter.regions} onChange={set('regions')} />
              <FilterSelect label={t('lists.topic')} data={vocabulary.data?.topics ?? []} value={filter.topics} onChange={set('topics')} searchable />
              <FilterSelect label={t('lists.owner')} data={vocabulary.data?.listOwners.cases ?? []} value={filter.owners} onChange={set('owners')} searchable />
              <FilterSelect label={t('cases.filterProgramme')} data={programmes.data ?? []} value={filter.programmeIds} onChange={set('programmeIds')} searchable />
              <FilterSelect label={t('cases.filterClassification')} data={classificationOptions} value={filter.classifications} onChange={set('classifications')} />
              <FilterSelect label={t('groups.filter')} data={groupOptions.data ?? []} value={filter.groups} onChange={set('groups')} searchable />
              {list.filtered ? <ResetFilters onReset={list.reset} /> : null}
            </>
          }
        >
          <ListTable base="/cases" label={t('cases.listLabel')} state={list} columns={columns.shown} empty={t('cases.empty')} noMatch={t('cases.noMatch')} />
        </ListPane>
      }
    >
      <DetailRoutes editor={CaseEditor} detail={CaseDetail} hint={t('cases.selectHint')} />
    </SplitView>
  );
}

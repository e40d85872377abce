import { Badge, Group, MultiSelect, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useMatch, useNavigate } from 'react-router';
import { countryName } from '../../../../shared/domain/countries';
import { languageFromTag } from '../../../../shared/i18n';
import { caseStatuses, type CaseListItem, type CaseStatus, type caseSortKeys } from '../../../../shared/schemas/case';
import type { ViewRecord } from '../../../../shared/schemas/view';
import { useApi } from '../../api/context';
import { useCommand } from '../../app/commands';
import { ColumnChooser } from '../../components/ColumnChooser';
import { CountryPicker } from '../../components/CountryPicker';
import { DataTable, type Column, type SortState } from '../../components/DataTable';
import { ListPane } from '../../components/ListPane';
import { RegionPicker } from '../../components/RegionPicker';
import { SavedViews } from '../../components/SavedViews';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, todayIso } from '../../lib/format';
import { isStringArray, usePersistentState } from '../../lib/usePersistentState';
import { useWindowedList } from '../../lib/windowed';
import { CaseDetail } from './CaseDetail';
import { CaseEditor } from './CaseEditor';

type SortKey = (typeof caseSortKeys)[number];

interface Filter {
  text: string;
  statuses: CaseStatus[];
  countries: string[];
  regions: string[];
  topics: string[];
  owners: string[];
}

const noFilter: Filter = { text: '', statuses: [], countries: [], regions: [], topics: [], owners: [] };
const defaultColumns = ['reference', 'title', 'status', 'countries', 'dueOn', 'tasks'];

export function CasesScreen() {
  const { t, i18n } = useTranslation();
  const lang = languageFromTag(i18n.language);
  const api = useApi();
  const navigate = useNavigate();
  const match = useMatch('/cases/:id/*');
  const selectedId = match?.params.id && match.params.id !== 'new' ? match.params.id : null;
  const searchRef = useRef<HTMLInputElement>(null);

  const [filter, setFilter] = useState<Filter>(noFilter);
  const [sort, setSort] = useState<SortState<SortKey>>({ key: 'updatedAt', direction: 'desc' });
  const [visible, setVisible] = usePersistentState('columns.cases', defaultColumns, isStringArray);
  const [debouncedText] = useDebouncedValue(filter.text, 120);
  const set = <K extends keyof Filter>(key: K) => (value: Filter[K]) => setFilter((f) => ({ ...f, [key]: value }));

  const query = useMemo(() => ({ ...filter, text: debouncedText, sort: sort.key, direction: sort.direction }), [filter, debouncedText, sort]);
  const queryKey = useMemo(() => ['cases', 'list', query] as const, [query]);
  const list = useWindowedList<CaseListItem>(queryKey, (offset, limit) => api.cases.list({ ...query, offset, limit }));
  const vocabulary = useQuery({ queryKey: ['cases', 'vocabulary'], queryFn: () => api.cases.vocabulary({}) });
  const filtered = JSON.stringify(filter) !== JSON.stringify(noFilter);

  useCommand('case.new', useCallback(() => navigate('/cases/new'), [navigate]));
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

  const allColumns = useMemo<Array<Column<CaseListItem, SortKey> & { required?: boolean }>>(
    () => [
      { id: 'reference', header: t('cases.fields.reference'), cell: (r) => <span className="mono">{r.reference}</span>, sortKey: 'reference', width: '116px' },
      { id: 'title', header: t('cases.fields.title'), cell: (r) => <span className="ellipsis">{r.title}</span>, sortKey: 'title', width: 'minmax(180px, 3fr)', required: true },
      { id: 'client', header: t('cases.fields.client'), cell: (r) => <span className="ellipsis">{r.clientName || '—'}</span>, sortKey: 'client', width: 'minmax(120px, 2fr)' },
      { id: 'status', header: t('cases.fields.status'), cell: (r) => <StatusBadge status={r.status} />, sortKey: 'status', width: '118px' },
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
      { id: 'owner', header: t('cases.fields.owner'), cell: (r) => <span className="ellipsis">{r.owner || '—'}</span>, width: 'minmax(90px, 1fr)' },
      {
        id: 'dueOn',
        header: t('cases.fields.dueOn'),
        cell: (r) => {
          const overdue = r.dueOn !== null && r.dueOn < todayIso() && r.status !== 'closed';
          return <span className={overdue ? 'overdue' : undefined}>{formatDate(r.dueOn, lang)}</span>;
        },
        sortKey: 'dueOn',
        width: '104px',
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
      { id: 'updatedAt', header: t('cases.fields.updatedAt'), cell: (r) => formatDate(r.updatedAt.slice(0, 10), lang), sortKey: 'updatedAt', width: '104px' },
    ],
    [t, lang],
  );
  const columns = allColumns.filter((c) => c.required || visible.includes(c.id));

  return (
    <div className="split">
      <ListPane
        id="cases-title"
        title={t('cases.title')}
        count={list.total}
        countKey="cases.count"
        newLabel={t('cases.new')}
        newTitle={t('cases.newShortcut')}
        onNew={() => navigate('/cases/new')}
        tools={
          <>
            <SavedViews list="cases" current={{ ...filter, sort: sort.key, direction: sort.direction }} columns={visible} onApply={applyView} />
            <ColumnChooser all={allColumns} visible={visible} onChange={setVisible} />
          </>
        }
        filters={
          <>
            <TextInput
              ref={searchRef}
              aria-label={t('common.search')}
              placeholder={t('cases.searchPlaceholder')}
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
              aria-label={t('cases.filterStatus')}
              placeholder={t('cases.filterStatus')}
              data={caseStatuses.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
              value={filter.statuses}
              onChange={(v) => set('statuses')(v as CaseStatus[])}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            <CountryPicker aria-label={t('cases.filterCountry')} placeholder={t('cases.filterCountry')} value={filter.countries} onChange={set('countries')} />
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
            <MultiSelect
              aria-label={t('lists.owner')}
              placeholder={t('lists.owner')}
              data={vocabulary.data?.owners ?? []}
              value={filter.owners}
              onChange={set('owners')}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
          </>
        }
      >
        <DataTable<CaseListItem, SortKey>
          rowCount={list.total}
          rowAt={list.rowAt}
          onRangeChange={list.onRangeChange}
          columns={columns}
          getRowId={(r) => r.id}
          label={t('cases.listLabel')}
          selectedId={selectedId}
          onActivate={(row) => navigate(`/cases/${row.id}`)}
          sort={sort}
          onSortChange={setSort}
          empty={
            list.isLoading ? null : (
              <Group justify="center" gap="xs">
                <Text c="dimmed" size="sm">
                  {filtered ? t('cases.noMatch') : t('cases.empty')}
                </Text>
              </Group>
            )
          }
        />
      </ListPane>
      <section className="detail-pane" aria-label={t('cases.detailLabel')}>
        <Routes>
          <Route path="new" element={<CaseEditor key="new" />} />
          <Route path=":id/edit" element={<CaseEditor />} />
          <Route path=":id" element={<CaseDetail />} />
          <Route
            index
            element={
              <div className="placeholder">
                <Text c="dimmed">{t('cases.selectHint')}</Text>
              </div>
            }
          />
        </Routes>
      </section>
    </div>
  );
}

import { Button, Group, MultiSelect, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useMatch, useNavigate } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useDebouncedValue } from '@mantine/hooks';
import { countryName } from '../../../../shared/domain/countries';
import { languageFromTag } from '../../../../shared/i18n';
import { caseStatuses, type CaseListItem, type CaseStatus, type caseSortKeys } from '../../../../shared/schemas/case';
import { useApi } from '../../api/context';
import { useCommand } from '../../app/commands';
import { CountryPicker } from '../../components/CountryPicker';
import { DataTable, type SortState } from '../../components/DataTable';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, todayIso } from '../../lib/format';
import { CaseDetail } from './CaseDetail';
import { CaseEditor } from './CaseEditor';

type SortKey = (typeof caseSortKeys)[number];

export function CasesScreen() {
  const { t, i18n } = useTranslation();
  const lang = languageFromTag(i18n.language);
  const api = useApi();
  const navigate = useNavigate();
  const match = useMatch('/cases/:id/*');
  const selectedId = match?.params.id && match.params.id !== 'new' ? match.params.id : null;
  const searchRef = useRef<HTMLInputElement>(null);

  const [text, setText] = useState('');
  const [statuses, setStatuses] = useState<CaseStatus[]>([]);
  const [countries, setCountries] = useState<string[]>([]);
  const [sort, setSort] = useState<SortState<SortKey>>({ key: 'updatedAt', direction: 'desc' });
  const [debouncedText] = useDebouncedValue(text, 120);

  const query = { text: debouncedText, statuses, countries, sort: sort.key, direction: sort.direction };
  const list = useQuery({
    queryKey: ['cases', 'list', query],
    queryFn: () => api.cases.list(query),
    placeholderData: keepPreviousData,
  });
  const rows = list.data ?? [];
  const filtered = text !== '' || statuses.length > 0 || countries.length > 0;

  useCommand('case.new', useCallback(() => navigate('/cases/new'), [navigate]));
  useCommand(
    'search.focus',
    useCallback(() => {
      searchRef.current?.focus();
      searchRef.current?.select();
    }, []),
  );

  const columns = useMemo<Array<ColumnDef<CaseListItem, unknown> & { meta?: { sortKey?: SortKey; width?: string } }>>(
    () => [
      { id: 'reference', header: t('cases.fields.reference'), cell: ({ row }) => <span className="mono">{row.original.reference}</span>, meta: { sortKey: 'reference', width: '116px' } },
      { id: 'title', header: t('cases.fields.title'), cell: ({ row }) => <span className="ellipsis">{row.original.title}</span>, meta: { sortKey: 'title', width: 'minmax(180px, 3fr)' } },
      { id: 'status', header: t('cases.fields.status'), cell: ({ row }) => <StatusBadge status={row.original.status} />, meta: { sortKey: 'status', width: '118px' } },
      {
        id: 'countries',
        header: t('cases.columns.countries'),
        cell: ({ row }) => <span className="ellipsis" title={row.original.countries.map((c) => countryName(c, lang)).join(', ')}>{row.original.countries.join(', ') || '—'}</span>,
        meta: { width: 'minmax(70px, 1fr)' },
      },
      {
        id: 'dueOn',
        header: t('cases.fields.dueOn'),
        cell: ({ row }) => {
          const due = row.original.dueOn;
          const overdue = due !== null && due < todayIso() && row.original.status !== 'closed';
          return <span className={overdue ? 'overdue' : undefined}>{formatDate(due, lang)}</span>;
        },
        meta: { sortKey: 'dueOn', width: '104px' },
      },
    ],
    [t, lang],
  );

  return (
    <div className="split">
      <section className="list-pane" aria-labelledby="cases-title">
        <div className="pane-header">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Title order={1} size="h3" id="cases-title">
                {t('cases.title')}
              </Title>
              <Text size="xs" c="dimmed" aria-live="polite">
                {t('cases.count', { count: rows.length })}
              </Text>
            </div>
            <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/cases/new')} title={t('cases.newShortcut')}>
              {t('cases.new')}
            </Button>
          </Group>
          <div className="filters">
            <TextInput
              ref={searchRef}
              aria-label={t('common.search')}
              placeholder={t('cases.searchPlaceholder')}
              leftSection={<IconSearch size={14} />}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && text) {
                  e.stopPropagation();
                  setText('');
                }
              }}
              type="search"
            />
            <MultiSelect
              aria-label={t('cases.filterStatus')}
              placeholder={t('cases.filterStatus')}
              data={caseStatuses.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
              value={statuses}
              onChange={(v) => setStatuses(v as CaseStatus[])}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: true }}
            />
            <CountryPicker aria-label={t('cases.filterCountry')} placeholder={t('cases.filterCountry')} value={countries} onChange={setCountries} />
          </div>
        </div>
        <DataTable<CaseListItem, SortKey>
          rows={rows}
          columns={columns}
          getRowId={(r) => r.id}
          label={t('cases.listLabel')}
          selectedId={selectedId}
          onActivate={(row) => navigate(`/cases/${row.id}`)}
          sort={sort}
          onSortChange={setSort}
          empty={<Text c="dimmed" size="sm">{filtered ? t('cases.noMatch') : t('cases.empty')}</Text>}
        />
      </section>
      <section className="detail-pane">
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

import { Button } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import { organisationKinds, type OrganisationKind, type OrganisationListItem, type organisationSortKeys } from '../../../../shared/features/organisations/schema';
import { useApi } from '../../api/context';
import { useVocabulary } from '../../api/vocabulary';
import { CountryPicker } from '../../components/CountryPicker';
import { DetailRoutes } from '../../components/list/DetailRoutes';
import { FilterSelect, ResetFilters, SearchFilter } from '../../components/list/filters';
import { ListTable } from '../../components/list/ListTable';
import { SelectionBar } from '../../components/list/SelectionBar';
import { ListTools, useColumnChoice, type ChoosableColumn } from '../../components/list/ListTools';
import { groupFromAddress, useFilteredList } from '../../components/list/useFilteredList';
import { ListPane } from '../../components/ListPane';
import { SplitView } from '../../components/list/SplitView';
import { preferredListWidth } from '../../components/DataTable';
import { RegionPicker } from '../../components/RegionPicker';
import { OrganisationDetail } from './OrganisationDetail';
import { OrganisationEditor } from './OrganisationEditor';
import { MergeOrganisationDialog } from './MergeOrganisationDialog';
import { cellNoteStyle, useDayFormat } from './parts';
import { useLanguage } from '../../app/language';
import { ImportButton } from '../imports/ImportButton';
import { useGroupOptions } from '../cooperations/parts';
import { ManageGroupsDialog } from './GroupDialogs';

type SortKey = (typeof organisationSortKeys)[number];

interface Filter {
  text: string;
  kinds: OrganisationKind[];
  countries: string[];
  regions: string[];
  topics: string[];
  owners: string[];
  groups: string[];
}

const noFilter: Filter = { text: '', kinds: [], countries: [], regions: [], topics: [], owners: [], groups: [] };
const defaultColumns = ['name', 'kind', 'country', 'city', 'people', 'cases'];
const nameOf = (o: OrganisationListItem) => o.name;

export function OrganisationsScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const day = useDayFormat();
  const api = useApi();
  const navigate = useNavigate();
  const openId = useMatch('/organisations/:id/*')?.params.id;
  const list = useFilteredList<Filter, SortKey, OrganisationListItem>({
    name: 'organisations',
    noFilter,
    initialSort: { key: 'name', direction: 'asc' },
    fetchPage: (query) => api.organisations.list(query),
    fromAddress: groupFromAddress,
  });
  const { filter, set } = list;
  const vocabulary = useVocabulary();
  const groupOptions = useGroupOptions();
  const [managingGroups, setManagingGroups] = useState(false);

  const kindOptions = useMemo(() => organisationKinds.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) })), [t]);

  const allColumns = useMemo<Array<ChoosableColumn<OrganisationListItem, SortKey>>>(
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
      { id: 'owner', header: t('organisations.columns.owner'), cell: (r) => <span className="ellipsis" title={r.owner || undefined}>{r.owner || '—'}</span>, width: 'minmax(90px, 1fr)' },
      { id: 'people', header: t('organisations.columns.people'), cell: (r) => r.people || '—', sortKey: 'people', width: '84px' },
      { id: 'cases', header: t('organisations.columns.cases'), cell: (r) => r.cases || '—', sortKey: 'cases', width: '84px' },
      { id: 'updatedAt', header: t('organisations.fields.updatedAt'), cell: (r) => day(r.updatedAt), sortKey: 'updatedAt', width: '112px' },
    ],
    [t, lang, day],
  );
  const columns = useColumnChoice('columns.organisations', defaultColumns, allColumns);

  return (
    <SplitView
      name="organisations"
      base="/organisations"
      listWidth={preferredListWidth(columns.shown)}
      detailLabel={t('organisations.detailLabel')}
      list={
        <ListPane
          id="organisations-title"
          title={t('organisations.title')}
          count={list.rows.total}
          countKey="organisations.count"
          newLabel={t('organisations.new')}
          onNew={() => navigate('/organisations/new')}
          tools={
            <>
              <ListTools list="organisations" state={list} columns={columns} />
              <ImportButton target="organisations" />
              <Button size="xs" variant="default" onClick={() => setManagingGroups(true)} aria-haspopup="dialog">
                {t('groups.manage')}
              </Button>
              {managingGroups ? <ManageGroupsDialog onClose={() => setManagingGroups(false)} /> : null}
            </>
          }
          filters={
            <>
              <SearchFilter value={filter.text} onChange={set('text')} placeholder={t('organisations.searchPlaceholder')} />
              <FilterSelect label={t('organisations.filterKind')} data={kindOptions} value={filter.kinds} onChange={set('kinds')} />
              <CountryPicker
                aria-label={t('organisations.filterCountry')}
                placeholder={t('organisations.filterCountry')}
                value={filter.countries}
                onChange={set('countries')}
              />
              <RegionPicker aria-label={t('lists.region')} placeholder={t('lists.region')} value={filter.regions} onChange={set('regions')} />
              <FilterSelect label={t('lists.topic')} data={vocabulary.data?.topics ?? []} value={filter.topics} onChange={set('topics')} searchable />
              <FilterSelect label={t('lists.owner')} data={vocabulary.data?.listOwners.organisations ?? []} value={filter.owners} onChange={set('owners')} searchable />
              <FilterSelect label={t('groups.filter')} data={groupOptions.data ?? []} value={filter.groups} onChange={set('groups')} searchable />
              {list.filtered ? <ResetFilters onReset={list.reset} /> : null}
            </>
          }
        >
          <SelectionBar
            selection={list.selection}
            list="organisations"
            columns={columns.shown.map((c) => c.id)}
            mergeDialog={(pair, onClose, onMerged) => (
              <MergeOrganisationDialog
                pair={pair}
                onClose={onClose}
                onMerged={(kept) => {
                  onMerged();
                  // The open record was merged away: show the one that was kept.
                  if (openId && openId !== kept.id && (openId === pair.keepId || openId === pair.otherId)) navigate(`/organisations/${kept.id}`);
                }}
              />
            )}
          />
          <ListTable
            base="/organisations"
            label={t('organisations.listLabel')}
            state={list}
            columns={columns.shown}
            empty={t('organisations.empty')}
            noMatch={t('organisations.noMatch')}
            selection={list.selection}
            rowName={nameOf}
          />
        </ListPane>
      }
    >
      <DetailRoutes editor={OrganisationEditor} detail={OrganisationDetail} hint={t('organisations.selectHint')} />
    </SplitView>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router';
import { countryName } from '../../../../shared/features/countries/names';
import type { ContactListItem, contactSortKeys } from '../../../../shared/features/contacts/schema';
import { organisationKinds } from '../../../../shared/features/organisations/schema';
import { useApi } from '../../api/context';
import { useVocabulary } from '../../api/vocabulary';
import { CountryPicker } from '../../components/CountryPicker';
import { DetailRoutes } from '../../components/list/DetailRoutes';
import { FilterSelect, ResetFilters, SearchFilter } from '../../components/list/filters';
import { FilterStandIn, useFilterWaiting } from '../../components/list/deferredFilters';
import { ListTable } from '../../components/list/ListTable';
import { SelectionBar } from '../../components/list/SelectionBar';
import { ListTools, useColumnChoice, type ChoosableColumn } from '../../components/list/ListTools';
import { groupFromAddress, useFilteredList } from '../../components/list/useFilteredList';
import { ListPane } from '../../components/ListPane';
import { SplitView } from '../../components/list/SplitView';
import { preferredListWidth } from '../../components/DataTable';
import { RegionPicker } from '../../components/RegionPicker';
import { cellNoteStyle, useDayFormat } from '../organisations/parts';
import { useLanguage } from '../../app/language';
import { contactsInitialSort, contactsNoFilter } from './firstCalls';
import { ContactDetail } from './ContactDetail';
import { ContactEditor } from './ContactEditor';
import { MergeContactDialog } from './MergeContactDialog';
import { useLanguageNames, useLanguageOptions } from './languages';
import { ImportButton } from '../imports/ImportButton';
import { useGroupOptions } from '../cooperations/parts';

type SortKey = (typeof contactSortKeys)[number];

type Filter = typeof contactsNoFilter;

const noFilter: Filter = contactsNoFilter;
const defaultColumns = ['name', 'role', 'organisation', 'country', 'lastContact'];
const nameOf = (c: ContactListItem) => c.name;

export function ContactsScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const navigate = useNavigate();
  const openId = useMatch('/contacts/:id/*')?.params.id;
  const list = useFilteredList<Filter, SortKey, ContactListItem>({
    name: 'contacts',
    noFilter,
    initialSort: contactsInitialSort,
    fetchPage: (query) => api.contacts.list(query),
    fromAddress: groupFromAddress,
  });
  const { filter, set } = list;
  const vocabulary = useVocabulary();
  const groupOptions = useGroupOptions();
  const languageName = useLanguageNames();
  const day = useDayFormat();

  const kindOptions = useMemo(() => organisationKinds.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) })), [t]);

  const allColumns = useMemo<Array<ChoosableColumn<ContactListItem, SortKey>>>(
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
      { id: 'owner', header: t('contacts.columns.owner'), cell: (r) => <span className="ellipsis" title={r.owner || undefined}>{r.owner || '—'}</span>, width: 'minmax(90px, 1fr)' },
      { id: 'lastContact', header: t('contacts.columns.lastContact'), cell: (r) => day(r.lastContact), sortKey: 'lastContact', width: '128px' },
      { id: 'updatedAt', header: t('contacts.columns.updatedAt'), cell: (r) => day(r.updatedAt), sortKey: 'updatedAt', width: '112px' },
    ],
    [t, lang, languageName, day],
  );
  const columns = useColumnChoice('columns.contacts', defaultColumns, allColumns);

  return (
    <SplitView
      name="contacts"
      base="/contacts"
      listWidth={preferredListWidth(columns.shown)}
      detailLabel={t('contacts.detailLabel')}
      list={
        <ListPane
          id="contacts-title"
          title={t('contacts.title')}
          count={list.rows.total}
          countKey="contacts.count"
          newLabel={t('contacts.new')}
          onNew={() => navigate('/contacts/new')}
          tools={
            <>
              <ListTools list="contacts" state={list} columns={columns} />
              <ImportButton target="people" />
            </>
          }
          filters={
            <>
              <SearchFilter value={filter.text} onChange={set('text')} placeholder={t('contacts.searchPlaceholder')} />
              <CountryPicker aria-label={t('contacts.filterCountry')} placeholder={t('contacts.filterCountry')} value={filter.countries} onChange={set('countries')} />
              <RegionPicker aria-label={t('lists.region')} placeholder={t('lists.region')} value={filter.regions} onChange={set('regions')} />
              <FilterSelect label={t('contacts.filterTopic')} data={vocabulary.data?.topics ?? []} value={filter.topics} onChange={set('topics')} searchable />
              <FilterSelect label={t('contacts.filterKind')} data={kindOptions} value={filter.organisationKinds} onChange={set('organisationKinds')} />
              <LanguageFilter label={t('contacts.filterLanguage')} value={filter.languages} onChange={set('languages')} />
              <FilterSelect label={t('lists.owner')} data={vocabulary.data?.listOwners.contacts ?? []} value={filter.owners} onChange={set('owners')} searchable />
              <FilterSelect label={t('groups.filter')} data={groupOptions.data ?? []} value={filter.groups} onChange={set('groups')} searchable />
              {list.filtered ? <ResetFilters onReset={list.reset} /> : null}
            </>
          }
        >
          <SelectionBar
            selection={list.selection}
            list="contacts"
            columns={columns.shown.map((c) => c.id)}
            mergeDialog={(pair, onClose, onMerged) => (
              <MergeContactDialog
                pair={pair}
                onClose={onClose}
                onMerged={(kept) => {
                  onMerged();
                  // The open record was merged away: show the one that was kept.
                  if (openId && openId !== kept.id && (openId === pair.keepId || openId === pair.otherId)) navigate(`/contacts/${kept.id}`);
                }}
              />
            )}
          />
          <ListTable
            base="/contacts"
            label={t('contacts.listLabel')}
            state={list}
            columns={columns.shown}
            empty={t('contacts.empty')}
            noMatch={t('contacts.noMatch')}
            selection={list.selection}
            rowName={nameOf}
          />
        </ListPane>
      }
    >
      <DetailRoutes editor={ContactEditor} detail={ContactDetail} hint={t('contacts.selectHint')} />
    </SplitView>
  );
}

type LanguageFilterProps = { label: string; value: string[]; onChange: (codes: string[]) => void };

/** The language filter: its options (every language named in the UI language, sorted) are made only once it mounts. */
function LanguageFilter(props: LanguageFilterProps) {
  return useFilterWaiting() ? <FilterStandIn placeholder={props.label} /> : <LanguageSelect {...props} />;
}

function LanguageSelect({ label, value, onChange }: LanguageFilterProps) {
  const data = useLanguageOptions(value);
  return <FilterSelect label={label} data={data} value={value} onChange={onChange} searchable />;
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router';
import { countryName, isKnownCountry } from '../../../../shared/features/countries/names';
import { isKnownRegion, regionName } from '../../../../shared/features/countries/regions';
import { noteKinds, noteSortKeys, noteStatuses, type NoteKind, type NoteListItem } from '../../../../shared/features/notes/schema';
import { classifications, type Classification } from '../../../../shared/schemas/classification';
import { useApi } from '../../api/context';
import { useVocabulary } from '../../api/vocabulary';
import { CountryPicker } from '../../components/CountryPicker';
import { DetailRoutes } from '../../components/list/DetailRoutes';
import { FilterSelect, SearchFilter } from '../../components/list/filters';
import { ListTable } from '../../components/list/ListTable';
import { ListTools, useColumnChoice, type ChoosableColumn } from '../../components/list/ListTools';
import { useFilteredList, type RestoredView } from '../../components/list/useFilteredList';
import { ListPane } from '../../components/ListPane';
import { SplitView } from '../../components/list/SplitView';
import { preferredListWidth } from '../../components/DataTable';
import { RegionPicker } from '../../components/RegionPicker';
import { ClassificationBadge } from '../../components/ClassificationBadge';
import { formatDate } from '../../lib/format';
import { NoteStatusBadge } from './badges';
import { NoteDetail } from './NoteDetail';
import { NoteEditor } from './NoteEditor';
import './notes.css';
import { useLanguage } from '../../app/language';

type SortKey = (typeof noteSortKeys)[number];
type NoteStatus = (typeof noteStatuses)[number];

interface Filter {
  text: string;
  kinds: NoteKind[];
  statuses: NoteStatus[];
  countries: string[];
  regions: string[];
  topics: string[];
  owners: string[];
  classifications: Classification[];
}

const noFilter: Filter = { text: '', kinds: [], statuses: [], countries: [], regions: [], topics: [], owners: [], classifications: [] };
const defaultColumns = ['title', 'kind', 'status', 'countries', 'updatedAt'];
const asArray = <T extends string>(v: unknown, allowed?: readonly T[]): T[] =>
  Array.isArray(v) ? (v.filter((x) => typeof x === 'string' && (!allowed || allowed.includes(x as T))) as T[]) : [];

/** A saved view is data from disk: take only what this list understands. */
function readView(q: Record<string, unknown>): RestoredView<Filter, SortKey> {
  const sortKey = asArray<SortKey>([q.sort], noteSortKeys)[0];
  return {
    filter: {
      text: typeof q.text === 'string' ? q.text : '',
      kinds: asArray(q.kinds, noteKinds),
      statuses: asArray(q.statuses, noteStatuses),
      countries: asArray<string>(q.countries).filter(isKnownCountry),
      regions: asArray<string>(q.regions).filter(isKnownRegion),
      topics: asArray(q.topics),
      owners: asArray(q.owners),
      classifications: asArray(q.classifications, classifications),
    },
    sort: sortKey ? { key: sortKey, direction: q.direction === 'desc' ? 'desc' : 'asc' } : undefined,
  };
}

/** Strategy notes: the windowed list with filters and views beside the selected note, its editor or its versions. */
export function NotesScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const navigate = useNavigate();
  const creating = useMatch('/notes/new');
  const editingExisting = useMatch('/notes/:id/edit');
  const editing = creating !== null || editingExisting !== null;
  const list = useFilteredList<Filter, SortKey, NoteListItem>({
    name: 'notes',
    noFilter,
    initialSort: { key: 'updatedAt', direction: 'desc' },
    fetchPage: (query) => api.notes.list(query),
    readView,
  });
  const { filter, set } = list;
  const vocabulary = useVocabulary();

  const kindOptions = useMemo(() => noteKinds.map((k) => ({ value: k, label: t(`notes.kinds.${k}`) })), [t]);
  const statusOptions = useMemo(() => noteStatuses.map((s) => ({ value: s, label: t(`notes.statuses.${s}`) })), [t]);
  const classificationOptions = useMemo(() => classifications.map((c) => ({ value: c, label: t(`book.classification.${c}`) })), [t]);

  const allColumns = useMemo<Array<ChoosableColumn<NoteListItem, SortKey>>>(
    () => [
      {
        id: 'title',
        header: t('notes.fields.title'),
        cell: (r) => (
          <span className="ellipsis" title={r.excerpt || undefined}>
            {r.title}
          </span>
        ),
        sortKey: 'title',
        width: 'minmax(180px, 3fr)',
        required: true,
      },
      { id: 'kind', header: t('notes.fields.kind'), cell: (r) => <span className="ellipsis">{t(`notes.kinds.${r.kind}`)}</span>, sortKey: 'kind', width: '148px' },
      { id: 'status', header: t('notes.fields.status'), cell: (r) => <NoteStatusBadge status={r.status} />, sortKey: 'status', width: '96px' },
      {
        id: 'countries',
        header: t('notes.columns.countries'),
        cell: (r) => (
          <span className="ellipsis" title={r.countries.map((c) => countryName(c, lang)).join(', ') || undefined}>
            {r.countries.join(', ') || '—'}
          </span>
        ),
        width: 'minmax(56px, 0.7fr)',
      },
      {
        id: 'regions',
        header: t('notes.columns.regions'),
        cell: (r) => {
          const names = r.regions.map((code) => regionName(code, lang)).join(', ');
          return (
            <span className="ellipsis" title={names || undefined}>
              {names || '—'}
            </span>
          );
        },
        width: 'minmax(80px, 1.2fr)',
      },
      {
        id: 'topics',
        header: t('notes.columns.topics'),
        cell: (r) => (
          <span className="ellipsis" title={r.topics.join(', ') || undefined}>
            {r.topics.join(', ') || '—'}
          </span>
        ),
        width: 'minmax(80px, 1.2fr)',
      },
      { id: 'owner', header: t('notes.columns.owner'), cell: (r) => <span className="ellipsis" title={r.owner || undefined}>{r.owner || '—'}</span>, width: 'minmax(90px, 1fr)' },
      { id: 'classification', header: t('notes.fields.classification'), cell: (r) => <ClassificationBadge level={r.classification} size="xs" />, width: '112px' },
      { id: 'updatedAt', header: t('notes.columns.updatedAt'), cell: (r) => <span className="ellipsis">{formatDate(r.updatedAt.slice(0, 10), lang)}</span>, sortKey: 'updatedAt', width: '112px' },
    ],
    [t, lang],
  );
  const columns = useColumnChoice('columns.notes', defaultColumns, allColumns);

  const detail = <DetailRoutes editor={NoteEditor} detail={NoteDetail} hint={t('notes.selectHint')} />;

  // Writing gets the whole width, like a document editor; the list comes back on save or cancel.
  if (editing) {
    return (
      <section className="detail-pane notes-editing" aria-label={t('notes.detailLabel')}>
        {detail}
      </section>
    );
  }

  return (
    <SplitView
      name="notes"
      base="/notes"
      listWidth={preferredListWidth(columns.shown)}
      detailLabel={t('notes.detailLabel')}
      list={
        <ListPane
          id="notes-title"
          title={t('notes.title')}
          count={list.rows.total}
          countKey="notes.count"
          newLabel={t('notes.new')}
          onNew={() => navigate('/notes/new')}
          tools={<ListTools list="notes" state={list} columns={columns} />}
          filters={
            <>
              <SearchFilter value={filter.text} onChange={set('text')} placeholder={t('notes.searchPlaceholder')} />
              <FilterSelect label={t('notes.filterKind')} data={kindOptions} value={filter.kinds} onChange={set('kinds')} />
              <FilterSelect label={t('notes.filterStatus')} data={statusOptions} value={filter.statuses} onChange={set('statuses')} />
              <CountryPicker aria-label={t('notes.filterCountry')} placeholder={t('notes.filterCountry')} value={filter.countries} onChange={set('countries')} />
              <RegionPicker aria-label={t('lists.region')} placeholder={t('lists.region')} value={filter.regions} onChange={set('regions')} />
              <FilterSelect label={t('lists.topic')} data={vocabulary.data?.topics ?? []} value={filter.topics} onChange={set('topics')} searchable />
              <FilterSelect label={t('lists.owner')} data={vocabulary.data?.listOwners.notes ?? []} value={filter.owners} onChange={set('owners')} searchable />
              <FilterSelect label={t('notes.filterClassification')} data={classificationOptions} value={filter.classifications} onChange={set('classifications')} />
            </>
          }
        >
          <ListTable base="/notes" label={t('notes.listLabel')} state={list} columns={columns.shown} empty={t('notes.empty')} noMatch={t('notes.noMatch')} />
        </ListPane>
      }
    >
      {detail}
    </SplitView>
  );
}

/**
 * The priorities service (`priorities.*`): strategy priorities by the record recipe, and the
 * activity against a priority in its place — trips, people met, cooperations, open cases — with
 * the gaps the pure rules find (shared/features/priorities/rules.ts). The country screen reads the
 * same activity through `countries.detail` (priorityViewsForCountry).
 */
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { countryName } from '../../../../shared/features/countries/names';
import { regionName } from '../../../../shared/features/countries/regions';
import { matchesTerms, searchTerms } from '../../../../shared/domain/text';
import type { PriorityListItem, PriorityView } from '../../../../shared/features/priorities/contract';
import { activityByPlace, activityWithin, isActivePriority, priorityCovers, priorityGaps, type CountryActivity, type PriorityActivity } from '../../../../shared/features/priorities/rules';
import { PriorityFields, type PriorityRecord } from '../../../../shared/features/priorities/schema';
import type { Database } from '../../../../shared/schemas/database';
import { type ServiceContext, localDate } from '../../records/context';
import { byId, dayKey, memoOn } from '../../records/indexes';
import { compareText, foldedCache } from '../../records/lists';
import { collection } from '../../records/recipe';
import { peopleCountries } from '../contacts/countries';

const priorityText = foldedCache((p: PriorityRecord) =>
  [
    p.title,
    ...p.goals,
    ...p.topics,
    ...(p.country ? [p.country, countryName(p.country, 'en'), countryName(p.country, 'de')] : []),
    ...(p.region ? [regionName(p.region, 'en'), regionName(p.region, 'de')] : []),
  ].join('\n'),
);

function listItem(db: Database, p: PriorityRecord, today: string): PriorityListItem {
  const notes = byId(db.notes);
  return {
    id: p.id,
    revision: p.revision,
    title: p.title,
    country: p.country,
    region: p.region,
    level: p.level,
    start: p.start,
    end: p.end,
    goals: p.goals,
    topics: p.topics,
    notes: p.noteIds.flatMap((id) => {
      const n = notes.get(id);
      return n ? [{ id, title: n.title }] : [];
    }),
    active: isActivePriority(p, today),
  };
}

/** Highest level first, then title, then id. */
const byLevel = (a: { level: number; title: string; id: string }, b: { level: number; title: string; id: string }) =>
  a.level - b.level || compareText(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const placeCache = memoOn<Map<string, CountryActivity>>();

/**
 * What has happened in each country up to `today` (activityByPlace), memoised on the collections it
 * reads: the country screen, `priorities.gaps` and the dashboard fold it per priority.
 */
export function placeActivity(ctx: ServiceContext, today: string): ReadonlyMap<string, CountryActivity> {
  const db = ctx.store.db;
  const people = peopleCountries(db, today);
  return placeCache([db.trips, people, db.activities, db.organisations, db.cooperations, db.cases, dayKey(today)], () =>
    activityByPlace({ trips: db.trips, people, activities: db.activities, organisations: db.organisations, cooperations: db.cooperations, cases: db.cases }, today),
  );
}

/**
 * What has happened in the countries `within` accepts, up to `today`: trips there (latest start on
 * or before today), people there met (latest timeline entry), cooperations with a partner there
 * (declined left out; latest start), open cases naming a country there (latest opened).
 */
export function activityIn(ctx: ServiceContext, within: (country: string) => boolean, today: string): PriorityActivity {
  return activityWithin(placeActivity(ctx, today), within);
}

/** The priorities covering `country` (itself or a region it lies in), highest level first, with the activity in that country. */
export function priorityViewsForCountry(ctx: ServiceContext, country: string): PriorityView[] {
  const db = ctx.store.db;
  const today = localDate(ctx.now());
  const covering = db.priorities.flatMap((p) => {
    const via = priorityCovers(p, country);
    return via ? [{ p, via }] : [];
  });
  if (!covering.length) return [];
  const activity = activityIn(ctx, (c) => c === country, today);
  const gaps = priorityGaps(activity, today);
  return covering.map(({ p, via }) => ({ ...listItem(db, p, today), via, activity, gaps })).sort(byLevel);
}

export function createPriorityService(ctx: ServiceContext) {
  const { store } = ctx;
  const today = () => localDate(ctx.now());

  /** The strategy notes a priority names must exist. */
  function assertNotes(fields: { noteIds: readonly string[] }) {
    const notes = byId(store.db.notes);
    if (fields.noteIds.some((id) => !notes.has(id))) {
      throw new AppError('VALIDATION', 'A linked strategy note does not exist.', { fields: { noteIds: { key: 'validation.unknownRecord' } } });
    }
  }

  const records = collection(ctx, { collection: 'priorities', what: 'priority', title: 'Priority', fields: PriorityFields, label: (p) => p.title, check: assertNotes });

  return {
    list(query: ParsedInputOf<'priorities.list'>) {
      const db = store.db;
      const day = today();
      const terms = searchTerms(query.text);
      const countries = new Set(query.countries);
      const levels = new Set<number>(query.levels);
      return db.priorities
        .filter(
          (p) =>
            (countries.size === 0 || [...countries].some((c) => priorityCovers(p, c) !== null)) &&
            (levels.size === 0 || levels.has(p.level)) &&
            (query.activeOn === undefined || isActivePriority(p, query.activeOn)) &&
            (terms.length === 0 || matchesTerms(terms, [priorityText(p)])),
        )
        .map((p) => listItem(db, p, day))
        .sort(byLevel);
    },

    get: ({ id }) => records.get(id),
    create: (input) => store.update((draft) => records.insert(draft, input)),
    update: (input) => store.update((draft) => records.patch(draft, input)),
    deleteImpact: ({ id }) => records.deleteImpact(id),
    delete: (input) => records.remove(input),

    /** Every priority active today, with the activity in its place (a region: every country in it) and its gaps. */
    gaps() {
      const db = store.db;
      const day = today();
      return db.priorities
        .filter((p) => isActivePriority(p, day))
        .map((p) => {
          const activity = activityIn(ctx, (c) => priorityCovers(p, c) !== null, day);
          return { ...listItem(db, p, day), activity, gaps: priorityGaps(activity, day) };
        })
        .sort(byLevel);
    },
  } satisfies ServiceOf<'priorities'>;
}

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
import { isActivePriority, priorityCovers, priorityGaps, type ActivityCount, type PriorityActivity } from '../../../../shared/features/priorities/rules';
import { PriorityFields, type PriorityRecord } from '../../../../shared/features/priorities/schema';
import type { Database } from '../../../../shared/schemas/database';
import { type ServiceContext, localDate } from '../../records/context';
import { byId } from '../../records/indexes';
import { compareText, foldedCache } from '../../records/lists';
import { collection } from '../../records/recipe';
import { contactRows } from '../contacts/contacts';

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

/**
 * What has happened in the countries `within` accepts, up to `today`: trips there (latest start on
 * or before today), people there touched by timeline entries (distinct people; latest entry), cooperations
 * with a partner there (declined left out; latest start), open cases naming a country there (latest opened).
 */
export function activityIn(ctx: ServiceContext, within: (country: string) => boolean, today: string): PriorityActivity {
  const db = ctx.store.db;
  const latest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
  const trips: ActivityCount = { count: 0, last: null };
  for (const t of db.trips) {
    if (!t.destinations.some((d) => within(d.country))) continue;
    trips.count++;
    if (t.startDate <= today) trips.last = latest(trips.last, t.startDate);
  }
  const people = new Set<string>();
  for (const r of contactRows(ctx)) if (r.countries.some(within)) people.add(r.id);
  const touched = new Set<string>();
  let lastContact: string | null = null;
  for (const a of db.activities) {
    if (a.date > today) continue;
    const there = a.participantIds.filter((id) => people.has(id));
    if (!there.length) continue;
    there.forEach((id) => touched.add(id));
    lastContact = latest(lastContact, a.date);
  }
  const orgsThere = new Set(db.organisations.filter((o) => !!o.country && within(o.country)).map((o) => o.id));
  const cooperations: ActivityCount = { count: 0, last: null };
  for (const c of db.cooperations) {
    if (c.status === 'declined' || !c.partners.some((id) => orgsThere.has(id))) continue;
    cooperations.count++;
    if (c.start && c.start <= today) cooperations.last = latest(cooperations.last, c.start);
  }
  const openCases: ActivityCount = { count: 0, last: null };
  for (const c of db.cases) {
    if (c.status === 'closed' || !c.countries.some(within)) continue;
    openCases.count++;
    if (c.openedOn <= today) openCases.last = latest(openCases.last, c.openedOn);
  }
  return { trips, contacts: { count: touched.size, last: lastContact }, cooperations, openCases };
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

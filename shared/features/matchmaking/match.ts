/**
 * Explainable matchmaking as one pure, deterministic function: from an institute, a case or an idea
 * to the partner organisations and people that fit it ("partners"), or from a partner back to our
 * institutes ("institutes"). Every point of a score comes from a reason, and every reason names the
 * records it came from. No clock, no randomness, no I/O: the same workspace and query give the same
 * ranking, so a test can state it and a shortlist can be reproduced.
 *
 * The workspace is read through `Iterable`s (and the store's chunks where it has them), each once,
 * into indexes built in O(n) (`prepareMatchWorkspace`: they depend on the workspace and the day, not
 * on the query); scoring is then O(candidates × reasons) (`rankMatches`). `findMatches` does both.
 * `createMatchPreparer` keeps the indexes in stages, each rebuilt only when a collection it reads
 * changes, so the first query after an edit costs the stages that edit touches, not all of them.
 */
import { foldText } from '../../domain/text';
import { translator, type Language, type TranslationKey } from '../../i18n';
import type { ActivityRecord } from '../cases/activities';
import { displayName, isCurrentPosition, type ContactRecord, type PositionRecord } from '../contacts/schema';
import { countryName } from '../countries/names';
import { regionsOfCountry } from '../countries/regions';
import type { OrganisationRecord } from '../organisations/schema';
import type { AgendaItemRecord, TripRecord } from '../trips/schema';
import {
  CONTACT_HORIZON_DAYS,
  cooperationStatusFactor,
  MAX_RECORDS_COUNTED,
  MAX_SOURCES,
  MAX_TOPICS_COUNTED,
  reasonKinds,
  type CooperationStatus,
  type MatchCandidate,
  type MatchQuery,
  type MatchReason,
  type MatchResult,
  type ReasonKind,
  type SourceRef,
} from './schema';

/* ------------------------------------------------------------------------------------------------
 * The workspace as matchmaking reads it: the fields it needs of each record, so the real database
 * (and anything shaped like it, such as a test fixture) fits without conversion.
 * --------------------------------------------------------------------------------------------- */

export type MatchOrganisation = Pick<OrganisationRecord, 'id' | 'name' | 'kind' | 'country' | 'topics' | 'parentId'> & {
  /** Networks and alliances the organisation belongs to (optional until organisations carry them). */
  readonly groupIds?: readonly string[];
};
export type MatchContact = Pick<ContactRecord, 'id' | 'academicTitle' | 'givenName' | 'familyName' | 'country' | 'expertise'>;
export type MatchPosition = Pick<PositionRecord, 'id' | 'contactId' | 'organisationId' | 'role' | 'from' | 'to'>;
export type MatchTrip = Pick<TripRecord, 'id' | 'title' | 'destinations' | 'startDate' | 'endDate' | 'members'>;
export type MatchAgendaItem = Pick<AgendaItemRecord, 'id' | 'tripId' | 'date' | 'organisationId' | 'counterpartIds'>;
export type MatchActivity = Pick<ActivityRecord, 'id' | 'date' | 'participantIds'>;
export interface MatchCooperation {
  readonly id: string;
  readonly title: string;
  /** Our organisations in the cooperation. */
  readonly institutes: readonly string[];
  /** The partner organisations. */
  readonly partners: readonly string[];
  readonly topics: readonly string[];
  readonly status: CooperationStatus;
  readonly start: string | null;
  readonly end: string | null;
}
export interface MatchPriority {
  readonly id: string;
  /** A country (ISO alpha-2) or a UN M49 region; a region covers every country in it. */
  readonly country: string | null;
  readonly region: string | null;
  /** 1 is the highest priority, 3 the lowest. */
  readonly level: number;
  readonly start: string | null;
  readonly end: string | null;
}
export interface MatchGroup {
  readonly id: string;
  readonly name: string;
}

/**
 * A collection as matchmaking reads it: iterable, and, where the store hands out a chunked collection,
 * its chunks (a chunk keeps its identity while none of its records changes). Never changed in place:
 * a preparer keeps what it read from a collection, or a chunk, while it is the same object.
 */
export type MatchRows<T> = Iterable<T> & { readonly chunks?: ReadonlyArray<readonly T[]> };

export interface MatchWorkspace {
  readonly organisations: MatchRows<MatchOrganisation>;
  readonly contacts: MatchRows<MatchContact>;
  readonly positions: MatchRows<MatchPosition>;
  readonly trips: MatchRows<MatchTrip>;
  readonly agendaItems: MatchRows<MatchAgendaItem>;
  readonly activities: MatchRows<MatchActivity>;
  readonly cooperations: MatchRows<MatchCooperation>;
  readonly priorities: MatchRows<MatchPriority>;
  readonly groups: MatchRows<MatchGroup>;
}

/* ------------------------------------------------------------------------------------------------ */

const round = (x: number) => Math.round(x * 100) / 100;
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
/** Days since 1970 of a "YYYY-MM-DD" date, read digit by digit (Date.parse costs more, 50,000 times a query). */
const dayNumber = (iso: string) =>
  Date.UTC(digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3), digit(iso, 5) * 10 + digit(iso, 6) - 1, digit(iso, 8) * 10 + digit(iso, 9)) / 86_400_000;
const codeUnitOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Newest first by start (undated last), then by end, then by id: the order a message names cooperations in. */
const byRecency = (a: MatchCooperation, b: MatchCooperation) => codeUnitOrder(b.start ?? '', a.start ?? '') || codeUnitOrder(b.end ?? '', a.end ?? '') || codeUnitOrder(a.id, b.id);
const tripsByRecency = (a: MatchTrip, b: MatchTrip) => codeUnitOrder(b.startDate, a.startDate) || codeUnitOrder(a.id, b.id);
const factorOf = (c: MatchCooperation) => cooperationStatusFactor[c.status] ?? 0;

/** The summed status factors of the MAX_RECORDS_COUNTED strongest cooperations. */
function strongest(coops: readonly MatchCooperation[]): number {
  const factors = coops.map(factorOf).sort((a, b) => b - a);
  let sum = 0;
  for (let i = 0; i < Math.min(MAX_RECORDS_COUNTED, factors.length); i++) sum += factors[i]!;
  return sum;
}

const ref = (collection: SourceRef['collection'], id: string): SourceRef => ({ collection, id });
/** Stand-ins while only points are added up (the first pass): never written into a result. */
const NO_SOURCE: SourceRef = Object.freeze({ collection: 'contacts', id: '-' });
const NO_SOURCES: readonly SourceRef[] = Object.freeze([]);
/** Sources without repeats, at most MAX_SOURCES. */
function sourcesOf(list: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const s of list) {
    const k = `${s.collection}:${s.id}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(s);
    if (out.length === MAX_SOURCES) break;
  }
  return out;
}

/**
 * Where a candidate's points go. The first pass over every candidate only adds up points; the
 * second, for the few that make the list, also writes each reason out (`reasons` set).
 */
interface Sink {
  points: number;
  reasons: MatchReason[] | null;
}
/** Adds rounded points and says how many were added (0: the reason does not apply). */
function gain(sink: Sink, points: number): number {
  const p = round(points);
  if (p > 0) sink.points += p;
  return p > 0 ? p : 0;
}
function explain(sink: Sink, kind: ReasonKind, points: number, key: TranslationKey, params: Record<string, string | number>, sources: readonly SourceRef[]) {
  sink.reasons?.push({ kind, points, message: { key, params }, sources: sourcesOf(sources) });
}

/** A cooperation that counts through an organisation related to the candidate (or to our side). */
interface Related {
  coop: MatchCooperation;
  via: string;
}
/** A trip that counts, and the agenda item that made it count (none: being on the trip is enough). */
interface TripHit {
  trip: MatchTrip;
  itemId: string | null;
}

/**
 * Many short lists kept in flat arrays, one list per person (by index): no object per person, so
 * 50,000 people cost a few arrays rather than 50,000 small objects for the garbage collector.
 * Items come back in the order they were added.
 */
class Lists<T> {
  private readonly first: Int32Array;
  private readonly last: Int32Array;
  private readonly items: T[] = [];
  private next: Int32Array;
  /** `size` lists; `capacity`: how many items are expected in all (grown as needed). */
  constructor(size: number, capacity = 1024) {
    this.next = new Int32Array(Math.max(16, capacity));
    this.first = new Int32Array(size).fill(-1);
    this.last = new Int32Array(size).fill(-1);
  }
  /** Adds to list k; returns the item's slot. */
  add(k: number, item: T): number {
    const i = this.items.length;
    this.items.push(item);
    if (i === this.next.length) {
      const grown = new Int32Array(i * 2);
      grown.set(this.next);
      this.next = grown;
    }
    this.next[i] = -1;
    const tail = this.last[k]!;
    if (tail === -1) this.first[k] = i;
    else this.next[tail] = i;
    this.last[k] = i;
    return i;
  }
  has(k: number): boolean {
    return this.first[k] !== -1;
  }
  /** The slot of list k's first item (-1: empty), and the slot after slot i. */
  head(k: number): number {
    return this.first[k]!;
  }
  after(i: number): number {
    return this.next[i]!;
  }
  at(i: number): T {
    return this.items[i]!;
  }
  toArray(k: number): T[] {
    const out: T[] = [];
    for (let i = this.first[k]!; i !== -1; i = this.next[i]!) out.push(this.items[i]!);
    return out;
  }
}

/** An organisation in the prepared workspace: what the indexes know of it, the same for every query of the day. */
interface Organisation {
  readonly o: MatchOrganisation;
  /** Its place in `PreparedMatchWorkspace.organisations`, for the per-query arrays. */
  readonly index: number;
  /** An institute in some cooperation: one of ours. */
  readonly institute: boolean;
  /** The most recent contact with someone who holds a position here now, and that position. */
  readonly lastVia: MatchActivity | null;
  readonly lastViaPosition: MatchPosition | null;
  /** dayNumber of lastVia's date (-Infinity: none). */
  readonly lastViaDay: number;
  readonly asPartner: readonly MatchCooperation[] | null;
  readonly asInstitute: readonly MatchCooperation[] | null;
  readonly meetings: readonly MatchAgendaItem[] | null;
  /** Trips that people working here then were on as delegation members. */
  readonly memberTrips: readonly MatchTrip[] | null;
  children: Organisation[] | null;
}
type Candidate<T> = { state: T; score: number; sortName: string | null };

/**
 * The workspace indexed for one day. Nothing in it depends on a query's subject, direction or
 * weights, so a caller that keeps it (while the workspace is unchanged and the day is the same) can
 * rank again — another weight, the other direction — at the cost of the ranking alone. Treat it as
 * opaque; `rankMatches` is its only reader.
 */
export interface PreparedMatchWorkspace {
  readonly today: string;
  readonly todayNumber: number;
  readonly organisations: readonly Organisation[];
  readonly orgs: ReadonlyMap<string, Organisation>;
  readonly cooperations: readonly MatchCooperation[];
  readonly prioritiesByPlace: ReadonlyMap<string, MatchPriority[]>;
  readonly groupNames: ReadonlyMap<string, string>;
  readonly personIndex: ReadonlyMap<string, number>;
  readonly contacts: readonly MatchContact[];
  readonly lastOf: ReadonlyArray<MatchActivity | null>;
  readonly lastDay: Float64Array;
  readonly trips: ReadonlyMap<string, MatchTrip>;
  readonly tripsOf: Lists<MatchTrip>;
  readonly meetingsOf: Lists<MatchAgendaItem>;
  readonly currentOf: Lists<MatchPosition>;
  /** The organisation (its place in `organisations`) of each slot of `currentOf`. */
  readonly currentAt: readonly number[];
  /** Per person, the slot of the current position that says where they are (-1: none says so; see `currentPositions`). */
  readonly whereOf: Int32Array;
  /** The country of that position's organisation (null: none). */
  readonly countryOf: ReadonlyArray<string | null>;
  /** Memos filled as queries ask (folded topics, priorities per country): same answers, fewer computations. */
  readonly foldCache: Map<string, string>;
  readonly prioritiesOfCountry: Map<string, MatchPriority[]>;
}

/* ------------------------------------------------------------------------------------------------
 * Preparation in stages. Each stage reads few collections and is kept while they are unchanged (by
 * identity: the store replaces a collection whenever one of its records changes), so an edit to one
 * contact, position, timeline entry or cooperation rebuilds only the stages that read it, and the
 * stages then recombine in a few milliseconds. Stages refer to people and organisations by their
 * place (index) in the contacts and organisations; those indexes are kept while the ids stay where
 * they are, so editing a contact's fields rebuilds nothing that depends on the people's places.
 * The two large collections, positions and timeline entries, are also read per chunk (the store's
 * chunks of 4,096 records keep their identity while unchanged): an edit re-reads one chunk.
 * --------------------------------------------------------------------------------------------- */

/** The chunks of a collection: the store's own, else the whole list as one. */
function chunksOf<T>(rows: MatchRows<T>): ReadonlyArray<readonly T[]> {
  if (rows.chunks) return rows.chunks;
  return [Array.isArray(rows) ? (rows as readonly T[]) : [...rows]];
}

/** One kept result, rebuilt when any of its inputs is another object (or value) than last time. */
class Stage<V> {
  private inputs: readonly unknown[] | null = null;
  private value: V | null = null;
  builds = 0;
  get(inputs: readonly unknown[], build: () => V): V {
    const last = this.inputs;
    if (this.value !== null && last && last.length === inputs.length && last.every((x, i) => x === inputs[i])) return this.value;
    this.value = build();
    this.inputs = inputs;
    this.builds++;
    return this.value;
  }
}

/** Per-chunk results while the context (who is where, the day) stays the same: a chunk is read once. */
class ChunkStage<K extends object, P> {
  private context: readonly unknown[] = [];
  private parts = new WeakMap<K, P>();
  builds = 0;
  all(context: readonly unknown[], chunks: readonly K[], build: (chunk: K) => P): P[] {
    if (context.length !== this.context.length || context.some((x, i) => x !== this.context[i])) {
      this.context = context;
      this.parts = new WeakMap();
    }
    return chunks.map((chunk) => {
      let part = this.parts.get(chunk);
      if (part === undefined) {
        this.parts.set(chunk, (part = build(chunk)));
        this.builds++;
      }
      return part;
    });
  }
}

/** Records by place, and each id's place (the last record with it, as a Map fills). */
interface Placed<T> {
  readonly chunks: ReadonlyArray<readonly T[]>;
  readonly records: readonly T[];
  readonly index: ReadonlyMap<string, number>;
}
/** The same ids in the same places (a record's fields may differ). */
function sameIds<T extends { readonly id: string }>(a: ReadonlyArray<readonly T[]>, b: ReadonlyArray<readonly T[]>): boolean {
  if (a.length !== b.length) return false;
  for (let c = 0; c < a.length; c++) {
    const x = a[c]!;
    const y = b[c]!;
    if (x === y) continue;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i]!.id !== y[i]!.id) return false;
  }
  return true;
}
/**
 * Places the records of `rows`; the index of `last` (the same Map) when the ids have not moved, so
 * the stages keyed on it are kept. `onIndex` counts the indexes built.
 */
function place<T extends { readonly id: string }>(rows: MatchRows<T>, last: Placed<T> | null, onIndex: () => void): Placed<T> {
  const chunks = chunksOf(rows);
  const records: T[] = [];
  for (const chunk of chunks) for (let i = 0; i < chunk.length; i++) records.push(chunk[i]!);
  if (last && sameIds(last.chunks, chunks)) return { chunks, records, index: last.index };
  onIndex();
  const index = new Map<string, number>();
  for (let k = 0; k < records.length; k++) index.set(records[k]!.id, k);
  return { chunks, records, index };
}

/** One chunk of positions, those of a known person at a known organisation: the person's and the organisation's places. */
interface PositionPart {
  readonly records: MatchPosition[];
  readonly person: number[];
  readonly org: number[];
  readonly current: boolean[];
}
/** One chunk of timeline entries up to today: (person, entry) for each participant known. */
interface ActivityPart {
  readonly person: number[];
  readonly activity: MatchActivity[];
}

/** How many times each stage was built (observable for tests and the bench; never timed in tests). */
export interface MatchPrepareCounts {
  /** Organisation and people indexes (ids placed); not counted when only fields changed. */
  readonly organisationIndex: number;
  readonly personIndex: number;
  readonly cooperations: number;
  readonly priorities: number;
  readonly groups: number;
  readonly trips: number;
  readonly agendaItems: number;
  /** Timeline entries and positions: the chunks read, and the merges of the chunks. */
  readonly activityChunks: number;
  readonly activities: number;
  readonly positionChunks: number;
  readonly positions: number;
  /** Positions read against the above: meetings and trips through the people who worked there then, last contacts through those who work there now. */
  readonly meetingsThrough: number;
  readonly tripsThrough: number;
  readonly lastContactsThrough: number;
  /** Prepared workspaces put together from the stages. */
  readonly assembled: number;
}

/**
 * A preparer that keeps its stages between calls: `prepare` returns the same prepared workspace
 * while nothing it reads has changed, and after an edit rebuilds only the stages that read the
 * edited collection. The result is the same as preparing from scratch (a test compares them).
 */
export function createMatchPreparer() {
  let organisations: Placed<MatchOrganisation> | null = null;
  let people: Placed<MatchContact> | null = null;
  let organisationIndexBuilds = 0;
  let personIndexBuilds = 0;
  const orgStage = new Stage<Placed<MatchOrganisation>>();
  const peopleStage = new Stage<Placed<MatchContact>>();
  const coopStage = new Stage<ReturnType<typeof cooperationsOf>>();
  const priorityStage = new Stage<ReadonlyMap<string, MatchPriority[]>>();
  const groupStage = new Stage<ReadonlyMap<string, string>>();
  const tripStage = new Stage<ReturnType<typeof tripsOfPeople>>();
  const agendaStage = new Stage<ReturnType<typeof meetings>>();
  const activityChunks = new ChunkStage<readonly MatchActivity[], ActivityPart>();
  const activityStage = new Stage<ReturnType<typeof lastContacts>>();
  const positionChunks = new ChunkStage<readonly MatchPosition[], PositionPart>();
  const meetingChunks = new ChunkStage<PositionPart, ThroughPart<MatchAgendaItem>>();
  const tripChunks = new ChunkStage<PositionPart, ThroughPart<MatchTrip>>();
  const positionStage = new Stage<ReturnType<typeof currentPositions>>();
  const meetingLinks = new Stage<Array<MatchAgendaItem[] | null>>();
  const tripLinks = new Stage<Array<MatchTrip[] | null>>();
  const contactLinks = new Stage<ReturnType<typeof lastContactsThrough>>();
  const meetingStage = new Stage<Array<readonly MatchAgendaItem[] | null>>();
  const assembly = new Stage<PreparedMatchWorkspace>();

  function prepare(ws: MatchWorkspace, today: string): PreparedMatchWorkspace {
    organisations = orgStage.get([ws.organisations], () => place(ws.organisations, organisations, () => organisationIndexBuilds++));
    people = peopleStage.get([ws.contacts], () => place(ws.contacts, people, () => personIndexBuilds++));
    const orgIndex = organisations.index;
    const orgRecords = organisations.records;
    const personIndex = people.index;
    const orgCount = organisations.records.length;
    const personCount = people.records.length;
    const coops = coopStage.get([ws.cooperations, orgIndex], () => cooperationsOf(ws.cooperations, orgIndex, orgCount));
    const prioritiesByPlace = priorityStage.get([ws.priorities, today], () => activePriorities(ws.priorities, today));
    const groupNames = groupStage.get([ws.groups], () => {
      const names = new Map<string, string>();
      for (const g of ws.groups) names.set(g.id, g.name);
      return names;
    });
    const trips = tripStage.get([ws.trips, personIndex, today], () => tripsOfPeople(ws.trips, personIndex, personCount, today));
    const agenda = agendaStage.get([ws.agendaItems, trips, orgIndex, personIndex, today], () => meetings(ws.agendaItems, trips.trips, orgIndex, orgCount, personIndex, personCount, today));
    const activityParts = activityChunks.all([personIndex, today], chunksOf(ws.activities), (chunk) => activityPart(chunk, personIndex, today));
    const activities = activityStage.get([personCount, ...activityParts], () => lastContacts(activityParts, personCount));
    const positionParts = positionChunks.all([personIndex, orgIndex, today], chunksOf(ws.positions), (chunk) => positionPart(chunk, personIndex, orgIndex, today));
    const positions = positionStage.get([personCount, organisations.records, ...positionParts], () => currentPositions(positionParts, personCount, orgRecords));
    const viaParts = meetingChunks.all([agenda], positionParts, (part) => meetingsThrough(part, agenda.meetingsOf));
    const via = meetingLinks.get([orgCount, ...viaParts], () => byOrganisation(viaParts, orgCount));
    const tripParts = tripChunks.all([trips], positionParts, (part) => tripsThrough(part, trips.tripsOf));
    const memberTrips = tripLinks.get([orgCount, ...tripParts], () => byOrganisation(tripParts, orgCount));
    const lastVia = contactLinks.get([positions, activities], () => lastContactsThrough(positions, activities, orgCount));
    const orgs = organisations;
    const contacts = people;
    const meetingsAt = meetingStage.get([agenda, via], () =>
      agenda.named.map((named, i) => {
        const through = via[i]!;
        return named && through ? [...named, ...through] : (named ?? through);
      }),
    );
    return assembly.get([orgs, contacts, coops, prioritiesByPlace, groupNames, trips, agenda, activities, positions, meetingsAt, memberTrips, lastVia, today], () => {
      const nodes: Organisation[] = [];
      const byId = new Map<string, Organisation>();
      for (let i = 0; i < orgCount; i++) {
        const node: Organisation = {
          o: orgs.records[i]!,
          index: i,
          institute: coops.institute[i] === 1,
          lastVia: lastVia.lastVia[i]!,
          lastViaPosition: lastVia.lastViaPosition[i]!,
          lastViaDay: lastVia.lastViaDay[i]!,
          asPartner: coops.asPartner[i]!,
          asInstitute: coops.asInstitute[i]!,
          meetings: meetingsAt[i]!,
          memberTrips: memberTrips[i]!,
          children: null,
        };
        nodes.push(node);
        byId.set(node.o.id, node);
      }
      for (const s of nodes) {
        const parent = s.o.parentId ? byId.get(s.o.parentId) : undefined;
        if (parent) (parent.children ??= []).push(s);
      }
      return {
        today,
        todayNumber: dayNumber(today),
        organisations: nodes,
        orgs: byId,
        cooperations: coops.cooperations,
        prioritiesByPlace,
        groupNames,
        personIndex,
        contacts: contacts.records,
        lastOf: activities.lastOf,
        lastDay: activities.lastDay,
        trips: trips.trips,
        tripsOf: trips.tripsOf,
        meetingsOf: agenda.meetingsOf,
        currentOf: positions.currentOf,
        currentAt: positions.currentAt,
        whereOf: positions.where,
        countryOf: positions.countries,
        foldCache: new Map(),
        prioritiesOfCountry: new Map(),
      };
    });
  }

  return {
    prepare,
    counts(): MatchPrepareCounts {
      return {
        organisationIndex: organisationIndexBuilds,
        personIndex: personIndexBuilds,
        cooperations: coopStage.builds,
        priorities: priorityStage.builds,
        groups: groupStage.builds,
        trips: tripStage.builds,
        agendaItems: agendaStage.builds,
        activityChunks: activityChunks.builds,
        activities: activityStage.builds,
        positionChunks: positionChunks.builds,
        positions: positionStage.builds,
        meetingsThrough: meetingLinks.builds,
        tripsThrough: tripLinks.builds,
        lastContactsThrough: contactLinks.builds,
        assembled: assembly.builds,
      };
    },
  };
}
export type MatchPreparer = ReturnType<typeof createMatchPreparer>;

/** Indexes `ws` for `today` (an ISO date) from scratch: one pass over each collection. */
export function prepareMatchWorkspace(ws: MatchWorkspace, today: string): PreparedMatchWorkspace {
  return createMatchPreparer().prepare(ws, today);
}

/** Cooperations; "ours" are the organisations that are an institute in any. By organisation place. */
function cooperationsOf(rows: Iterable<MatchCooperation>, orgIndex: ReadonlyMap<string, number>, orgCount: number) {
  const cooperations: MatchCooperation[] = [];
  const institute = new Uint8Array(orgCount);
  const asPartner: Array<MatchCooperation[] | null> = new Array<MatchCooperation[] | null>(orgCount).fill(null);
  const asInstitute: Array<MatchCooperation[] | null> = new Array<MatchCooperation[] | null>(orgCount).fill(null);
  for (const c of rows) {
    cooperations.push(c);
    for (const i of c.institutes) {
      const s = orgIndex.get(i);
      if (s === undefined) continue;
      institute[s] = 1;
      (asInstitute[s] ??= []).push(c);
    }
    for (const p of c.partners) {
      const s = orgIndex.get(p);
      if (s !== undefined) (asPartner[s] ??= []).push(c);
    }
  }
  return { cooperations, institute, asPartner, asInstitute };
}

/** Priorities active today, by country and by region ("r:202"). */
function activePriorities(rows: Iterable<MatchPriority>, today: string): ReadonlyMap<string, MatchPriority[]> {
  const byPlace = new Map<string, MatchPriority[]>();
  for (const p of rows) {
    if ((p.start && p.start > today) || (p.end && p.end < today)) continue;
    for (const where of [p.country, p.region && `r:${p.region}`]) {
      if (!where) continue;
      const list = byPlace.get(where) ?? [];
      list.push(p);
      byPlace.set(where, list);
    }
  }
  return byPlace;
}

/** Trips by id; for trips that have started, the trips of each traveller. */
function tripsOfPeople(rows: Iterable<MatchTrip>, personIndex: ReadonlyMap<string, number>, personCount: number, today: string) {
  const trips = new Map<string, MatchTrip>();
  const tripsOf = new Lists<MatchTrip>(personCount);
  for (const t of rows) {
    trips.set(t.id, t);
    if (t.startDate > today) continue;
    for (const m of t.members) {
      const k = m.kind === 'contact' ? personIndex.get(m.contactId) : undefined;
      if (k !== undefined) tripsOf.add(k, t);
    }
  }
  return { trips, tripsOf };
}

/** Agenda items that have happened: by the organisation they name (by place), and by counterpart. */
function meetings(rows: Iterable<MatchAgendaItem>, trips: ReadonlyMap<string, MatchTrip>, orgIndex: ReadonlyMap<string, number>, orgCount: number, personIndex: ReadonlyMap<string, number>, personCount: number, today: string) {
  const named: Array<MatchAgendaItem[] | null> = new Array<MatchAgendaItem[] | null>(orgCount).fill(null);
  const meetingsOf = new Lists<MatchAgendaItem>(personCount);
  for (const a of rows) {
    if (a.date > today || !trips.has(a.tripId)) continue;
    const s = a.organisationId ? orgIndex.get(a.organisationId) : undefined;
    if (s !== undefined) (named[s] ??= []).push(a);
    for (const c of a.counterpartIds) {
      const k = personIndex.get(c);
      if (k !== undefined) meetingsOf.add(k, a);
    }
  }
  return { named, meetingsOf };
}

function activityPart(chunk: readonly MatchActivity[], personIndex: ReadonlyMap<string, number>, today: string): ActivityPart {
  const person: number[] = [];
  const activity: MatchActivity[] = [];
  for (let i = 0; i < chunk.length; i++) {
    const a = chunk[i]!;
    if (a.date > today) continue;
    for (const c of a.participantIds) {
      const k = personIndex.get(c);
      if (k === undefined) continue;
      person.push(k);
      activity.push(a);
    }
  }
  return { person, activity };
}

/** Last contact per person: the newest timeline entry up to today (the smallest id on a tie), and its day as a number. */
function lastContacts(parts: readonly ActivityPart[], personCount: number) {
  const lastOf: Array<MatchActivity | null> = new Array<MatchActivity | null>(personCount).fill(null);
  const lastDay = new Float64Array(personCount).fill(-Infinity);
  for (const part of parts)
    for (let i = 0; i < part.person.length; i++) {
      const k = part.person[i]!;
      const a = part.activity[i]!;
      const prev = lastOf[k];
      if (!prev || a.date > prev.date || (a.date === prev.date && a.id < prev.id)) {
        lastOf[k] = a;
        lastDay[k] = dayNumber(a.date);
      }
    }
  return { lastOf, lastDay };
}

function positionPart(chunk: readonly MatchPosition[], personIndex: ReadonlyMap<string, number>, orgIndex: ReadonlyMap<string, number>, today: string): PositionPart {
  const part: PositionPart = { records: [], person: [], org: [], current: [] };
  for (let i = 0; i < chunk.length; i++) {
    const pos = chunk[i]!;
    const k = personIndex.get(pos.contactId);
    if (k === undefined) continue;
    const o = orgIndex.get(pos.organisationId);
    if (o === undefined) continue;
    part.records.push(pos);
    part.person.push(k);
    part.org.push(o);
    part.current.push(isCurrentPosition(pos, today));
  }
  return part;
}

/**
 * The positions that count, in order; each person's current ones (with their organisation's place per
 * slot); and where each person works now, as far as it tells where they are: the current position
 * (its slot) at an organisation with a country, the one with the smallest id so the answer does not
 * depend on the order positions come in (-1: none), and that country. The ranking falls back on the
 * person's own country (as the contact schema has it: where they are based when no position says so).
 */
function currentPositions(parts: readonly PositionPart[], personCount: number, organisations: readonly MatchOrganisation[]) {
  let count = 0;
  for (const part of parts) count += part.records.length;
  const currentOf = new Lists<MatchPosition>(personCount, count);
  const currentAt: number[] = [];
  const where = new Int32Array(personCount).fill(-1);
  const countries: Array<string | null> = new Array<string | null>(personCount).fill(null);
  for (const part of parts)
    for (let i = 0; i < part.records.length; i++) {
      if (!part.current[i]) continue;
      const k = part.person[i]!;
      const pos = part.records[i]!;
      const o = part.org[i]!;
      const slot = currentOf.add(k, pos);
      currentAt[slot] = o;
      const country = organisations[o]!.country;
      if (country && (where[k] === -1 || pos.id < currentOf.at(where[k]!).id)) {
        where[k] = slot;
        countries[k] = country;
      }
    }
  return { parts, currentOf, currentAt, where, countries };
}

const heldOn = (pos: MatchPosition, day: string) => (!pos.from || pos.from <= day) && (!pos.to || pos.to >= day);

/** What one chunk of positions links to an organisation (by place), in the order of the positions. */
interface ThroughPart<T> {
  readonly org: number[];
  readonly item: T[];
}

/**
 * Meetings with an organisation through the people met: a counterpart's positions held on the day of
 * the meeting, one chunk of positions. (An organisation may get an item twice, named and through a
 * counterpart: trips count once, items are listed once.)
 */
function meetingsThrough(part: PositionPart, meetingsOf: Lists<MatchAgendaItem>): ThroughPart<MatchAgendaItem> {
  const out: ThroughPart<MatchAgendaItem> = { org: [], item: [] };
  for (let i = 0; i < part.records.length; i++) {
    const k = part.person[i]!;
    if (!meetingsOf.has(k)) continue;
    const pos = part.records[i]!;
    for (let j = meetingsOf.head(k); j !== -1; j = meetingsOf.after(j))
      if (heldOn(pos, meetingsOf.at(j).date)) {
        out.org.push(part.org[i]!);
        out.item.push(meetingsOf.at(j));
      }
  }
  return out;
}

/** Trips that people working at an organisation then (on the trip's first day) were on as delegation members, one chunk of positions. */
function tripsThrough(part: PositionPart, tripsOf: Lists<MatchTrip>): ThroughPart<MatchTrip> {
  const out: ThroughPart<MatchTrip> = { org: [], item: [] };
  for (let i = 0; i < part.records.length; i++) {
    const k = part.person[i]!;
    if (!tripsOf.has(k)) continue;
    const pos = part.records[i]!;
    for (let j = tripsOf.head(k); j !== -1; j = tripsOf.after(j))
      if (heldOn(pos, tripsOf.at(j).startDate)) {
        out.org.push(part.org[i]!);
        out.item.push(tripsOf.at(j));
      }
  }
  return out;
}

/** The chunks' links per organisation, in the order of the chunks (so in the order of the positions). */
function byOrganisation<T>(parts: ReadonlyArray<ThroughPart<T>>, orgCount: number): Array<T[] | null> {
  const out: Array<T[] | null> = new Array<T[] | null>(orgCount).fill(null);
  for (const part of parts) for (let i = 0; i < part.org.length; i++) (out[part.org[i]!] ??= []).push(part.item[i]!);
  return out;
}

/** Each organisation's last contact through someone who works there now (newest day, then smallest entry id, then position id). */
function lastContactsThrough(positions: ReturnType<typeof currentPositions>, activities: ReturnType<typeof lastContacts>, orgCount: number) {
  const lastVia: Array<MatchActivity | null> = new Array<MatchActivity | null>(orgCount).fill(null);
  const lastViaPosition: Array<MatchPosition | null> = new Array<MatchPosition | null>(orgCount).fill(null);
  const lastViaDay = new Float64Array(orgCount).fill(-Infinity);
  const { lastOf, lastDay } = activities;
  for (const part of positions.parts)
    for (let i = 0; i < part.records.length; i++) {
      if (!part.current[i]) continue;
      const k = part.person[i]!;
      const o = part.org[i]!;
      const day = lastDay[k]!;
      if (day === -Infinity || day < lastViaDay[o]!) continue;
      const pos = part.records[i]!;
      const a = lastOf[k]!;
      const prev = lastVia[o];
      if (!prev || day > lastViaDay[o]! || a.id < prev.id || (a.id === prev.id && pos.id < lastViaPosition[o]!.id)) {
        lastVia[o] = a;
        lastViaPosition[o] = pos;
        lastViaDay[o] = day;
      }
    }
  return { lastVia, lastViaPosition, lastViaDay };
}

/**
 * Ranks organisations and people for `query` over `ws`: `rankMatches(prepareMatchWorkspace(ws, today), query)`.
 * A subject organisation that does not exist has no topics, countries or cooperations, so it matches
 * little: the caller checks existence.
 */
export function findMatches(ws: MatchWorkspace, query: MatchQuery): MatchResult {
  return rankMatches(prepareMatchWorkspace(ws, query.today), query);
}

/** Ranks over a prepared workspace; its day must be the query's. */
export function rankMatches(prepared: PreparedMatchWorkspace, query: MatchQuery): MatchResult {
  const { today, weights: w, direction, limit, subject } = query;
  if (prepared.today !== today) throw new Error(`matchmaking: the workspace was prepared for ${prepared.today}, the query is for ${today}`);
  const { todayNumber, organisations, orgs, cooperations, prioritiesByPlace, groupNames, personIndex, contacts, lastOf, lastDay, trips, tripsOf, meetingsOf, currentOf, currentAt, whereOf, countryOf: countryOfPerson, foldCache, prioritiesOfCountry } = prepared;
  const fold = (s: string) => {
    let f = foldCache.get(s);
    if (f === undefined) foldCache.set(s, (f = foldText(s).replace(/\s+/g, ' ').trim()));
    return f;
  };
  /** Parent, children and siblings. */
  const relativesOf = (id: string): Set<string> => {
    const out = new Set<string>();
    const s = orgs.get(id);
    for (const c of s?.children ?? []) out.add(c.o.id);
    const parent = s?.o.parentId ? orgs.get(s.o.parentId) : undefined;
    if (parent) {
      out.add(parent.o.id);
      for (const c of parent.children ?? []) out.add(c.o.id);
    }
    out.delete(id);
    return out;
  };
  /** The priorities covering a country today, highest (level 1) first; computed once per country. */
  const prioritiesOf = (cc: string): MatchPriority[] => {
    let out = prioritiesOfCountry.get(cc);
    if (out) return out;
    out = [...(prioritiesByPlace.get(cc) ?? [])];
    if (prioritiesByPlace.size > 0) for (const r of regionsOfCountry(cc)) out.push(...(prioritiesByPlace.get(`r:${r}`) ?? []));
    out.sort((a, b) => a.level - b.level || codeUnitOrder(a.id, b.id));
    prioritiesOfCountry.set(cc, out);
    return out;
  };

  const names = new Map<number, string>();
  const nameOf = (k: number) => {
    let name = names.get(k);
    if (name === undefined) names.set(k, (name = displayName(contacts[k]!)));
    return name;
  };

  // The subject: topics (folded → as written), countries, our side (partners direction), the partner (institutes direction).
  const subjectOrg = subject.kind === 'organisation' ? orgs.get(subject.id)?.o : undefined;
  const topics = new Map<string, string>();
  for (const t of subject.kind === 'organisation' ? (subjectOrg?.topics ?? []) : subject.topics) if (!topics.has(fold(t))) topics.set(fold(t), t);
  const countries: string[] = subject.kind === 'organisation' ? [] : [...subject.countries];
  const ourSide = new Set<string>(subject.kind === 'organisation' ? (direction === 'partners' ? [subject.id] : []) : subject.instituteIds);
  const partner = direction === 'institutes' ? subjectOrg : undefined;
  if (partner?.country && !countries.includes(partner.country)) countries.unshift(partner.country);
  const requested = new Set(countries);
  const caseRefs = subject.kind === 'case' ? [ref('cases', subject.id)] : [];

  // "Ours": an institute in any cooperation, and the subject's institutes. Per organisation (by index) for this query.
  const ours = new Uint8Array(organisations.length);
  for (const s of organisations) if (s.institute || ourSide.has(s.o.id)) ours[s.index] = 1;
  const isOurs = (s: Organisation) => ours[s.index] === 1;
  /** A cooperation with the subject's institutes, or (none given) with any of ours. */
  const withOurSide = (c: MatchCooperation) => (ourSide.size === 0 ? c.institutes.length > 0 : c.institutes.some((i) => ourSide.has(i)));
  /** Scores of this query's candidate organisations (-1: not a candidate, or not scored yet). */
  const orgScore = new Float64Array(organisations.length).fill(-1);
  /** Partners direction: cooperations (with our side) of an organisation's children, for their relatives. */
  const childCoops = new Map<Organisation, Related[]>();
  /** Institutes direction: trips our people took from an institute that count, and the partner's cooperations with its relatives. */
  const travelled = new Map<Organisation, TripHit[]>();
  const nearPartner = new Map<Organisation, Related[]>();
  const pushTo = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };

  /* What is fixed for the whole query ------------------------------------------------------------ */

  const subjectGroups = new Set<string>();
  /** Our side's relatives (partners direction): a partner of theirs is a related partner. */
  const ourRelatives = new Set<string>();
  /** The partner's relatives (institutes direction). */
  let partnerRelatives = new Set<string>();
  let travelKey: 'travelledToMeet' | 'travelledTo' = 'travelledTo';
  const travelParams: Record<string, string> = partner ? { partner: partner.name } : { country: countries[0] ?? '' };

  if (direction === 'partners') {
    for (const c of cooperations) {
      if (!withOurSide(c)) continue;
      for (const p of c.partners) {
        const parent = orgs.get(orgs.get(p)?.o.parentId ?? '');
        if (parent) pushTo(childCoops, parent, { coop: c, via: p });
      }
    }
    for (const s of ourSide) {
      for (const r of relativesOf(s)) if (!ourSide.has(r)) ourRelatives.add(r);
      for (const g of orgs.get(s)?.o.groupIds ?? []) subjectGroups.add(g);
    }
  } else {
    if (partner) {
      partnerRelatives = relativesOf(partner.id);
      for (const g of partner.groupIds ?? []) subjectGroups.add(g);
      for (const c of orgs.get(partner.id)?.asPartner ?? [])
        for (const j of c.institutes)
          for (const r of relativesOf(j)) {
            const o = orgs.get(r);
            if (o && !c.institutes.includes(r)) pushTo(nearPartner, o, { coop: c, via: j });
          }
    }
    // Trips our people were on that met the partner (or went to the countries asked for), by where they worked then.
    const counting = new Map<string, Array<string | null>>();
    if (partner) {
      travelKey = 'travelledToMeet';
      for (const a of orgs.get(partner.id)?.meetings ?? []) counting.set(a.tripId, [...(counting.get(a.tripId) ?? []), a.id]);
    } else if (requested.size > 0) {
      for (const t of trips.values()) if (t.startDate <= today && t.destinations.some((d) => requested.has(d.country))) counting.set(t.id, [null]);
    }
    if (counting.size > 0)
      for (const o of organisations) {
        if (!isOurs(o) || !o.memberTrips) continue;
        for (const trip of new Set(o.memberTrips)) for (const itemId of counting.get(trip.id) ?? []) pushTo(travelled, o, { trip, itemId });
      }
  }

  /* Reasons ------------------------------------------------------------------------------------- */

  /** Each topic as written → its bit among the subject's first 30 topics (0: not one of them); for the first pass, which only counts. */
  const subjectTopics = [...topics.keys()];
  const topicBits = new Map<string, number>();
  const bitOf = (t: string) => {
    let bit = topicBits.get(t);
    if (bit === undefined) {
      const i = subjectTopics.indexOf(fold(t));
      topicBits.set(t, (bit = i < 0 ? 0 : 1 << i));
    }
    return bit;
  };
  const bitCount = (x: number) => {
    let n = 0;
    for (; x !== 0; x &= x - 1) n++;
    return n;
  };

  function sharedTopics(sink: Sink, own: readonly string[], self: SourceRef, coops: readonly MatchCooperation[] | null) {
    if (w.sharedTopics === 0 || topics.size === 0) return;
    if (!sink.reasons && subjectTopics.length <= 30) {
      // The first pass: the distinct topics hit, as bits, without building anything (the same points as below).
      let hit = 0;
      for (const t of own) hit |= bitOf(t);
      if (coops) for (const c of coops) for (const t of c.topics) hit |= bitOf(t);
      if (hit !== 0) gain(sink, w.sharedTopics * Math.min(bitCount(hit), MAX_TOPICS_COUNTED));
      return;
    }
    let hits: string[] | null = null;
    let ownHit = false;
    for (const t of own) {
      const f = fold(t);
      if (!topics.has(f)) continue;
      ownHit = true;
      if (!hits) hits = [f];
      else if (!hits.includes(f)) hits.push(f);
    }
    const hitCoops: MatchCooperation[] = [];
    for (const c of coops ?? []) {
      let hit = false;
      for (const t of c.topics) {
        const f = fold(t);
        if (!topics.has(f)) continue;
        hit = true;
        if (!hits) hits = [f];
        else if (!hits.includes(f)) hits.push(f);
      }
      if (hit) hitCoops.push(c);
    }
    if (!hits) return;
    const points = gain(sink, w.sharedTopics * Math.min(hits.length, MAX_TOPICS_COUNTED));
    if (!points || !sink.reasons) return;
    const found = new Set(hits);
    const names = [...topics].filter(([f]) => found.has(f)).map(([, t]) => t);
    const sources = [...(ownHit ? [self] : []), ...hitCoops.sort(byRecency).map((c) => ref('cooperations', c.id))];
    explain(sink, 'sharedTopics', points, 'matchmaking.reasons.sharedTopics', { count: hits.length, topics: names.join(', ') }, sources);
  }

  /** A country the request names (full weight), or a priority today (level 1 full weight, level 3 a third). */
  function priorityCountry(sink: Sink, cc: string | null, self: readonly SourceRef[]) {
    if (!cc || w.priorityCountry === 0) return;
    const asked = requested.has(cc);
    const prios = prioritiesOf(cc);
    if (!asked && prios.length === 0) return;
    const level = prios.length > 0 ? Math.min(3, Math.max(1, prios[0]!.level)) : 3;
    const points = gain(sink, w.priorityCountry * Math.max(asked ? 1 : 0, prios.length > 0 ? (4 - level) / 3 : 0));
    if (!points || !sink.reasons) return;
    const key: TranslationKey = asked
      ? prios.length > 0
        ? 'matchmaking.reasons.requestedPriorityCountry'
        : 'matchmaking.reasons.requestedCountry'
      : 'matchmaking.reasons.priorityCountry';
    const sources = [...self, ...(asked ? caseRefs : []), ...prios.map((p) => ref('priorities', p.id))];
    explain(sink, 'priorityCountry', points, key, prios.length > 0 ? { country: cc, level } : { country: cc }, sources);
  }

  function earlierCooperation(sink: Sink, coops: readonly MatchCooperation[]) {
    if (w.earlierCooperation === 0 || coops.length === 0) return;
    const points = gain(sink, w.earlierCooperation * strongest(coops));
    if (!points || !sink.reasons) return;
    const sorted = [...coops].sort(byRecency);
    explain(sink, 'earlierCooperation', points, 'matchmaking.reasons.earlierCooperation', { count: sorted.length, title: sorted[0]!.title }, sorted.map((c) => ref('cooperations', c.id)));
  }

  function relatedPartner(sink: Sink, found: readonly Related[]) {
    if (w.relatedPartner === 0 || found.length === 0) return;
    const byCoop = new Map<string, Related>();
    for (const r of [...found].sort((a, b) => byRecency(a.coop, b.coop) || codeUnitOrder(a.via, b.via))) if (!byCoop.has(r.coop.id)) byCoop.set(r.coop.id, r);
    const list = [...byCoop.values()];
    const points = gain(sink, w.relatedPartner * strongest(list.map((r) => r.coop)));
    if (!points || !sink.reasons) return;
    const first = list[0]!;
    explain(
      sink,
      'relatedPartner',
      points,
      'matchmaking.reasons.relatedPartner',
      { count: list.length, title: first.coop.title, organisation: orgs.get(first.via)?.o.name ?? '' },
      list.flatMap((r) => [ref('cooperations', r.coop.id), ref('organisations', r.via)]),
    );
  }

  /** How many distinct trips (up to MAX_RECORDS_COUNTED) a list names, without building anything. */
  function distinctTrips<T>(list: readonly T[], tripOf: (x: T) => unknown): number {
    let distinct = 0;
    for (let i = 0; i < list.length && distinct < MAX_RECORDS_COUNTED; i++) {
      let seen = false;
      for (let j = 0; j < i && !seen; j++) seen = tripOf(list[j]!) === tripOf(list[i]!);
      if (!seen) distinct++;
    }
    return distinct;
  }
  const tripOfHit = (h: TripHit) => h.trip;
  const tripOfItem = (a: MatchAgendaItem) => a.tripId;

  /** Points for distinct trips (MAX_RECORDS_COUNTED count); `explainTrip` writes the reason out. */
  const tripPoints = (sink: Sink, distinct: number) => (w.metOnTrip === 0 || distinct === 0 ? 0 : gain(sink, w.metOnTrip * distinct));
  /** The trips named newest first, each with the agenda items that made it count. */
  function explainTrip(sink: Sink, points: number, hits: readonly TripHit[], key: 'metOnTrip' | 'travelledToMeet' | 'travelledTo', extra: Record<string, string>) {
    const items = new Map<MatchTrip, string[]>();
    for (const h of hits) {
      const list = items.get(h.trip) ?? [];
      if (h.itemId && !list.includes(h.itemId)) list.push(h.itemId);
      items.set(h.trip, list);
    }
    const list = [...items.keys()].sort(tripsByRecency);
    const sources = list.flatMap((t) => [ref('trips', t.id), ...items.get(t)!.sort(codeUnitOrder).map((id) => ref('agendaItems', id))]);
    explain(sink, 'metOnTrip', points, `matchmaking.reasons.${key}`, { count: list.length, trip: list[0]!.title, ...extra }, sources);
  }
  const metAt = (items: readonly MatchAgendaItem[] | null): TripHit[] => (items ?? []).map((a) => ({ trip: trips.get(a.tripId)!, itemId: a.id }));

  /** 1 for a contact today, falling to 0 at CONTACT_HORIZON_DAYS. */
  const recency = (day: number) => Math.max(0, 1 - (todayNumber - day) / CONTACT_HORIZON_DAYS);

  function sharedNetwork(sink: Sink, own: readonly string[] | undefined) {
    if (w.sharedNetwork === 0 || subjectGroups.size === 0 || !own) return;
    const shared = [...new Set(own.filter((g) => subjectGroups.has(g) && groupNames.has(g)))];
    if (shared.length === 0) return;
    const points = gain(sink, w.sharedNetwork * Math.min(shared.length, MAX_RECORDS_COUNTED));
    if (!points || !sink.reasons) return;
    shared.sort((a, b) => codeUnitOrder(fold(groupNames.get(a)!), fold(groupNames.get(b)!)) || codeUnitOrder(a, b));
    explain(sink, 'sharedNetwork', points, 'matchmaking.reasons.sharedNetwork', { count: shared.length, groups: shared.map((g) => groupNames.get(g)!).join(', ') }, shared.map((g) => ref('groups', g)));
  }

  /* Organisations ---------------------------------------------------------------------------------- */

  const isOrgCandidate = (s: Organisation) => s.o.id !== subjectOrg?.id && (direction === 'partners' ? !isOurs(s) : isOurs(s));

  function scoreOrganisation(sink: Sink, s: Organisation) {
    const o = s.o;
    const self = ref('organisations', o.id);
    if (direction === 'partners') {
      sharedTopics(sink, o.topics, self, s.asPartner);
      priorityCountry(sink, o.country, [self]);
      earlierCooperation(sink, (s.asPartner ?? []).filter(withOurSide));
      if (w.relatedPartner > 0) {
        const isPartnerIn = (c: MatchCooperation) => c.partners.includes(o.id);
        const related: Related[] = [];
        for (const r of childCoops.get(s) ?? []) if (!isPartnerIn(r.coop)) related.push(r); // its children's
        const parent = o.parentId ? orgs.get(o.parentId) : undefined;
        if (parent) {
          for (const r of childCoops.get(parent) ?? []) if (r.via !== o.id && !isPartnerIn(r.coop)) related.push(r); // its siblings'
          for (const c of parent.asPartner ?? []) if (withOurSide(c) && !isPartnerIn(c)) related.push({ coop: c, via: parent.o.id }); // its parent's
        }
        // Its own cooperations with our side's relatives (the subject's sister institute, say).
        if (ourRelatives.size > 0)
          for (const c of s.asPartner ?? []) if (!c.institutes.some((i) => ourSide.has(i))) for (const i of c.institutes) if (ourRelatives.has(i)) related.push({ coop: c, via: i });
        relatedPartner(sink, related);
      }
      const points = s.meetings ? tripPoints(sink, distinctTrips(s.meetings, tripOfItem)) : 0;
      if (points && sink.reasons) explainTrip(sink, points, metAt(s.meetings), 'metOnTrip', {});
    } else {
      const coops = s.asInstitute ?? [];
      sharedTopics(sink, o.topics, self, coops);
      countryExperience(sink, coops);
      if (partner) {
        earlierCooperation(sink, coops.filter((c) => c.partners.includes(partner.id)));
        const related: Related[] = [...(nearPartner.get(s) ?? [])];
        for (const c of coops) if (!c.partners.includes(partner.id)) for (const p of c.partners) if (partnerRelatives.has(p)) related.push({ coop: c, via: p });
        relatedPartner(sink, related);
      }
      const hits = travelled.get(s);
      const points = hits ? tripPoints(sink, distinctTrips(hits, tripOfHit)) : 0;
      if (hits && points && sink.reasons) explainTrip(sink, points, hits, travelKey, travelParams);
    }
    recentContactVia(sink, s);
    sharedNetwork(sink, o.groupIds);
  }

  /** Institutes direction: cooperations with partners in the partner's (or the request's) countries, beyond the partner itself. */
  function countryExperience(sink: Sink, coops: readonly MatchCooperation[]) {
    if (w.priorityCountry === 0 || requested.size === 0) return;
    const there: MatchCooperation[] = [];
    let country: string | null = null;
    for (const c of coops) {
      if (partner && c.partners.includes(partner.id)) continue;
      for (const p of c.partners) {
        const cc = orgs.get(p)?.o.country;
        if (!cc || !requested.has(cc)) continue;
        if (!there.includes(c)) there.push(c);
        if (country === null || countries.indexOf(cc) < countries.indexOf(country)) country = cc;
      }
    }
    if (!country) return;
    const points = gain(sink, (w.priorityCountry * Math.min(there.length, MAX_RECORDS_COUNTED)) / MAX_RECORDS_COUNTED);
    if (!points || !sink.reasons) return;
    there.sort(byRecency);
    explain(sink, 'priorityCountry', points, 'matchmaking.reasons.countryExperience', { count: there.length, country }, [...caseRefs, ...there.map((c) => ref('cooperations', c.id))]);
  }

  /** The last contact with anyone who holds a position at the organisation now. */
  function recentContactVia(sink: Sink, s: Organisation) {
    const a = s.lastVia;
    const pos = s.lastViaPosition;
    if (w.recentContact === 0 || !a || !pos) return;
    const points = gain(sink, w.recentContact * recency(s.lastViaDay));
    if (!points || !sink.reasons) return;
    explain(sink, 'recentContact', points, 'matchmaking.reasons.recentContactVia', { date: a.date, person: nameOf(personIndex.get(pos.contactId)!) }, [
      ref('activities', a.id),
      ref('contacts', pos.contactId),
      ref('positions', pos.id),
    ]);
  }

  /* People ------------------------------------------------------------------------------------------ */

  /** Partners direction: nobody who works at one of ours now; institutes direction: people at an institute that fits. */
  function isPersonCandidate(k: number): boolean {
    if (direction === 'partners') {
      for (let i = currentOf.head(k); i !== -1; i = currentOf.after(i)) if (ours[currentAt[i]!] === 1) return false;
      return true;
    }
    for (let i = currentOf.head(k); i !== -1; i = currentOf.after(i)) if (orgScore[currentAt[i]!]! > 0) return true;
    return false;
  }

  /** Where a person is: the slot of a current position that says so, else -2 for their own country (if any), else -1. */
  const whereSlot = (k: number) => {
    const slot = whereOf[k]!;
    return slot === -1 && contacts[k]!.country ? -2 : slot;
  };
  const countryOf = (k: number) => countryOfPerson[k] ?? (contacts[k]!.country || null);
  /** Distinct trips of the meetings a person was a counterpart in, counted in place. */
  function distinctMeetingTrips(k: number): number {
    let distinct = 0;
    for (let i = meetingsOf.head(k); i !== -1 && distinct < MAX_RECORDS_COUNTED; i = meetingsOf.after(i)) {
      let seen = false;
      for (let j = meetingsOf.head(k); j !== i && !seen; j = meetingsOf.after(j)) seen = meetingsOf.at(j).tripId === meetingsOf.at(i).tripId;
      if (!seen) distinct++;
    }
    return distinct;
  }

  /** Scores a person; allocates nothing unless the reasons are written out (the second pass). */
  function scorePerson(sink: Sink, k: number) {
    const c = contacts[k]!;
    const self = sink.reasons ? ref('contacts', c.id) : NO_SOURCE;
    sharedTopics(sink, c.expertise, self, null);
    if (direction === 'partners') {
      const slot = whereSlot(k);
      priorityCountry(sink, countryOf(k), sink.reasons ? (slot >= 0 ? [ref('positions', currentOf.at(slot).id), ref('organisations', organisations[currentAt[slot]!]!.o.id)] : [self]) : NO_SOURCES);
      const points = meetingsOf.has(k) ? tripPoints(sink, distinctMeetingTrips(k)) : 0;
      if (points && sink.reasons) explainTrip(sink, points, metAt(meetingsOf.toArray(k)), 'metOnTrip', {});
    } else if (tripsOf.has(k)) {
      const mine = tripsOf.toArray(k);
      const hits: TripHit[] = [];
      for (let i = currentOf.head(k); i !== -1; i = currentOf.after(i)) for (const h of travelled.get(organisations[currentAt[i]!]!) ?? []) if (mine.includes(h.trip)) hits.push(h);
      const points = tripPoints(sink, distinctTrips(hits, tripOfHit));
      if (points && sink.reasons) explainTrip(sink, points, hits, travelKey, travelParams);
    }
    // A current position at an organisation that fits: the best-scoring one.
    if (w.currentPosition > 0) {
      let best = -1;
      let bestScore = 0;
      for (let i = currentOf.head(k); i !== -1; i = currentOf.after(i)) {
        const score = orgScore[currentAt[i]!]!;
        if (score > bestScore || (best !== -1 && score === bestScore && currentOf.at(i).id < currentOf.at(best).id)) {
          best = i;
          bestScore = score;
        }
      }
      const points = best !== -1 ? gain(sink, w.currentPosition) : 0;
      if (points && sink.reasons) {
        const pos = currentOf.at(best);
        explain(sink, 'currentPosition', points, 'matchmaking.reasons.currentPosition', { role: pos.role, organisation: organisations[currentAt[best]!]!.o.name }, [
          ref('positions', pos.id),
          ref('organisations', pos.organisationId),
        ]);
      }
    }
    const last = lastOf[k];
    if (w.recentContact > 0 && last) {
      const points = gain(sink, w.recentContact * recency(lastDay[k]!));
      if (points && sink.reasons) explain(sink, 'recentContact', points, 'matchmaking.reasons.recentContact', { date: last.date }, [ref('activities', last.id)]);
    }
  }

  /* Ranking: score everyone, keep the best `limit`, then explain those ----------------------------- */

  const sink: Sink = { points: 0, reasons: null };
  function rank<T>(states: Iterable<T>, isCandidate: (s: T) => boolean, score: (sink: Sink, s: T) => void, name: (s: T) => string, id: (s: T) => string, onScore?: (s: T, score: number) => void) {
    const top: Array<Candidate<T>> = [];
    let total = 0;
    const sortName = (c: Candidate<T>) => (c.sortName ??= fold(name(c.state)));
    const before = (a: Candidate<T>, b: Candidate<T>) => a.score > b.score || (a.score === b.score && (sortName(a) < sortName(b) || (sortName(a) === sortName(b) && id(a.state) < id(b.state))));
    for (const s of states) {
      if (!isCandidate(s)) continue;
      sink.points = 0;
      score(sink, s);
      const points = round(sink.points);
      onScore?.(s, points);
      if (points <= 0) continue;
      total++;
      if (top.length === limit && points < top[limit - 1]!.score) continue;
      const c: Candidate<T> = { state: s, score: points, sortName: null };
      if (top.length === limit && !before(c, top[limit - 1]!)) continue;
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(top[mid]!, c)) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, c);
      if (top.length > limit) top.pop();
    }
    return { top, total };
  }
  function explained<T>(c: Candidate<T>, kind: MatchCandidate['kind'], id: string, name: string, country: string | null, score: (sink: Sink, s: T) => void): MatchCandidate {
    const out: Sink = { points: 0, reasons: [] };
    score(out, c.state);
    const reasons = out.reasons!.sort((a, b) => b.points - a.points || reasonKinds.indexOf(a.kind) - reasonKinds.indexOf(b.kind));
    return { kind, id, name, country, score: c.score, reasons };
  }

  const rankedOrgs = rank(organisations, isOrgCandidate, scoreOrganisation, (s) => s.o.name, (s) => s.o.id, (s, score) => (orgScore[s.index] = score));
  const rankedPeople = rank(contacts.keys(), isPersonCandidate, scorePerson, nameOf, (k) => contacts[k]!.id);

  return {
    direction,
    today,
    weights: { ...w },
    organisations: rankedOrgs.top.map((c) => explained(c, 'organisation', c.state.o.id, c.state.o.name, c.state.o.country, scoreOrganisation)),
    people: rankedPeople.top.map((c) => explained(c, 'contact', contacts[c.state]!.id, nameOf(c.state), countryOf(c.state), scorePerson)),
    totals: { organisations: rankedOrgs.total, people: rankedPeople.total },
  };
}

/**
 * A reason as a sentence in `lang`: the catalogue string with its values, a country code given as the
 * country's name and a date in the reader's format. For the screen, the printed shortlist and tests.
 */
export function reasonText(r: MatchReason, lang: Language): string {
  const params: Record<string, string | number> = { ...(r.message.params ?? {}) };
  if (typeof params['country'] === 'string' && params['country']) params['country'] = countryName(params['country'], lang);
  if (typeof params['date'] === 'string') params['date'] = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(params['date']));
  return translator(lang)(r.message.key, params);
}

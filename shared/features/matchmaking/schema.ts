/**
 * Explainable matchmaking ("Find partners", issue 13 part 6): what a query asks, the weights it
 * scores with, and what comes back — ranked organisations and people, each with the reasons for
 * its score and the records every reason came from, so the screen can link them. Zod schemas, so
 * query and result can cross the process boundary unchanged; the pure function is in ./match.ts.
 */
import { z } from 'zod';
import { Message } from '../../errors';
import { CountryCode, Id, IsoDate, Topic, uniqueList } from '../../schemas/common';

/** From our institute (or a case, an idea) to partners, or from a partner back to our institutes. */
export const matchDirections = ['partners', 'institutes'] as const;
export const MatchDirection = z.enum(matchDirections);
export type MatchDirection = z.infer<typeof MatchDirection>;

/** Why a candidate fits; one reason of each kind at most per candidate. */
export const reasonKinds = [
  'sharedTopics',
  'priorityCountry',
  'earlierCooperation',
  'relatedPartner',
  'metOnTrip',
  'currentPosition',
  'recentContact',
  'sharedNetwork',
] as const;
export const ReasonKind = z.enum(reasonKinds);
export type ReasonKind = z.infer<typeof ReasonKind>;

/**
 * The weights, one per reason kind, each the points of one unit of that reason: per shared topic,
 * per cooperation, per trip, per network; a priority country of level 1 and a contact today earn
 * the full weight. Shown to the user and adjustable, 0 switches a reason off.
 */
export const defaultWeights = {
  sharedTopics: 10,
  priorityCountry: 15,
  earlierCooperation: 25,
  relatedPartner: 10,
  metOnTrip: 12,
  currentPosition: 8,
  recentContact: 15,
  sharedNetwork: 8,
} as const satisfies Record<ReasonKind, number>;

export const MAX_WEIGHT = 100;
const weight = (value: number) => z.number().min(0).max(MAX_WEIGHT).default(value);
export const MatchWeights = z.object({
  sharedTopics: weight(defaultWeights.sharedTopics),
  priorityCountry: weight(defaultWeights.priorityCountry),
  earlierCooperation: weight(defaultWeights.earlierCooperation),
  relatedPartner: weight(defaultWeights.relatedPartner),
  metOnTrip: weight(defaultWeights.metOnTrip),
  currentPosition: weight(defaultWeights.currentPosition),
  recentContact: weight(defaultWeights.recentContact),
  sharedNetwork: weight(defaultWeights.sharedNetwork),
});
export type MatchWeights = z.output<typeof MatchWeights>;

/**
 * How many units of a reason count at most (topics, cooperations, trips, networks): the fifth shared
 * topic or the fourth joint trip adds nothing, so one prolific record cannot drown every other reason.
 */
export const MAX_TOPICS_COUNTED = 5;
export const MAX_RECORDS_COUNTED = 3;
/** A contact today earns the full weight of "recent contact", one this many days ago nothing. */
export const CONTACT_HORIZON_DAYS = 730;
/** Each reason names at most this many source records (the strongest first). */
export const MAX_SOURCES = 20;

/** How much an earlier cooperation counts by its status: a running project more than a declined proposal. */
export const cooperationStatusFactor = {
  running: 1,
  funded: 1,
  ended: 0.8,
  applied: 0.6,
  preparation: 0.5,
  idea: 0.3,
  declined: 0.2,
} as const;
export const cooperationStatuses = Object.keys(cooperationStatusFactor) as Array<keyof typeof cooperationStatusFactor>;
export type CooperationStatus = keyof typeof cooperationStatusFactor;

const Topics = uniqueList(Topic, 40).default([]);
const Countries = uniqueList(CountryCode, 60).default([]);
const InstituteIds = z.array(Id).max(50).default([]);

/**
 * What to match from: an organisation (our institute when looking for partners, a partner when
 * looking for institutes), a case (its topics and countries, its client as our institute), or an
 * ad-hoc idea typed in the dialog.
 */
export const MatchSubject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organisation'), id: Id }),
  z.object({ kind: z.literal('case'), id: Id, topics: Topics, countries: Countries, instituteIds: InstituteIds }),
  z.object({ kind: z.literal('idea'), topics: Topics, countries: Countries, instituteIds: InstituteIds }),
]);
export type MatchSubject = z.output<typeof MatchSubject>;

export const MAX_MATCH_LIMIT = 200;
export const MatchQuery = z.object({
  subject: MatchSubject,
  direction: MatchDirection.default('partners'),
  weights: MatchWeights.default(defaultWeights),
  /** The day the ranking is for ("current" positions, active priorities, how recent a contact is). */
  today: IsoDate,
  /** At most this many organisations, and this many people. */
  limit: z.number().int().min(1).max(MAX_MATCH_LIMIT).default(25),
});
export type MatchQuery = z.output<typeof MatchQuery>;
export type MatchQueryInput = z.input<typeof MatchQuery>;

/** The collections a reason's records come from (cooperations, priorities and groups included). */
export const sourceCollections = [
  'organisations',
  'contacts',
  'positions',
  'cases',
  'activities',
  'trips',
  'agendaItems',
  'cooperations',
  'priorities',
  'groups',
] as const;
export const SourceRef = z.object({ collection: z.enum(sourceCollections), id: Id });
export type SourceRef = z.infer<typeof SourceRef>;

export const MatchReason = z.object({
  kind: ReasonKind,
  points: z.number().min(0),
  /** A catalogue key of the matchmaking reasons and its values (country codes as codes: see reasonText). */
  message: Message,
  sources: z.array(SourceRef).max(MAX_SOURCES),
});
export type MatchReason = z.infer<typeof MatchReason>;

export const candidateKinds = ['organisation', 'contact'] as const;
export const MatchCandidate = z.object({
  kind: z.enum(candidateKinds),
  id: Id,
  name: z.string(),
  country: z.string().nullable(),
  score: z.number().min(0),
  reasons: z.array(MatchReason).max(reasonKinds.length),
});
export type MatchCandidate = z.infer<typeof MatchCandidate>;

export const MatchResult = z.object({
  direction: MatchDirection,
  today: IsoDate,
  /** The weights the scores were computed with (the query's, defaults filled in). */
  weights: MatchWeights,
  organisations: z.array(MatchCandidate).max(MAX_MATCH_LIMIT),
  people: z.array(MatchCandidate).max(MAX_MATCH_LIMIT),
  /** How many candidates scored above zero before the limit cut the lists. */
  totals: z.object({ organisations: z.number().int().min(0), people: z.number().int().min(0) }),
});
export type MatchResult = z.infer<typeof MatchResult>;

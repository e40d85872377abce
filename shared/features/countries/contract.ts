/** The countries slice of the contract: the overview, one country's page and its map. */
import { z } from 'zod';
import { None } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { CountryCode, Id, IsoDate } from '../../schemas/common';
import { ActivityKind } from '../cases/activities';
import { CaseRef } from '../cases/contract';
import { NoteKind, NoteStatus } from '../notes/schema';
import { OrganisationRef } from '../organisations/schema';
import { TripRef } from '../trips/contract';
import { CountryMap, WorldMap } from './map-schema';
import { PriorityView } from '../priorities/contract';

/** One row of the overview: what the workspace holds for a country. */
export const CountryCounts = z.object({ code: z.string(), organisations: z.number(), contacts: z.number(), openCases: z.number(), notes: z.number() });
export type CountryCounts = z.infer<typeof CountryCounts>;
export const CountryOverview = z.array(CountryCounts);
export type CountryOverview = z.infer<typeof CountryOverview>;

export const CountryDetail = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameDe: z.string(),
  regions: z.array(z.string()),
  organisations: z.array(OrganisationRef.extend({ people: z.number() })),
  contacts: z.number(),
  keyContacts: z.array(z.object({ id: Id, name: z.string(), role: z.string().nullable(), organisationName: z.string().nullable() })),
  cases: z.array(CaseRef.extend({ dueOn: IsoDate.nullable() })),
  notes: z.array(z.object({ id: Id, title: z.string(), kind: NoteKind, status: NoteStatus, excerpt: z.string() })),
  activitiesThisYear: z.array(z.object({ id: Id, kind: ActivityKind, date: IsoDate, title: z.string(), caseId: Id.nullable(), caseTitle: z.string().nullable() })),
  /** Delegation trips to the country, latest first. */
  trips: z.array(TripRef),
  /** The strategy priorities covering the country (itself or a region it lies in), highest level first, with the activity there and its gaps. */
  priorities: z.array(PriorityView),
});
export type CountryDetail = z.infer<typeof CountryDetail>;

export const countriesContract = {
  'countries.overview': op(None, CountryOverview),
  'countries.detail': op(z.object({ code: CountryCode }), CountryDetail),
  'countries.map': op(z.object({ code: CountryCode }), CountryMap.nullable()),
  /** The world map the dashboard colours by activity (shapes only; the same for every workspace). */
  'countries.worldMap': op(None, WorldMap),
} as const satisfies Record<string, Operation>;

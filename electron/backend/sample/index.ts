import { DatabaseFile, emptyDatabaseFile, toDatabase, type Database } from '../../../shared/schemas/database';
import type { ServiceContext } from '../records/context';
import { buildCases, buildNotes, buildOrganisations, buildPeople, buildViews, declareKeys, type Builder } from './records';
import { Keys, makeClock } from './support';
import { buildTrips } from './trips';
import { buildPortfolio, programmeOfCase } from './portfolio';

/**
 * The sample workspace a new user can open: about fifty organisations in the stories (and some fifty more in the portfolio), 120 people with their
 * positions, 25 cases with tasks and timelines, twelve strategy notes with saved versions and a few
 * saved views, and a delegation trip with its agenda, and a research-cooperation portfolio (./portfolio.ts) — all fictional, written as tables in the neighbouring modules. Dates are relative to
 * `ctx.now()` so deadlines feel current; ids come from `ctx.newId()` in table order, so the same
 * clock and id sequence always give the same workspace.
 */
export function buildSampleDatabase(ctx: ServiceContext): Database {
  const keys = new Keys(ctx);
  const b: Builder = { clock: makeClock(ctx.now()), keys, newId: () => ctx.newId() };
  declareKeys(keys);
  const organisations = buildOrganisations(b);
  const { contacts, positions } = buildPeople(b);
  const { cases, tasks, activities } = buildCases(b);
  const { notes, noteRevisions } = buildNotes(b);
  const views = buildViews(b);
  const { trips, agendaItems } = buildTrips(b);
  // Built last, so the records above keep their ids.
  const portfolio = buildPortfolio(b);
  const programmeOf = programmeOfCase(b);
  return toDatabase(
    DatabaseFile.parse({
      ...emptyDatabaseFile(),
      organisations: [...organisations, ...portfolio.organisations],
      contacts,
      positions,
      cases: cases.map((c) => (programmeOf.has(c.id) ? { ...c, programmeId: programmeOf.get(c.id)! } : c)),
      tasks,
      activities,
      notes,
      noteRevisions,
      views,
      trips,
      agendaItems,
      groups: portfolio.groups,
      programmes: portfolio.programmes,
      cooperations: portfolio.cooperations,
      priorities: portfolio.priorities,
    }),
  );
}

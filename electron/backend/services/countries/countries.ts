import type { ServiceOf } from '../../../../shared/contract';
import { countryName } from '../../../../shared/features/countries/names';
import { regionsOfCountry } from '../../../../shared/features/countries/regions';
import { isCurrentPosition } from '../../../../shared/features/contacts/schema';
import { type ServiceContext, localDate } from '../../records/context';
import { contactRows } from '../contacts/contacts';
import { indexes } from '../../records/indexes';
import { noteConcernsCountry, notePlainText } from '../notes/notes';
import { organisationRef } from '../organisations/organisations';
import { screenMap, screenWorldMap } from './world-map';
import { priorityViewsForCountry } from '../priorities/priorities';
import { excerpt } from '../../../../shared/domain/richtext';

/** Per-country view of the workspace: who and what we have there, and what happened this year. */
export function createCountryService(ctx: ServiceContext) {
  const { store } = ctx;

  return {
    overview() {
      const db = store.db;
      const stats = new Map<string, { organisations: number; contacts: number; openCases: number; notes: number }>();
      const bump = (code: string | null, key: 'organisations' | 'contacts' | 'openCases' | 'notes') => {
        if (!code) return;
        const s = stats.get(code) ?? { organisations: 0, contacts: 0, openCases: 0, notes: 0 };
        s[key]++;
        stats.set(code, s);
      };
      for (const o of db.organisations) bump(o.country, 'organisations');
      for (const r of contactRows(ctx)) for (const c of r.countries) bump(c, 'contacts');
      for (const c of db.cases) if (c.status !== 'closed') for (const k of c.countries) bump(k, 'openCases');
      for (const n of db.notes) for (const k of n.countries) bump(k, 'notes');
      return [...stats.entries()]
        .map(([code, s]) => ({ code, ...s }))
        .sort((a, b) => b.openCases + b.organisations - (a.openCases + a.organisations) || a.code.localeCompare(b.code));
    },

    detail({ code }) {
      const db = store.db;
      const ix = indexes(db);
      const today = localDate(ctx.now());
      const year = today.slice(0, 4);
      const orgs = db.organisations.filter((o) => o.country === code);
      const people = contactRows(ctx).filter((r) => r.countries.includes(code));
      const cases = db.cases.filter((c) => c.countries.includes(code));
      const orgIds = new Set(orgs.map((o) => o.id));
      const peopleIds = new Set(people.map((p) => p.id));
      const caseIds = new Set(cases.map((c) => c.id));
      const activities = db.activities
        .filter((a) => a.date.startsWith(year) && ((a.caseId && caseIds.has(a.caseId)) || a.participantIds.some((p) => peopleIds.has(p))))
        .sort((a, b) => b.date.localeCompare(a.date))
        .slice(0, 50)
        .map((a) => ({ id: a.id, kind: a.kind, date: a.date, title: a.title, caseId: a.caseId, caseTitle: a.caseId ? (ix.caseById(a.caseId)?.title ?? null) : null }));
      return {
        code,
        nameEn: countryName(code, 'en'),
        nameDe: countryName(code, 'de'),
        regions: [...regionsOfCountry(code)],
        organisations: orgs
          .map((o) => ({ ...organisationRef(o), people: ix.positionsAt(o.id).filter((p) => isCurrentPosition(p, today)).length }))
          .sort((a, b) => b.people - a.people || a.name.localeCompare(b.name)),
        contacts: people.length,
        keyContacts: people
          .filter((p) => p.organisationId && orgIds.has(p.organisationId))
          .slice(0, 30)
          .map((p) => ({ id: p.id, name: p.name, role: p.role, organisationName: p.organisationName })),
        cases: cases.map((c) => ({ id: c.id, reference: c.reference, title: c.title, status: c.status, dueOn: c.dueOn })),
        notes: db.notes
          .filter((n) => noteConcernsCountry(n, code))
          .map((n) => ({ id: n.id, title: n.title, kind: n.kind, status: n.status, excerpt: excerpt(notePlainText(n), 160) })),
        activitiesThisYear: activities,
        trips: db.trips
          .filter((t) => t.destinations.some((d) => d.country === code))
          .sort((a, b) => b.startDate.localeCompare(a.startDate))
          .map((t) => ({ id: t.id, title: t.title, startDate: t.startDate, endDate: t.endDate })),
        priorities: priorityViewsForCountry(ctx, code),
      };
    },

    map: ({ code }) => screenMap(code),

    worldMap: () => screenWorldMap(),
  } satisfies ServiceOf<'countries'>;
}

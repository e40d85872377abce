import type { ServiceOf } from '../../../../shared/contract';
import type { createCaseService } from '../cases/cases';
import type { createContactService } from '../contacts/contacts';
import type { createCooperationService } from '../cooperations/cooperations';
import type { createNoteService } from '../notes/notes';
import type { createOrganisationService } from '../organisations/organisations';
import type { createProgrammeService } from '../programmes/programmes';

interface Lists {
  cases: ReturnType<typeof createCaseService>;
  contacts: ReturnType<typeof createContactService>;
  organisations: ReturnType<typeof createOrganisationService>;
  notes: ReturnType<typeof createNoteService>;
  cooperations: ReturnType<typeof createCooperationService>;
  programmes: ReturnType<typeof createProgrammeService>;
}

/** One query across cases, people, organisations, notes, cooperations and programmes, for the command palette, through their lists. */
export function createSearchService({ cases, contacts, organisations: orgs, notes, cooperations, programmes }: Lists) {
  return {
    global(query) {
      const text = query.text.trim();
      if (!text) return [];
      const n = query.limit;
      const common = { text, offset: 0, limit: n, direction: 'desc' as const };
      return [
        ...cases.list({ ...common, statuses: [], countries: [], regions: [], topics: [], owners: [], programmeIds: [], groups: [], sort: 'updatedAt' }).rows.map((c) => ({
          kind: 'case' as const,
          id: c.id,
          label: c.title,
          detail: c.reference,
          status: c.status as string,
        })),
        ...contacts
          .list({ ...common, countries: [], regions: [], topics: [], organisationKinds: [], languages: [], owners: [], groups: [], sort: 'lastContact' })
          .rows.map((c) => ({ kind: 'contact' as const, id: c.id, label: c.name, detail: [c.role, c.organisationName].filter(Boolean).join(', '), status: null })),
        ...orgs
          .list({ ...common, kinds: [], countries: [], regions: [], topics: [], owners: [], groups: [], sort: 'people' })
          .rows.map((o) => ({ kind: 'organisation' as const, id: o.id, label: o.name, detail: [o.city, o.country].filter(Boolean).join(', '), status: o.kind as string })),
        ...notes
          .list({ ...common, kinds: [], statuses: [], countries: [], regions: [], topics: [], owners: [], sort: 'updatedAt' })
          .rows.map((x) => ({ kind: 'note' as const, id: x.id, label: x.title, detail: x.excerpt, status: x.status as string })),
        ...cooperations
          .list({ ...common, statuses: [], countries: [], regions: [], topics: [], institutes: [], groups: [], programmeIds: [], sort: 'updatedAt' })
          .rows.map((c) => ({ kind: 'cooperation' as const, id: c.id, label: c.title, detail: [...c.institutes, ...c.partners].join(', '), status: c.status as string })),
        ...programmes
          .list({ ...common, countries: [], topics: [], sort: 'updatedAt' })
          .rows.map((p) => ({ kind: 'programme' as const, id: p.id, label: p.name, detail: [p.funder, p.deadline ?? ''].filter(Boolean).join(', '), status: null })),
      ];
    },
  } satisfies ServiceOf<'search'>;
}

import type { ParsedInputOf } from '../../../../shared/contract';
import type { ServiceContext } from '../../records/context';
import { createCaseService } from '../cases/cases';
import { createContactService } from '../contacts/contacts';
import { createNoteService } from '../notes/notes';
import { createOrganisationService } from '../organisations/organisations';

/** One query across cases, people, organisations and notes, for the command palette. */
export function createSearchService(ctx: ServiceContext) {
  const cases = createCaseService(ctx);
  const contacts = createContactService(ctx);
  const orgs = createOrganisationService(ctx);
  const notes = createNoteService(ctx);

  return {
    global(query: ParsedInputOf<'search.global'>) {
      const text = query.text.trim();
      if (!text) return [];
      const n = query.limit;
      const common = { text, offset: 0, limit: n, direction: 'desc' as const };
      return [
        ...cases.list({ ...common, statuses: [], countries: [], regions: [], topics: [], owners: [], sort: 'updatedAt' }).rows.map((c) => ({
          kind: 'case' as const,
          id: c.id,
          label: c.title,
          detail: c.reference,
          status: c.status as string,
        })),
        ...contacts
          .list({ ...common, countries: [], regions: [], topics: [], organisationKinds: [], languages: [], owners: [], sort: 'lastContact' })
          .rows.map((c) => ({ kind: 'contact' as const, id: c.id, label: c.name, detail: [c.role, c.organisationName].filter(Boolean).join(', '), status: null })),
        ...orgs
          .list({ ...common, kinds: [], countries: [], regions: [], topics: [], owners: [], sort: 'people' })
          .rows.map((o) => ({ kind: 'organisation' as const, id: o.id, label: o.name, detail: [o.city, o.country].filter(Boolean).join(', '), status: o.kind as string })),
        ...notes
          .list({ ...common, kinds: [], statuses: [], countries: [], regions: [], topics: [], owners: [], sort: 'updatedAt' })
          .rows.map((x) => ({ kind: 'note' as const, id: x.id, label: x.title, detail: x.excerpt, status: x.status as string })),
      ];
    },
  };
}

import { AppError } from '../../../shared/errors';
import { nextCaseReference, sameReference } from '../../../shared/domain/cases';
import { countryName } from '../../../shared/domain/countries';
import { foldText, matchesAllTerms } from '../../../shared/domain/text';
import type { ParsedInputOf } from '../../../shared/contract';
import { CaseFields, type CaseListItem, type CaseRecord, type CaseStatus, caseStatuses, casePriorities } from '../../../shared/schemas/case';
import { parseOrThrow } from '../../../shared/validation';
import { type ServiceContext, localDate } from './context';
import { assertRevision, findOrThrow, indexOfOrThrow } from './records';
import { addToTrash } from './trash';

type ParsedCreate = ParsedInputOf<'cases.create'>;
type ParsedUpdate = ParsedInputOf<'cases.update'>;
type ParsedQuery = ParsedInputOf<'cases.list'>;

/** Folded text of a case for the list filter, cached per (immutable) record. */
const searchText = new WeakMap<CaseRecord, string>();
function haystack(c: CaseRecord): string {
  let text = searchText.get(c);
  if (text === undefined) {
    text = foldText(
      [c.title, c.reference, c.client, c.owner, c.summary, ...c.topics, ...c.countries.flatMap((k) => [k, countryName(k, 'en'), countryName(k, 'de')])].join('\n'),
    );
    searchText.set(c, text);
  }
  return text;
}

const statusRank = Object.fromEntries(caseStatuses.map((s, i) => [s, i])) as Record<CaseStatus, number>;
const priorityRank = Object.fromEntries(casePriorities.map((p, i) => [p, i])) as Record<string, number>;
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compare(a: CaseRecord, b: CaseRecord, key: ParsedQuery['sort']): number {
  switch (key) {
    case 'status':
      return statusRank[a.status] - statusRank[b.status];
    case 'priority':
      return (priorityRank[a.priority] ?? 0) - (priorityRank[b.priority] ?? 0);
    case 'dueOn':
      // Cases without a due date sort after every dated case.
      return (a.dueOn ?? '9999-99-99').localeCompare(b.dueOn ?? '9999-99-99');
    case 'openedOn':
    case 'updatedAt':
      return a[key].localeCompare(b[key]);
    default:
      return collator.compare(a[key], b[key]);
  }
}

const listItem = ({ summary: _summary, ...rest }: CaseRecord): CaseListItem => rest;

export function createCaseService(ctx: ServiceContext) {
  const { store } = ctx;

  function assertReferenceFree(reference: string, exceptId?: string) {
    const taken = store.db.cases.some((c) => c.id !== exceptId && sameReference(c.reference, reference));
    if (taken) {
      throw new AppError('VALIDATION', `The reference ${reference} is already used by another case.`, {
        messageKey: { key: 'errors.validation' },
        fields: { reference: { key: 'validation.referenceTaken' } },
      });
    }
  }

  function nextReference(openedOn?: string): string {
    const year = Number((openedOn ?? localDate(ctx.now())).slice(0, 4));
    return nextCaseReference(
      store.db.cases.map((c) => c.reference),
      year,
    );
  }

  return {
    list(query: ParsedQuery): CaseListItem[] {
      const statuses = new Set(query.statuses);
      const countries = new Set(query.countries);
      const text = query.text.trim();
      const rows = store.db.cases.filter(
        (c) =>
          (statuses.size === 0 || statuses.has(c.status)) &&
          (countries.size === 0 || c.countries.some((k) => countries.has(k))) &&
          (text === '' || matchesAllTerms(haystack(c), text)),
      );
      const sign = query.direction === 'asc' ? 1 : -1;
      rows.sort((a, b) => sign * compare(a, b, query.sort) || collator.compare(a.reference, b.reference));
      return rows.map(listItem);
    },

    get(id: string): CaseRecord {
      return findOrThrow(store.db.cases, id, 'case');
    },

    nextReference,

    vocabulary() {
      const topics = new Set<string>();
      const owners = new Set<string>();
      const clients = new Set<string>();
      for (const c of store.db.cases) {
        c.topics.forEach((t) => topics.add(t));
        if (c.owner) owners.add(c.owner);
        if (c.client) clients.add(c.client);
      }
      const sorted = (s: Set<string>) => [...s].sort(collator.compare);
      return { topics: sorted(topics), owners: sorted(owners), clients: sorted(clients) };
    },

    /*
     * Checks run inside the store's write queue against the published data (`store.db`, never the
     * immer draft, whose element reads would each allocate a proxy); the draft is only written to.
     */
    create(input: ParsedCreate): Promise<CaseRecord> {
      return store.update((draft) => {
        const reference = input.reference ?? nextReference(input.openedOn);
        assertReferenceFree(reference);
        const stamp = ctx.now().toISOString();
        const fields = parseOrThrow(CaseFields, { ...input, reference }, 'Case');
        const record: CaseRecord = { id: ctx.newId(), createdAt: stamp, updatedAt: stamp, revision: 1, ...fields };
        draft.cases.push(record);
        return record;
      });
    },

    update(input: ParsedUpdate): Promise<CaseRecord> {
      return store.update((draft) => {
        const i = indexOfOrThrow(store.db.cases, input.id, 'case');
        const current = store.db.cases[i]!;
        assertRevision(current, input.revision, 'case');
        const { id: _id, createdAt: _c, updatedAt: _u, revision: _r, ...currentFields } = current;
        const fields = parseOrThrow(CaseFields, { ...currentFields, ...input.changes }, 'Case');
        if (!sameReference(fields.reference, current.reference)) assertReferenceFree(fields.reference, current.id);
        const next: CaseRecord = { ...current, ...fields, updatedAt: ctx.now().toISOString(), revision: current.revision + 1 };
        draft.cases[i] = next;
        return next;
      });
    },

    remove(id: string, revision: number): Promise<{ undoId: string }> {
      return store.update((draft) => {
        const i = indexOfOrThrow(store.db.cases, id, 'case');
        const record = store.db.cases[i]!;
        assertRevision(record, revision, 'case');
        const undoId = ctx.newId();
        draft.cases.splice(i, 1);
        addToTrash(draft, {
          id: undoId,
          deletedAt: ctx.now().toISOString(),
          label: `${record.reference} ${record.title}`,
          removed: { cases: [record] },
        });
        return { undoId };
      });
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;

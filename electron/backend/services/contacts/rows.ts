/**
 * The people list's rows and the short reference other screens show for a person: derived from
 * contacts, their positions, organisations and activities, memoised per change, shared by the
 * contacts list, pickers, countries and trips.
 */
import { countryName } from '../../../../shared/features/countries/names';
import { displayName, isCurrentPosition, type ContactListItem, type ContactRecord, type ContactRef, type PositionRecord } from '../../../../shared/features/contacts/schema';
import type { Database } from '../../../../shared/schemas/database';
import type { OrganisationRecord } from '../../../../shared/features/organisations/schema';
import { type ServiceContext, localDate } from '../../records/context';
import { dayKey, indexes, memoOn } from '../../records/indexes';
import { compareValues, foldedCache } from '../../records/lists';
import type { contactSortKeys } from '../../../../shared/features/contacts/schema';

const contactText = foldedCache((c: ContactRecord) =>
  [c.honorific, c.academicTitle, c.givenName, c.familyName, c.nativeName, c.transliteration, c.notes, ...c.emails.map((e) => e.address), ...c.expertise].join('\n'),
);
const orgText = foldedCache((o: OrganisationRecord) =>
  [o.name, o.shortName, o.city, ...(o.country ? [o.country, countryName(o.country, 'en'), countryName(o.country, 'de')] : [])].join('\n'),
);
const roleText = foldedCache((p: PositionRecord) => p.role);

/** The position a list shows: the current one that started last. */
export function primaryPosition(positions: readonly PositionRecord[], today: string): PositionRecord | undefined {
  let best: PositionRecord | undefined;
  for (const p of positions) {
    if (!isCurrentPosition(p, today)) continue;
    if (!best || (p.from ?? '') > (best.from ?? '')) best = p;
  }
  return best;
}

export interface ContactRow extends ContactListItem {
  /** Family name first, for sorting. */
  sortName: string;
  /** Countries of all current positions (or the contact's own), for filtering. */
  countries: string[];
  kinds: string[];
  organisationIds: string[];
  /** Groups of the organisations of current positions (an ended position does not count). */
  groupIds: string[];
  haystacks: string[];
}

const rowsCache = memoOn<ContactRow[]>();
/** Rows per contact record, valid while positions, organisations and activities are unchanged. */
const rowMaps = memoOn<WeakMap<ContactRecord, ContactRow>>();

function buildRows(db: Database, today: string, day: object): ContactRow[] {
  const ix = indexes(db);
  // Editing one person replaces only their record: every other row is reused as it was.
  const known = rowMaps([db.positions, db.organisations, db.activities, day], () => new WeakMap());
  return db.contacts.map((c) => {
    const cached = known.get(c);
    if (cached) return cached;
    const row = buildRow(c);
    known.set(c, row);
    return row;
  });

  function buildRow(c: ContactRecord): ContactRow {
    const positions = ix.positionsOfContact(c.id);
    const current = positions.filter((p) => isCurrentPosition(p, today));
    const primary = primaryPosition(current, today);
    const org = primary ? ix.organisation(primary.organisationId) : undefined;
    const currentOrgs = current.map((p) => ix.organisation(p.organisationId)).filter((o): o is OrganisationRecord => !!o);
    const countries = [...new Set(currentOrgs.map((o) => o.country).filter((k): k is string => !!k))];
    if (countries.length === 0 && c.country) countries.push(c.country);
    const phone = c.phones.find((p) => p.kind === 'work') ?? c.phones.find((p) => p.kind === 'mobile') ?? c.phones[0];
    return {
      id: c.id,
      revision: c.revision,
      name: displayName(c),
      honorific: c.honorific,
      nativeName: c.nativeName,
      role: primary?.role ?? null,
      organisationId: org?.id ?? null,
      organisationName: org?.name ?? null,
      country: org?.country ?? countries[0] ?? null,
      email: c.emails[0]?.address ?? null,
      phone: phone?.number ?? null,
      expertise: c.expertise,
      languages: c.languages,
      owner: c.owner,
      lastContact: ix.lastContact(c.id),
      updatedAt: c.updatedAt,
      sortName: `${c.familyName} ${c.givenName}`,
      countries,
      kinds: [...new Set(currentOrgs.map((o) => o.kind))],
      organisationIds: currentOrgs.map((o) => o.id),
      groupIds: [...new Set(currentOrgs.flatMap((o) => o.groupIds))],
      haystacks: [contactText(c), ...currentOrgs.map(orgText), ...current.map(roleText)],
    };
  }
}

export function contactRows(ctx: ServiceContext): ContactRow[] {
  const db = ctx.store.db;
  const day = dayKey(localDate(ctx.now()));
  return rowsCache([db.contacts, db.positions, db.organisations, db.activities, day], () => buildRows(db, day.value, day));
}

export type ContactSortKey = (typeof contactSortKeys)[number];

/** The value a sort key compares. */
export function sortValue(r: ContactRow, key: ContactSortKey): string | number | null {
  return key === 'name' ? r.sortName : key === 'organisation' ? r.organisationName : key === 'role' ? r.role : r[key];
}

const orders = new WeakMap<readonly ContactRow[], Map<string, ContactRow[]>>();
/** How often a whole-table order was computed (observable for tests, never timed). */
export const orderBuilds = { count: 0 };

/**
 * All rows of one row table in one sort order (ties by name), computed once per table and order:
 * a filtered list keeps the order of its rows, so a query filters this instead of sorting its hits
 * (the sort, 50,000 collator comparisons in the order of n·log n, is what made a first query slow).
 * The idle warmer prepares the list's default order after open and after changes.
 */
export function contactOrder(rows: readonly ContactRow[], key: ContactSortKey, direction: 'asc' | 'desc'): ContactRow[] {
  let perTable = orders.get(rows);
  if (!perTable) orders.set(rows, (perTable = new Map()));
  const name = `${key} ${direction}`;
  let order = perTable.get(name);
  if (!order) {
    orderBuilds.count++;
    order = sortContactRows(rows, key, direction);
    perTable.set(name, order);
  }
  return order;
}

/** The order `contactOrder` prepared for this table, if it did. */
export function preparedOrder(rows: readonly ContactRow[], key: ContactSortKey, direction: 'asc' | 'desc'): ContactRow[] | undefined {
  return orders.get(rows)?.get(`${key} ${direction}`);
}

/** Rows sorted by one key (missing values last), ties by name; the sort keys are read once per row, not twice per comparison. */
export function sortContactRows(rows: readonly ContactRow[], key: ContactSortKey, direction: 'asc' | 'desc'): ContactRow[] {
  const keyed = rows.map((row) => ({ row, value: sortValue(row, key) }));
  keyed.sort((a, b) => compareValues(a.value, b.value, direction) || compareValues(a.row.sortName, b.row.sortName, 'asc'));
  return keyed.map((k) => k.row);
}

/** The people list as it first opens (by name, A–Z), prepared when idle (warm.ts). */
export function warmContactList(ctx: ServiceContext): void {
  contactOrder(contactRows(ctx), 'name', 'asc');
}

export const toItem = ({ sortName: _s, countries: _c, kinds: _k, organisationIds: _o, groupIds: _g, haystacks: _h, ...item }: ContactRow): ContactListItem => item;

export function contactRef(db: Database, c: ContactRecord, today: string): ContactRef {
  const ix = indexes(db);
  const primary = primaryPosition(ix.positionsOfContact(c.id), today);
  return {
    id: c.id,
    name: displayName(c),
    nativeName: c.nativeName,
    role: primary?.role ?? null,
    organisationName: primary ? (ix.organisation(primary.organisationId)?.name ?? null) : null,
  };
}


/**
 * Each person's countries (shared/features/contacts/countries.ts) for the store as it is, memoised
 * so an edit costs only what it touches. Positions and organisations give the positions' countries
 * (one stage); the people add their own country (the next). When only some chunks of the people
 * changed (one person saved), just those chunks are checked against the last result; if they say
 * the same as before (an edited name, phone or note), the last result is returned as it is — so
 * the activity per country, the map and the priority gaps, memoised on this object, stay as well.
 */
import { contactCountries, countriesStillAre, positionCountries, sameCountries, type PeopleCountries } from '../../../../shared/features/contacts/countries';
import type { ContactRecord } from '../../../../shared/features/contacts/schema';
import type { Collection } from '../../../../shared/schemas/collection';
import type { Database } from '../../../../shared/schemas/database';
import { dayKey, memoOn } from '../../records/indexes';

const fromPositions = memoOn<PeopleCountries>();
const people = memoOn<PeopleCountries>();

interface Last {
  day: object;
  positions: PeopleCountries;
  contacts: Collection<ContactRecord>;
  value: PeopleCountries;
}
/** The last result (one: the store moves on, and a result that still holds is returned again). */
let last: Last | null = null;

/** Whether `contacts` differ from `was.contacts` only in chunks whose people keep their countries. */
function stillHolds(was: Last, contacts: Collection<ContactRecord>): boolean {
  if (contacts.length !== was.contacts.length) return false;
  const now = new Set(contacts.chunks);
  const before = new Set(was.contacts.chunks);
  const gone = new Set<string>();
  for (const chunk of was.contacts.chunks) if (!now.has(chunk)) for (const c of chunk) gone.add(c.id);
  let seen = 0;
  for (const chunk of contacts.chunks) {
    if (before.has(chunk)) continue;
    for (const c of chunk) {
      if (!gone.has(c.id) || !countriesStillAre(c, was.positions, was.value.get(c.id))) return false;
      seen++;
    }
  }
  return seen === gone.size;
}

export function peopleCountries(db: Database, today: string): PeopleCountries {
  const day = dayKey(today);
  const positions = fromPositions([db.positions, db.organisations, day], () => positionCountries(db.positions, db.organisations, today));
  return people([db.contacts, positions], () => {
    const was = last && last.day === day ? last : null;
    if (was && was.positions === positions && stillHolds(was, db.contacts)) {
      last = { ...was, contacts: db.contacts };
      return was.value;
    }
    const next = contactCountries(db.contacts, positions);
    const value = was && sameCountries(was.value, next) ? was.value : next;
    last = { day, positions, contacts: db.contacts, value };
    return value;
  });
}

/**
 * The countries each person is in, as the people list counts them: those of the organisations of
 * their current positions, else their own country. The dashboard's map, the priorities' activity
 * and the country figures all count people this way, so it is one pure function here rather than a
 * copy in each. It runs over every position and person (50,000 people at 10× size), so it allocates
 * one array per person only where a person is in two or more countries: everyone else shares the
 * one frozen `[code]` of their country.
 */
import type { Rows } from '../../schemas/collection';
import { isCurrentPosition, type ContactRecord, type PositionRecord } from './schema';

/** Person id → the countries they are in; people in none are left out. */
export type PeopleCountries = ReadonlyMap<string, readonly string[]>;

interface Place {
  id: string;
  country: string | null;
}

/** The per-person countries from current positions only (what changes when positions or organisations do). */
export function positionCountries(positions: Rows<PositionRecord>, organisations: Rows<Place>, today: string): PeopleCountries {
  const orgCountry = new Map<string, string>();
  for (const o of organisations) if (o.country) orgCountry.set(o.id, o.country);
  const single = new Map<string, readonly string[]>();
  const byContact = new Map<string, readonly string[]>();
  for (const p of positions) {
    if (!isCurrentPosition(p, today)) continue;
    const code = orgCountry.get(p.organisationId);
    if (!code) continue;
    const list = byContact.get(p.contactId);
    if (!list) {
      let one = single.get(code);
      if (!one) single.set(code, (one = Object.freeze([code])));
      byContact.set(p.contactId, one);
    } else if (!list.includes(code)) byContact.set(p.contactId, Object.freeze([...list, code]));
  }
  return byContact;
}

/** Every person's countries: from `fromPositions` (positionCountries), else the person's own country. */
export function contactCountries(contacts: Rows<Pick<ContactRecord, 'id' | 'country'>>, fromPositions: PeopleCountries): PeopleCountries {
  const single = new Map<string, readonly string[]>();
  const out = new Map<string, readonly string[]>();
  for (const c of contacts) {
    const codes = fromPositions.get(c.id);
    if (codes) out.set(c.id, codes);
    else if (c.country) {
      let one = single.get(c.country);
      if (!one) single.set(c.country, (one = Object.freeze([c.country])));
      out.set(c.id, one);
    }
  }
  return out;
}

/** Whether two results say the same of everyone (then whatever was derived from the first still holds). */
export function sameCountries(a: PeopleCountries, b: PeopleCountries): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [id, codes] of a) {
    const other = b.get(id);
    if (other === codes) continue;
    if (!other || other.length !== codes.length || codes.some((c, i) => other[i] !== c)) return false;
  }
  return true;
}

/** Whether `was` is what contactCountries gives `c` with `fromPositions` (the same rule, for one person). */
export function countriesStillAre(c: Pick<ContactRecord, 'id' | 'country'>, fromPositions: PeopleCountries, was: readonly string[] | undefined): boolean {
  const codes = fromPositions.get(c.id);
  if (codes) return was === codes || (!!was && was.length === codes.length && codes.every((code, i) => was[i] === code));
  if (c.country) return !!was && was.length === 1 && was[0] === c.country;
  return was === undefined;
}

// The country profile chapter: per destination country its names, region and map, the organisations
// we know there, and for the delegation our people there, open cases and earlier trips.
import type { Rows } from '../../../../../shared/schemas/collection';
import { countryName } from '../../../../../shared/features/countries/names';
import { regionName, regionsOfCountry } from '../../../../../shared/features/countries/regions';
import { displayName, isCurrentPosition, type ContactRecord } from '../../../../../shared/features/contacts/schema';
import type { TripRecord } from '../../../../../shared/features/trips/schema';
import { printMap } from '../../../services/countries/world-map';
import type { Block, Shape } from '../../model';
import { chapter, type BookData, type SectionBuilder } from './data';

/** The size of a country's map in print (the book's country profile and the country dossier). */
export const BOOK_MAP = { width: 460, height: 300 } as const;

/**
 * The country on its map (highlighted among its neighbours) as a figure with alt text and caption:
 * shared by the book's country profile and the country dossier, so both print the same map.
 */
export function countryMapFigure(code: string, name: string, t: BookData['t']): Block | null {
  const map = printMap(code, BOOK_MAP.width, BOOK_MAP.height);
  if (!map) return null;
  const shapes: Shape[] = map.paths.map((p) =>
    p.highlighted ? { kind: 'path', d: p.d, fill: '#1f4e79', stroke: '#ffffff', lineWidth: 0.6 } : { kind: 'path', d: p.d, fill: '#dfe4ea', stroke: '#ffffff', lineWidth: 0.6 },
  );
  return {
    kind: 'figure',
    alt: t('book.country.mapAlt', { country: name }),
    width: map.width,
    height: map.height,
    shapes,
    caption: t('book.country.mapCaption', { country: name }),
    clip: true,
    background: '#f4f7fa',
  };
}

export const countryProfile: SectionBuilder = ({ db, trip, t, ix, lang, external, today, none, date }) => {
  const countries = [...new Set(trip.destinations.map((d) => d.country))];
  const blocks: Block[] = [];
  countries.forEach((code, n) => {
    if (n > 0) blocks.push({ kind: 'pageBreak' });
    const name = countryName(code, lang);
    blocks.push({ kind: 'heading', level: 2, text: name });
    blocks.push({
      kind: 'fields',
      rows: [
        { label: t('book.country.names'), value: `${countryName(code, 'de')} · ${countryName(code, 'en')} (${code})` },
        { label: t('book.country.region'), value: regionsOfCountry(code).map((r) => regionName(r, lang)).join(' › ') || none },
      ],
    });
    const map = countryMapFigure(code, name, t);
    if (map) blocks.push(map);
    const orgs = db.organisations.filter((o) => o.country === code);
    // "Science Officer, Science and Innovation Section, German Embassy Nairobi": a department is
    // named with its parent, and a role that already names its unit is not followed by it again.
    const roleAt = (role: string, o: (typeof orgs)[number]) => {
      const parent = o.parentId ? ix.organisation(o.parentId)?.name : undefined;
      const unit = role.includes(o.name) ? [] : [o.name];
      return [role, ...unit, parent].filter(Boolean).join(', ');
    };
    if (orgs.length) {
      // The 25 with the most people we know there; partners see them by name, without our counts.
      const listed = orgs
        .map((o) => ({ o, people: ix.positionsAt(o.id).filter((p) => isCurrentPosition(p, today)).length }))
        .sort((a, b) => b.people - a.people || a.o.name.localeCompare(b.o.name, lang))
        .slice(0, 25);
      const kindOf = (o: (typeof orgs)[number]) => t(`organisations.kinds.${o.kind}`);
      blocks.push({ kind: 'heading', level: 3, text: t('book.country.ourOrganisations'), toc: false });
      blocks.push({
        kind: 'table',
        columns: [
          { label: t('book.columns.organisation'), width: 5.2 },
          { label: t('book.columns.city'), width: 1.6 },
          { label: t('book.columns.kind'), width: 2 },
          ...(external ? [] : [{ label: t('book.columns.people'), width: 1, align: 'right' as const }]),
        ],
        rows: external
          ? [...listed].sort((a, b) => a.o.name.localeCompare(b.o.name, lang)).map(({ o }) => [o.name, o.city || none, kindOf(o)])
          : listed.map(({ o, people }) => [o.name, o.city || none, kindOf(o), String(people)]),
      });
    }
    if (!external) {
      // Who we know there now: our network, so the delegation's edition only. Most recently in touch first.
      const people = orgs
        .flatMap((o) => ix.positionsAt(o.id).filter((p) => isCurrentPosition(p, today)).map((p) => ({ p, o, c: ix.contact(p.contactId) })))
        .filter((x): x is typeof x & { c: ContactRecord } => !!x.c)
        .map((x) => ({ ...x, last: ix.lastContact(x.c.id) }))
        .sort((a, b) => (b.last ?? '').localeCompare(a.last ?? '') || displayName(a.c).localeCompare(displayName(b.c), lang));
      // A person with two roles there is listed once, with the first role in that order.
      const seen = new Set<string>();
      const shown = people.filter((x) => !seen.has(x.c.id) && seen.add(x.c.id)).slice(0, 30);
      if (shown.length) {
        blocks.push({ kind: 'heading', level: 3, text: t('book.country.contacts'), toc: false });
        blocks.push({
          kind: 'table',
          columns: [
            { label: t('book.columns.name'), width: 2.4 },
            { label: t('book.columns.function'), width: 4.6 },
            { label: t('book.columns.lastContact'), width: 1.8 },
          ],
          rows: shown.map(({ c, p, o, last }) => [displayName(c), roleAt(p.role, o), last ? date(last) : none]),
        });
      }
      const open = db.cases.filter((c) => c.countries.includes(code) && c.status !== 'closed');
      if (open.length) {
        blocks.push({ kind: 'heading', level: 3, text: t('book.country.openCases'), toc: false });
        blocks.push({
          kind: 'table',
          columns: [
            { label: t('book.columns.reference'), width: 1.6 },
            { label: t('book.columns.case'), width: 4.4 },
            { label: t('book.columns.status'), width: 1.6 },
          ],
          rows: open.map((c) => [c.reference, c.title, t(`cases.status.${c.status}`)]),
        });
      }
      const earlier = earlierTrips(db.trips, trip, code);
      if (earlier.length) {
        blocks.push({ kind: 'heading', level: 3, text: t('book.country.earlierTrips'), toc: false });
        blocks.push({ kind: 'list', items: earlier.map((x) => `${date(x.startDate)} – ${date(x.endDate)}: ${x.title}`) });
      }
    }
  });
  return chapter(t('book.sections.countryProfile'), blocks);
};

/** Trips to the country that ended before this trip starts (most recent first); never this trip or a later one. */
export function earlierTrips(trips: Rows<TripRecord>, trip: TripRecord, country: string): TripRecord[] {
  return trips
    .filter((x) => x.id !== trip.id && x.endDate < trip.startDate && x.destinations.some((d) => d.country === country))
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
}

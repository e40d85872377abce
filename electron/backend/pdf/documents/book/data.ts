// What every section of the briefing book reads, gathered once per book: the trip, the audience and
// what it may see (the agenda without internal items for partners), and the small lookups the sections share.
import { translator, type Language } from '../../../../../shared/i18n';
import { displayName, isCurrentPosition, type ContactRecord } from '../../../../../shared/features/contacts/schema';
import type { Database } from '../../../../../shared/schemas/database';
import type { AgendaItemRecord, Audience, TripRecord } from '../../../../../shared/features/trips/schema';
import { isMeetingLike, orderedAgenda } from '../../../../../shared/features/trips/rules';
import { indexes, type Indexes } from '../../../records/indexes';
import type { Block } from '../../model';
import { formatDate } from '../format';

export interface BookData {
  db: Database;
  trip: TripRecord;
  ix: Indexes;
  lang: Language;
  t: ReturnType<typeof translator>;
  /** The partners' edition: public content only. */
  external: boolean;
  /** The local date the book is made on (for current positions). */
  today: string;
  /**
   * The agenda as this audience sees it, in time order: partners never see an internal item, nor
   * anything that only it would bring in (its day, its counterparts on the contact sheet).
   */
  items: AgendaItemRecord[];
  /** The items that are meetings, site visits or receptions. */
  meetings: AgendaItemRecord[];
  /** "None" in the book's language, for an empty field. */
  none: string;
  date: (iso: string) => string;
  memberName: (m: TripRecord['members'][number]) => string;
  /** A contact's latest current role and where. */
  currentRole: (c: ContactRecord) => { role: string; organisation: string };
  /** A contact's phone numbers this audience may see (partners never get private ones). */
  phones: (c: ContactRecord) => string[];
}

export function gatherBook(db: Database, trip: TripRecord, audience: Audience, today: string): BookData {
  const lang = trip.language;
  const t = translator(lang);
  const ix = indexes(db);
  const external = audience === 'external';
  const items = orderedAgenda(
    db.agendaItems.filter((a) => a.tripId === trip.id),
    trip,
  )
    .map((x) => x.item)
    .filter((i) => !(external && i.kind === 'internal'));
  return {
    db,
    trip,
    ix,
    lang,
    t,
    external,
    today,
    items,
    meetings: items.filter(isMeetingLike),
    none: t('common.none'),
    date: (iso) => formatDate(iso, lang),
    memberName: (m) => (m.kind === 'staff' ? m.name : ix.contact(m.contactId) ? displayName(ix.contact(m.contactId)!) : ''),
    currentRole: (c) => {
      const p = ix.positionsOfContact(c.id).filter((x) => isCurrentPosition(x, today)).sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0];
      if (!p) return { role: '', organisation: '' };
      return { role: p.role, organisation: ix.organisation(p.organisationId)?.name ?? '' };
    },
    phones: (c) => c.phones.filter((p) => !(external && p.kind === 'private')).map((p) => p.number),
  };
}

/** What one section puts in the book. */
export interface SectionPart {
  /** Its line in the outline. */
  title: string;
  blocks: Block[];
  /**
   * A chapter starts a page under its level-1 heading; the outline lists its level-2 headings, and a
   * chapter that filtering leaves without content is reported as empty. The cover, the contents and
   * the notes pages are not chapters.
   */
  chapter: boolean;
}

/** Builds one section from the gathered data; null when there is nothing to print (reported as empty). */
export type SectionBuilder = (book: BookData) => SectionPart | null;

/** A chapter: a page break, its level-1 heading and its body. */
export const chapter = (title: string, body: Block[]): SectionPart => ({ title, blocks: [{ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: title }, ...body], chapter: true });

/**
 * What the palette and the search screen share about a hit: the screen it opens, its icon, and
 * its text with the matched words marked (folded as the index folds them, so "lodz" marks "Łódź").
 */
import { IconAffiliate, IconBell, IconBriefcase, IconBuilding, IconCalendarEvent, IconChecklist, IconClipboardCheck, IconCoin, IconHistory, IconId, IconNotes, IconPlane, IconUser } from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';
import { foldForSearch, type SearchKind } from '../../../../shared/features/search/documents';
import type { SearchHit, SearchMatch } from '../../../../shared/features/search/contract';

const routes: Record<SearchHit['opens']['kind'], string> = {
  case: '/cases',
  contact: '/contacts',
  organisation: '/organisations',
  trip: '/trips',
  note: '/notes',
  cooperation: '/cooperations',
  programme: '/programmes',
};

/** The path a hit opens: its record's screen, or its parent's at the item (an agenda item in its trip). */
export function hitPath(hit: Pick<SearchHit, 'opens'>): string {
  const { kind, id, item } = hit.opens;
  return `${routes[kind]}/${id}${item ? `?item=${encodeURIComponent(item)}` : ''}`;
}

export const kindIcons: Record<SearchKind, ReactNode> = {
  case: <IconBriefcase size={18} aria-hidden />,
  contact: <IconUser size={18} aria-hidden />,
  organisation: <IconBuilding size={18} aria-hidden />,
  trip: <IconPlane size={18} aria-hidden />,
  agendaItem: <IconCalendarEvent size={18} aria-hidden />,
  debrief: <IconClipboardCheck size={18} aria-hidden />,
  note: <IconNotes size={18} aria-hidden />,
  cooperation: <IconAffiliate size={18} aria-hidden />,
  programme: <IconCoin size={18} aria-hidden />,
  task: <IconChecklist size={18} aria-hidden />,
  reminder: <IconBell size={18} aria-hidden />,
  activity: <IconHistory size={18} aria-hidden />,
  position: <IconId size={18} aria-hidden />,
};

const WORD = /[\p{L}\p{N}]+/gu;

/** `text` with each word the query matched in a <mark>. */
export function Highlighted({ text, match }: { text: string; match: SearchMatch | undefined }) {
  if (!match || (!match.prefixes.length && !match.words.length)) return <>{text}</>;
  const words = new Set(match.words);
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const f = foldForSearch(m[0]);
    if (!words.has(f) && !match.prefixes.some((p) => f.startsWith(p))) continue;
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(<mark key={m.index}>{m[0]}</mark>);
    last = m.index + m[0].length;
  }
  if (!parts.length) return <>{text}</>;
  parts.push(text.slice(last));
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </>
  );
}

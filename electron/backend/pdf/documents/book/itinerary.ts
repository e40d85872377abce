// The itinerary chapter: the agenda this audience sees, one table per day, in the trip's time zones.
import { zoneLabel } from '../../../../../shared/features/trips/zones';
import type { Block } from '../../model';
import { chapter, type SectionBuilder } from './data';

export const itinerary: SectionBuilder = ({ trip, t, lang, items, none }) => {
  if (!items.length) return null;
  const days = [...new Set(items.map((i) => i.date))];
  // A trip across time zones names each row's zone, as people name it ("Nairobi" over "(East Africa Time)").
  const zoned = new Set(items.map((i) => i.timeZone)).size > 1;
  const blocks: Block[] = [
    { kind: 'paragraph', text: t('book.timeZoneNote', { zones: trip.timeZones.map((z) => zoneLabel(z, lang)).join('; ') }), tone: 'muted', keepWithNext: true },
  ];
  for (const day of days) {
    const weekday = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${day}T12:00:00Z`),
    );
    blocks.push({ kind: 'heading', level: 2, text: weekday });
    blocks.push({
      kind: 'table',
      columns: [
        { label: t('book.columns.time'), width: 1.3 },
        ...(zoned ? [{ label: t('book.columns.timeZone'), width: 2.5 }] : []),
        { label: t('book.columns.item'), width: zoned ? 3.3 : 4 },
        { label: t('book.columns.place'), width: zoned ? 2.2 : 2.6 },
      ],
      rows: items
        .filter((i) => i.date === day)
        .map((i) => [
          `${i.start}–${i.end}`,
          ...(zoned ? [zoneLabel(i.timeZone, lang).replace(' (', '\n(')] : []),
          [{ text: i.title, bold: true }, { text: `\n${t(`book.kinds.${i.kind}`)}` }],
          i.place || none,
        ]),
    });
  }
  return chapter(t('book.sections.itinerary'), blocks);
};

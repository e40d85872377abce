/** Agenda checks that need no database: overlaps and items outside the trip's dates. */
export interface AgendaSlot {
  id: string;
  date: string;
  start: string;
  end: string;
  timeZone: string;
}

export type AgendaWarning = { itemId: string; kind: 'overlap'; withId: string } | { itemId: string; kind: 'outsideTrip' };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes since the epoch (UTC) of a local date and time in a time zone. */
export function instantOf(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const asUtc = Date.UTC(y!, m! - 1, d!, hh!, mm!);
  // The zone's offset at (about) that moment, from the runtime's time-zone database.
  const offsetAt = (utc: number) => {
    const parts: Record<string, number> = {};
    for (const p of formatterFor(timeZone).formatToParts(new Date(utc))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
    return local - utc;
  };
  let utc = asUtc - offsetAt(asUtc);
  utc = asUtc - offsetAt(utc); // second pass settles DST boundaries
  return utc / 60_000;
}

/** Warnings for the whole agenda: any two items that overlap in time, and items outside the trip. */
export function agendaWarnings(items: readonly AgendaSlot[], trip: { startDate: string; endDate: string }): AgendaWarning[] {
  const out: AgendaWarning[] = [];
  const spans = items.map((i) => ({ id: i.id, from: instantOf(i.date, i.start, i.timeZone), to: instantOf(i.date, i.end, i.timeZone) })).sort((a, b) => a.from - b.from);
  for (let a = 0; a < spans.length; a++) {
    for (let b = a + 1; b < spans.length && spans[b]!.from < spans[a]!.to; b++) {
      out.push({ itemId: spans[a]!.id, kind: 'overlap', withId: spans[b]!.id });
      out.push({ itemId: spans[b]!.id, kind: 'overlap', withId: spans[a]!.id });
    }
  }
  for (const i of items) if (i.date < trip.startDate || i.date > trip.endDate) out.push({ itemId: i.id, kind: 'outsideTrip' });
  return out;
}

/**
 * The search bench's workspace: the dashboard bench's (people, organisations, cases, notes, tasks,
 * timeline entries, cooperations, programmes) plus complete trips with agenda items, talking points
 * and debriefs, so every kind search finds is there at its realistic share.
 */
import { TripRecord, type AgendaItemRecord } from '../../shared/features/trips/schema';
import { CooperationRecord } from '../../shared/features/cooperations/schema';
import { ProgrammeRecord } from '../../shared/features/programmes/schema';
import { Collection } from '../../shared/schemas/collection';
import type { Database } from '../../shared/schemas/database';
import type { DomainSize } from './generate-domain';
import { dashboardDatabase } from './dashboard-bench';
import { paragraph, rng, sentence } from './generate';

const cities = ['Accra', 'Nairobi', 'Lagos', 'Hanoi', 'Łódź', 'São Paulo', 'Thessaloníki', 'Almaty', 'Kyiv', 'Dakar', 'Bangkok', 'Jakarta'];
const kinds = ['meeting', 'siteVisit', 'reception', 'travel', 'internal'] as const;
const agendaTitles = ['Kick-off meeting', 'Workshop on', 'Site visit', 'Reception at the embassy', 'Round table', 'Lab tour', 'Dinner with'];

export function searchDatabase(size: DomainSize, seed = 21): Database {
  const db = dashboardDatabase(size);
  const r = rng(seed);
  const stamp = '2026-06-01T09:00:00.000Z';
  const meta = (id: string) => ({ id, createdAt: stamp, updatedAt: stamp, revision: 1 });
  const trips: TripRecord[] = db.trips.map((t) => TripRecord.parse({
    ...t,
    purpose: sentence(r),
    destinations: t.destinations.map((d) => ({ ...d, city: r.pick(cities) })),
    timeZones: ['Africa/Accra'],
    classification: 'internal',
    language: 'en',
    members: [{ kind: 'staff', name: 'A. Berger', function: 'Head of delegation', role: 'head' }],
    caseIds: [],
    noteIds: [],
    topics: [],
  }));
  const doc = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });
  const agendaItems: AgendaItemRecord[] = [];
  for (const t of trips) {
    for (let i = 0; i < 8; i++) {
      const past = t.endDate < '2026-06-01';
      agendaItems.push({
        ...meta(`${t.id}-a${i}`),
        tripId: t.id,
        title: `${r.pick(agendaTitles)} ${r.pick(cities)}`,
        kind: r.pick(kinds),
        date: t.startDate,
        start: '09:00',
        end: '10:00',
        timeZone: 'Africa/Accra',
        place: r.pick(cities),
        organisationId: null,
        counterpartIds: [],
        objectives: sentence(r),
        talkingPoints: doc(paragraph(r, 3)),
        preparation: '',
        caseIds: [],
        debrief: past && i % 2 === 0 ? { agreed: paragraph(r, 2), followUps: [{ title: sentence(r, 3, 6), dueOn: null, assignee: 'L. Hoffmann', caseId: null }], recordedOn: t.endDate } : null,
      } as AgendaItemRecord);
    }
  }
  // The dashboard bench leaves out fields it does not read; the schemas fill them in.
  const cooperations = db.cooperations.map((c) => CooperationRecord.parse({ ...c, notes: paragraph(r, 2) }));
  const programmes = db.programmes.map((p) => ProgrammeRecord.parse(p));
  return { ...db, cooperations: Collection.from(cooperations), programmes: Collection.from(programmes), trips: Collection.from(trips), agendaItems: Collection.from(agendaItems) };
}

import type { ActivityRecord } from '../../shared/features/cases/activities';
import type { CaseRecord, TaskRecord } from '../../shared/features/cases/schema';
import type { ContactRecord, PositionRecord } from '../../shared/features/contacts/schema';
import { emptyDatabaseFile, toDatabase, type Database } from '../../shared/schemas/database';
import type { NoteRecord, NoteRevisionRecord } from '../../shared/features/notes/schema';
import type { OrganisationRecord } from '../../shared/features/organisations/schema';
import { organisationKinds } from '../../shared/features/organisations/schema';
import { noteKinds } from '../../shared/features/notes/schema';
import { generateCases, isoDay, paragraph, rng, sentence } from './generate';

const countries = ['GH', 'KE', 'NG', 'ZA', 'SN', 'VN', 'TH', 'ID', 'IN', 'CN', 'BR', 'MX', 'CL', 'CA', 'PL', 'GR', 'TR', 'JO', 'EG', 'MA', 'UA', 'KZ', 'JP', 'KR', 'AU', 'US', 'FR', 'IT', 'ES', 'SE', 'DE', 'SG', 'MY', 'PH', 'ET', 'TZ', 'RW', 'UG', 'PE', 'CO'];
const topics = ['climate adaptation', 'artificial intelligence', 'vocational training', 'green hydrogen', 'water', 'health', 'quantum technologies', 'mobility', 'foresight', 'bioeconomy', 'energy', 'young scientists', 'innovation'];
const given = ['Amina', 'Kwame', 'Linh', 'Ivan', 'Maria', 'Jonas', 'Priya', 'Carlos', 'Elif', 'Sofia', 'Tomasz', 'Nadia', 'Chen', 'Ana', 'Oluwaseun', 'Hanna', 'Rafael', 'Yara', 'Mehmet', 'Zanele'];
const family = ['Mensah', 'Otieno', 'Nguyen', 'Petrov', 'Silva', 'Weber', 'Sharma', 'Rojas', 'Yılmaz', 'Papadopoulou', 'Kowalski', 'Haddad', 'Wang', 'Costa', 'Adeyemi', 'Lindqvist', 'Moreno', 'Saleh', 'Demir', 'Dlamini'];
const roles = ['Director', 'Head of International Office', 'Senior Researcher', 'Science Counsellor', 'Desk Officer', 'Programme Manager', 'Professor', 'Head of Science Section', 'Policy Advisor', 'Vice-Rector for Research'];
const words = ['Institute', 'University', 'Centre', 'Agency', 'Ministry', 'Foundation', 'Laboratory', 'Council'];
/** Owners by index, not drawn from the generator, so the rest of the workspace stays as it was. */
const OWNERS = ['A. Berger', 'L. Hoffmann', 'M. Keller', 'S. Wagner', 'D. Nowak', ''];
const fields = ['Climate', 'Water', 'Energy', 'Health', 'Digital', 'Marine', 'Agricultural', 'Applied', 'Social', 'Quantum'];

export interface DomainSize {
  organisations: number;
  contacts: number;
  cases: number;
  notes: number;
  activities: number;
  tasks: number;
}

/** A large, realistic-looking workspace for benchmarks; deterministic for a seed. */
export function generateDomainDatabase(size: DomainSize, seed = 7): Database {
  const r = rng(seed);
  const stamp = '2026-06-01T09:00:00.000Z';
  const meta = (id: string) => ({ id, createdAt: stamp, updatedAt: stamp, revision: 1 });

  const organisations: OrganisationRecord[] = Array.from({ length: size.organisations }, (_, i) => ({
    ...meta(`org-${i}`),
    name: `${r.pick(fields)} ${r.pick(words)} ${i}`,
    shortName: `O${i}`,
    kind: r.pick(organisationKinds),
    country: r.pick(countries),
    city: `City ${i % 300}`,
    website: '',
    topics: r.some(topics, r.int(1, 3)),
    parentId: i > 50 && r.next() < 0.15 ? `org-${r.int(0, 50)}` : null,
    owner: OWNERS[i % OWNERS.length]!,
    groupIds: [],
    notes: r.next() < 0.3 ? sentence(r) : '',
  }));

  const contacts: ContactRecord[] = [];
  const positions: PositionRecord[] = [];
  for (let i = 0; i < size.contacts; i++) {
    const g = r.pick(given);
    const f = r.pick(family);
    contacts.push({
      ...meta(`person-${i}`),
      honorific: '',
      academicTitle: r.next() < 0.4 ? 'Dr.' : '',
      givenName: g,
      familyName: `${f}${i % 97 === 0 ? '-Haas' : ''}`,
      nativeName: r.next() < 0.05 ? 'Иван Петров' : '',
      transliteration: '',
      country: null,
      emails: [{ address: `${g}.${f}.${i}@example.org`.toLowerCase().replace(/[^a-z0-9.@]/g, ''), kind: 'work' }],
      phones: [{ number: `+49 30 ${100000 + i}`, kind: 'work' }],
      languages: r.some(['en', 'de', 'fr', 'es', 'sw', 'vi'], r.int(1, 3)),
      expertise: r.some(topics, r.int(0, 3)),
      owner: OWNERS[i % OWNERS.length]!,
      notes: r.next() < 0.2 ? sentence(r) : '',
      gdpr: { lawfulBasis: 'legitimateInterests', source: 'Conference', consentOn: null, reviewOn: null },
    });
    const n = r.next() < 0.3 ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const from = r.int(2015, 2025);
      positions.push({
        ...meta(`pos-${i}-${k}`),
        contactId: `person-${i}`,
        organisationId: `org-${r.int(0, size.organisations - 1)}`,
        role: r.pick(roles),
        from: `${from}-01-01`,
        to: k === 1 ? `${from + 1}-12-31` : null,
      });
    }
  }

  const cases: CaseRecord[] = generateCases(size.cases, seed).map((c) => ({
    ...c,
    clientId: `org-${r.int(0, size.organisations - 1)}`,
    clientContactIds: [`person-${r.int(0, size.contacts - 1)}`],
    partnerOrganisationIds: [`org-${r.int(0, size.organisations - 1)}`],
  }));

  const tasks: TaskRecord[] = Array.from({ length: size.tasks }, (_, i) => ({
    ...meta(`task-${i}`),
    caseId: cases[r.int(0, cases.length - 1)]!.id,
    title: sentence(r, 3, 8),
    dueOn: isoDay(2026, r.int(0, 360)),
    assignee: 'A. Berger',
    done: r.next() < 0.5,
    doneOn: null,
    source: null,
  }));

  const activities: ActivityRecord[] = Array.from({ length: size.activities }, (_, i) => ({
    ...meta(`act-${i}`),
    kind: r.pick(['meeting', 'call', 'email', 'note', 'visit'] as const),
    date: isoDay(r.int(2024, 2026), r.int(0, 300)),
    title: sentence(r, 3, 7),
    text: paragraph(r, r.int(1, 3)),
    caseId: r.next() < 0.7 ? cases[r.int(0, cases.length - 1)]!.id : null,
    participantIds: [`person-${r.int(0, size.contacts - 1)}`, `person-${r.int(0, size.contacts - 1)}`],
    source: null,
  }));

  const notes: NoteRecord[] = [];
  const noteRevisions: NoteRevisionRecord[] = [];
  for (let i = 0; i < size.notes; i++) {
    const body = {
      type: 'doc' as const,
      content: [
        { type: 'heading' as const, attrs: { level: 2 as const }, content: [{ type: 'text' as const, text: sentence(r, 3, 6) }] },
        ...Array.from({ length: r.int(2, 5) }, () => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: paragraph(r, r.int(2, 5)) }] })),
        { type: 'bulletList' as const, content: Array.from({ length: 3 }, () => ({ type: 'listItem' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: sentence(r) }] }] })) },
      ],
    };
    const note: NoteRecord = {
      ...meta(`note-${i}`),
      title: `${r.pick(['Country strategy', 'Regional outlook', 'Thematic analysis', 'Foresight', 'Minutes'])} ${i}`,
      kind: r.pick(noteKinds),
      countries: r.some(countries, r.int(0, 2)),
      regions: r.next() < 0.2 ? ['202'] : [],
      topics: r.some(topics, r.int(1, 3)),
      status: r.next() < 0.5 ? 'draft' : 'final',
      owner: OWNERS[i % OWNERS.length]!,
      body,
      caseIds: r.next() < 0.3 ? [cases[r.int(0, cases.length - 1)]!.id] : [],
      contactIds: [],
      // Every eighth note is confidential; taken from the index, not the rng, so the rest stays as it was.
      classification: i % 8 === 0 ? 'confidential' : 'internal',
    };
    notes.push(note);
    noteRevisions.push({ id: `rev-${i}`, noteId: note.id, savedAt: stamp, noteRevision: 1, title: note.title, status: note.status, body });
  }

  return toDatabase({ ...emptyDatabaseFile(), organisations, contacts, positions, cases, tasks, activities, notes, noteRevisions });
}

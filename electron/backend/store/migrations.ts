import { countReferences } from '../../../shared/features/cases/rules';
import { SCHEMA_VERSION } from '../../../shared/schemas/database';

/** A step from version `from` to `from + 1`, on raw JSON (it runs before validation). */
export interface Migration {
  from: number;
  describe: string;
  up(db: Record<string, unknown>): Record<string, unknown>;
}

export const migrations: Migration[] = [
  {
    from: 0,
    describe: 'Pre-release files had no version, settings or trash.',
    up: (db) => ({
      ...db,
      schemaVersion: 1,
      settings: db.settings ?? { language: 'system', theme: 'system' },
      cases: db.cases ?? [],
      trash: db.trash ?? [],
    }),
  },
  {
    from: 1,
    describe:
      'Organisations, contacts with positions, tasks, activities, strategy notes and saved views; cases link to organisations and keep their status history.',
    up: (db) => {
      type Raw = Record<string, unknown>;
      const upgradeCase = (c: Raw): Raw => ({
        ...c,
        clientId: null,
        clientContactIds: [],
        partnerOrganisationIds: [],
        fundingInstruments: [],
        statusHistory: [{ status: c.status, on: c.openedOn }],
      });
      const trash = (db.trash as Raw[] | undefined) ?? [];
      return {
        ...db,
        organisations: [],
        contacts: [],
        positions: [],
        cases: ((db.cases as Raw[] | undefined) ?? []).map(upgradeCase),
        tasks: [],
        activities: [],
        notes: [],
        noteRevisions: [],
        views: [],
        trash: trash.map((t) => ({
          ...t,
          removed: { cases: (((t.removed as Raw | undefined)?.cases as Raw[] | undefined) ?? []).map(upgradeCase) },
          relinks: [],
        })),
      };
    },
  },
  {
    from: 2,
    describe: 'Delegation trips with their agenda.',
    up: (db) => ({ ...db, trips: [], agendaItems: [] }),
  },
  {
    from: 3,
    describe: 'Organisations, contacts and strategy notes have an owner on our team (empty until someone is named).',
    up: (db) => {
      type Raw = Record<string, unknown>;
      const owned = ['organisations', 'contacts', 'notes'] as const;
      // A value already there (a file edited by hand) is kept; everything else starts unowned.
      const withOwner = (records: unknown) => ((records as Raw[] | undefined) ?? []).map((r) => ({ owner: '', ...r }));
      const upgrade = (collections: Raw): Raw => {
        const out = { ...collections };
        for (const name of owned) if (collections[name] !== undefined) out[name] = withOwner(collections[name]);
        return out;
      };
      const trash = (db.trash as Raw[] | undefined) ?? [];
      return {
        ...upgrade(db),
        // Deleted records come back with Undo: they get the field too.
        trash: trash.map((t) => ({ ...t, removed: upgrade((t.removed as Raw | undefined) ?? {}) })),
      };
    },
  },
  {
    from: 4,
    describe: 'The workspace remembers which case references it has issued, so a deleted case\'s number is never handed out again.',
    up: (db) => {
      type Raw = Record<string, unknown>;
      const refs = (cases: unknown) => ((cases as Raw[] | undefined) ?? []).map((c) => c.reference).filter((r): r is string => typeof r === 'string');
      const trashed = ((db.trash as Raw[] | undefined) ?? []).flatMap((t) => refs((t.removed as Raw | undefined)?.cases));
      return { ...db, counters: { caseReferences: countReferences({}, [...refs(db.cases), ...trashed]) } };
    },
  },
  {
    from: 5,
    describe: 'The workspace keeps a register of erased people (record id and date only), re-applied to restored backups.',
    up: (db) => ({ ...db, erasures: [] }),
  },
  {
    from: 6,
    describe: 'Cooperations, funding programmes and groups of organisations (alliances, campuses, sections); organisations name their groups.',
    up: (db) => {
      type Raw = Record<string, unknown>;
      // A value already there (a file edited by hand) is kept; everything else belongs to no group.
      const withGroups = (records: unknown) => ((records as Raw[] | undefined) ?? []).map((r) => ({ groupIds: [], ...r }));
      const trash = (db.trash as Raw[] | undefined) ?? [];
      return {
        ...db,
        organisations: withGroups(db.organisations),
        cooperations: [],
        programmes: [],
        groups: [],
        // A deleted organisation comes back with Undo: it gets the field too.
        trash: trash.map((t) => {
          const removed = (t.removed as Raw | undefined) ?? {};
          return removed.organisations === undefined ? t : { ...t, removed: { ...removed, organisations: withGroups(removed.organisations) } };
        }),
      };
    },
  },
  {
    from: 7,
    describe: 'Strategy priorities per country or region; a case keeps a shortlist of partners saved from matchmaking.',
    up: (db) => {
      type Raw = Record<string, unknown>;
      // A value already there (a file edited by hand) is kept; every other case starts with an empty shortlist.
      const withShortlist = (records: unknown) => ((records as Raw[] | undefined) ?? []).map((r) => ({ shortlist: [], ...r }));
      const trash = (db.trash as Raw[] | undefined) ?? [];
      return {
        ...db,
        cases: withShortlist(db.cases),
        priorities: [],
        // A deleted case comes back with Undo: it gets the field too, and so does a case a merge kept as it was.
        trash: trash.map((t) => {
          const removed = (t.removed as Raw | undefined) ?? {};
          const replaced = t.replaced as Raw[] | undefined;
          return {
            ...t,
            ...(removed.cases === undefined ? {} : { removed: { ...removed, cases: withShortlist(removed.cases) } }),
            ...(replaced === undefined ? {} : { replaced: replaced.map((r) => (r.collection === 'cases' ? { ...r, before: { shortlist: [], ...(r.before as Raw) } } : r)) }),
          };
        }),
      };
    },
  },
  {
    from: 8,
    describe: 'A case names its funding programme (none yet); the settings carry the advisor\'s name (empty until set), whose tasks My work lists.',
    up: (db) => {
      type Raw = Record<string, unknown>;
      // A value already there (a file edited by hand) is kept; every other case names no programme.
      const withProgramme = (records: unknown) => ((records as Raw[] | undefined) ?? []).map((r) => ({ programmeId: null, ...r }));
      const trash = (db.trash as Raw[] | undefined) ?? [];
      return {
        ...db,
        settings: { advisorName: '', ...((db.settings as Raw | undefined) ?? {}) },
        cases: withProgramme(db.cases),
        // A deleted case comes back with Undo: it gets the field too, and so does a case kept as it was by a shortlist save.
        trash: trash.map((t) => {
          const removed = (t.removed as Raw | undefined) ?? {};
          const replaced = t.replaced as Raw[] | undefined;
          return {
            ...t,
            ...(removed.cases === undefined ? {} : { removed: { ...removed, cases: withProgramme(removed.cases) } }),
            ...(replaced === undefined ? {} : { replaced: replaced.map((r) => (r.collection === 'cases' ? { ...r, before: { programmeId: null, ...(r.before as Raw) } } : r)) }),
          };
        }),
      };
    },
  },
  {
    from: 9,
    describe: 'Follow-up reminders on people (none yet); the settings say whether Electron shows a system notification on the day work falls due (off).',
    up: (db) => ({
      ...db,
      // A value already there (a file edited by hand) is kept.
      settings: { notifyDue: false, ...((db.settings as Record<string, unknown> | undefined) ?? {}) },
      reminders: (db.reminders as unknown[] | undefined) ?? [],
    }),
  },
  {
    from: 10,
    describe: 'Cases and strategy notes carry a classification (public, internal, confidential), as trips do; every existing one is internal.',
    up: (db) => {
      type Raw = Record<string, unknown>;
      const classified = ['cases', 'notes'] as const;
      // A value already there (a file edited by hand) is kept; every other case and note is internal.
      const withClassification = (records: unknown) => ((records as Raw[] | undefined) ?? []).map((r) => ({ classification: 'internal', ...r }));
      const upgrade = (collections: Raw): Raw => {
        const out = { ...collections };
        for (const name of classified) if (collections[name] !== undefined) out[name] = withClassification(collections[name]);
        return out;
      };
      const trash = (db.trash as Raw[] | undefined) ?? [];
      return {
        ...upgrade(db),
        // Deleted cases and notes come back with Undo, and so do the ones a merge (a note naming the
        // merged person) or a shortlist save kept as they were: each copy gets the field too.
        trash: trash.map((t) => {
          const replaced = t.replaced as Raw[] | undefined;
          return {
            ...t,
            ...(t.removed === undefined ? {} : { removed: upgrade(t.removed as Raw) }),
            ...(replaced === undefined
              ? {}
              : { replaced: replaced.map((r) => ((classified as readonly unknown[]).includes(r.collection) ? { ...r, before: { classification: 'internal', ...(r.before as Raw) } } : r)) }),
          };
        }),
      };
    },
  },
];

export function versionOf(db: Record<string, unknown>): number {
  return typeof db.schemaVersion === 'number' ? db.schemaVersion : 0;
}

/** Applies every step from the file's version up to the current one. */
export function migrate(db: Record<string, unknown>, steps: Migration[] = migrations, target = SCHEMA_VERSION) {
  let current = db;
  for (let v = versionOf(db); v < target; v++) {
    const step = steps.find((m) => m.from === v);
    if (!step) throw new Error(`No migration from schema version ${v}`);
    current = step.up(current);
    current.schemaVersion = v + 1;
  }
  return current;
}

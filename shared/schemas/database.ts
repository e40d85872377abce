import { z } from 'zod';
import { CaseRecord } from './case';
import { Id, Timestamp } from './common';
import { Settings } from './workspace';

/** Bump with a migration in electron/backend/store/migrations.ts. */
export const SCHEMA_VERSION = 1;

/**
 * What a delete took away and what it changed, so one undo puts every record back exactly.
 * Records are stored as they were; they are validated again when restored.
 */
export const TrashEntry = z.object({
  id: Id,
  deletedAt: Timestamp,
  label: z.string(),
  removed: z.object({ cases: z.array(CaseRecord).default([]) }),
});
export type TrashEntry = z.infer<typeof TrashEntry>;

export const Database = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  settings: Settings,
  cases: z.array(CaseRecord),
  trash: z.array(TrashEntry),
});
export type Database = z.infer<typeof Database>;

export const emptyDatabase = (): Database => ({
  schemaVersion: SCHEMA_VERSION,
  settings: { language: 'system', theme: 'system' },
  cases: [],
  trash: [],
});

export type CollectionName = 'cases';

/**
 * Why this exists: some journeys need a workspace far larger than the sample (a report that takes
 * seconds to lay out, so it can be cancelled). Playwright's loader cannot import the shared modules
 * (JSON imports), so the spec runs this with tsx: `tsx tests/e2e/seed-workspace.ts <dataDir> <people>`
 * writes the bench's generated workspace of that many people as the database file.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from '../../electron/backend/store/durable-write';
import { serializeChunks } from '../../electron/backend/store/json-adapter';
import { DATABASE_FILE } from '../../electron/backend/store/store';
import { generateDomainDatabase } from '../bench/generate-domain';

const [dataDir, people] = process.argv.slice(2);
if (!dataDir || !people) throw new Error('usage: seed-workspace.ts <dataDir> <people>');
const contacts = Number(people);
await mkdir(dataDir, { recursive: true });
const db = generateDomainDatabase({ cases: 20, contacts, organisations: Math.max(1, Math.round(contacts / 20)), notes: 10, activities: 20, tasks: 10 });
await writeFileDurably(join(dataDir, DATABASE_FILE), serializeChunks(db));

/**
 * A record as a document of the team database, and back. One record is one CouchDB document
 * (`<collection>:<id>`, the record under `record`, who wrote it under `by`); what the team must not
 * see is cut here on the way out (records classified Confidential, private phone numbers and
 * e-mail addresses, the kinds not shared) and put back on the way in. Documents coming in are
 * untrusted: each is parsed with the collection's zod schema, and one that cannot be applied whole
 * is held aside with its reason, never applied in part.
 */
import { collectionSchemas, type CollectionName } from '../../../../shared/schemas/database';
import { ErasureEntry } from '../../../../shared/schemas/database';
import { type ShareKind } from '../../../../shared/features/team/link';
import { docIdOf, erasureDocId, MAX_DOC_BYTES, parseDocId, shareCollections, TEAM_DOC_VERSION, TeamDocumentHead } from '../../../../shared/features/team/schema';

export type AnyRecord = { id: string; revision: number; updatedAt: string; createdAt: string } & Record<string, unknown>;

export type Stamp = {
  user: string;
  at: string;
  device: string;
};

export type RecordDoc = {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  type: CollectionName;
  v: number;
  by: Stamp;
  record: Record<string, unknown>;
};

export type ErasureDoc = {
  _id: string;
  _rev?: string;
  type: 'erasure';
  v: number;
  by: Stamp;
  erasure: ErasureEntry;
};

/** The collections a share list carries. */
export function sharedCollections(share: readonly ShareKind[]): Set<CollectionName> {
  return new Set(share.flatMap((kind) => shareCollections[kind]));
}

/** Records that stay on this machine whatever is shared: classified Confidential. */
export function isConfidential(record: Record<string, unknown>): boolean {
  return record.classification === 'confidential';
}

const isPrivate = (entry: unknown) => typeof entry === 'object' && entry !== null && (entry as { kind?: unknown }).kind === 'private';

/**
 * The record as the team sees it: without its local revision counter (each copy counts its own
 * edits), without private phone numbers and e-mail addresses.
 */
export function outgoing(collection: CollectionName, record: AnyRecord): Record<string, unknown> {
  const { revision: _revision, ...rest } = record;
  if (collection === 'contacts') {
    if (Array.isArray(rest.phones) && rest.phones.some(isPrivate)) rest.phones = (rest.phones as unknown[]).filter((p) => !isPrivate(p));
    if (Array.isArray(rest.emails) && rest.emails.some(isPrivate)) rest.emails = (rest.emails as unknown[]).filter((p) => !isPrivate(p));
  }
  return rest;
}

/** The team's version of a record with what this machine kept to itself put back, and the next local revision. */
export function incoming(collection: CollectionName, remote: Record<string, unknown>, local: AnyRecord | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...remote, revision: (local?.revision ?? 0) + 1 };
  if (collection === 'contacts' && local) {
    for (const field of ['phones', 'emails'] as const) {
      const kept = Array.isArray(local[field]) ? (local[field] as unknown[]).filter(isPrivate) : [];
      if (kept.length) out[field] = [...(Array.isArray(out[field]) ? (out[field] as unknown[]) : []), ...kept].slice(0, 10);
    }
  }
  return out;
}

/** JSON with keys sorted: two versions of a record compare equal whatever order their fields were written in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export const recordDoc = (collection: CollectionName, record: Record<string, unknown>, by: Stamp): RecordDoc => ({
  _id: docIdOf(collection, record.id as string),
  type: collection,
  v: TEAM_DOC_VERSION,
  by,
  record,
});

export const erasureDoc = (entry: ErasureEntry, by: Stamp): ErasureDoc => ({
  _id: erasureDocId(entry.collection, entry.id),
  type: 'erasure',
  v: TEAM_DOC_VERSION,
  by,
  erasure: entry,
});

export type Parsed =
  | { kind: 'record'; collection: CollectionName; id: string; record: AnyRecord; by: Stamp | null; deleted: false }
  | { kind: 'deleted'; collection: CollectionName; id: string; deleted: true }
  | { kind: 'erasure'; entry: ErasureEntry; by: Stamp | null }
  | { kind: 'design' }
  | { kind: 'held'; reason: 'unknownType' | 'newerSchema' | 'invalid' | 'tooLarge'; detail: string };

const held = (reason: 'unknownType' | 'newerSchema' | 'invalid' | 'tooLarge', detail: string): Parsed => ({ kind: 'held', reason, detail: detail.slice(0, 500) });

/** A document from the server, parsed: a record (validated by its collection's schema), a deletion, an erasure, or held aside with why. */
export function parseDocument(doc: unknown): Parsed {
  // The server's own documents (the validation IT installs, deploy/couchdb/design.json) are not records.
  if (typeof (doc as { _id?: unknown } | null)?._id === 'string' && (doc as { _id: string })._id.startsWith('_design/')) return { kind: 'design' };
  let size: number;
  try {
    size = JSON.stringify(doc).length;
  } catch {
    return held('invalid', 'not JSON');
  }
  if (size > MAX_DOC_BYTES) return held('tooLarge', `${size} bytes`);
  const head = TeamDocumentHead.safeParse(doc);
  if (!head.success) return held('invalid', head.error.issues[0]?.message ?? 'bad document');
  const d = head.data;
  if (d.v > TEAM_DOC_VERSION) return held('newerSchema', `version ${d.v}`);
  if (d.type === 'erasure') {
    const entry = ErasureEntry.safeParse((doc as { erasure?: unknown }).erasure);
    if (!entry.success || d._id !== erasureDocId(entry.data.collection, entry.data.id)) return held('invalid', 'bad erasure');
    return { kind: 'erasure', entry: entry.data, by: d.by ?? null };
  }
  const ref = parseDocId(d._id);
  if (!ref || ref.collection !== d.type) return held(ref ? 'invalid' : 'unknownType', d.type);
  if (d._deleted) return { kind: 'deleted', collection: ref.collection, id: ref.id, deleted: true };
  const body = (doc as { record?: unknown }).record;
  if (typeof body !== 'object' || body === null) return held('invalid', 'no record');
  // The local revision is not the team's: a placeholder passes the schema and is replaced on apply.
  const parsed = collectionSchemas[ref.collection].safeParse({ ...(body as Record<string, unknown>), revision: 1 });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return held('invalid', issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid record');
  }
  const record = parsed.data as unknown as AnyRecord;
  if (record.id !== ref.id) return held('invalid', 'id does not match the document');
  return { kind: 'record', collection: ref.collection, id: ref.id, record, by: d.by ?? null, deleted: false };
}

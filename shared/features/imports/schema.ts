/**
 * Importing people, organisations and cooperations from CSV, Excel and vCard files: the shapes that cross the
 * boundary (upload slices, the parsed table's summary, the column mapping, the preview with its
 * row errors and duplicates, the outcome) and the limits that keep a hostile file in bounds.
 */
import { z } from 'zod';
import { ErrorCode, Message } from '../../errors';
import { Id } from '../../schemas/common';

/** Larger files are refused before a byte is read. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/**
 * One upload slice of 768 KiB goes as up to 16 base64 pieces of 48 KiB (64 Ki characters each): no
 * string of the contract is long, and a call stays far below the web host's body limit.
 */
export const IMPORT_PIECE_BYTES = 48 * 1024;
export const IMPORT_PIECES = 16;
export const IMPORT_CHUNK_BYTES = IMPORT_PIECE_BYTES * IMPORT_PIECES;
/** Columns a table may have; more is not a contact list. */
export const MAX_IMPORT_COLUMNS = 300;
/** Rows of the preview sent to the window (the first rows, then rows with errors or duplicates). */
export const PREVIEW_ROWS = 50;
export const PREVIEW_MAX_FLAGGED = 500;
/** One cell's text is cut here (a note is at most 20,000 characters; the row then reports the error). */
export const MAX_CELL_CHARS = 32_000;

export const importTargets = ['people', 'organisations', 'cooperations'] as const;
export const ImportTarget = z.enum(importTargets);
export type ImportTarget = z.infer<typeof ImportTarget>;

/** What a column of a people file can become. Several columns may feed the list fields (e-mails, phones, topics). */
export const personFields = [
  'fullName',
  'givenName',
  'familyName',
  'honorific',
  'academicTitle',
  'nativeName',
  'organisation',
  'department',
  'position',
  'email',
  'emailPrivate',
  'phone',
  'phoneMobile',
  'phonePrivate',
  'country',
  'topics',
  'languages',
  'owner',
  'notes',
  'gdprBasis',
  'gdprSource',
] as const;
/** What a column of an organisations file can become. */
export const organisationFields = ['name', 'shortName', 'kind', 'country', 'city', 'website', 'topics', 'owner', 'notes'] as const;

/**
 * What a column of a cooperations file can become. Institutes and partners are organisation names
 * (several in a cell, separated by semicolons or lines), matched by name or created; the programme
 * is matched by name, otherwise kept as the instrument in words.
 */
export const cooperationFields = ['title', 'status', 'institutes', 'partners', 'topics', 'programme', 'instrument', 'funder', 'volume', 'start', 'end', 'notes'] as const;

/** Every field of every target, once. */
export const importFields = [...personFields, 'name', 'shortName', 'kind', 'city', 'website', 'title', 'status', 'institutes', 'partners', 'programme', 'instrument', 'funder', 'volume', 'start', 'end'] as const;
export const ImportField = z.enum(importFields);
export type PersonField = (typeof personFields)[number];
export type OrganisationField = (typeof organisationFields)[number];
export type CooperationField = (typeof cooperationFields)[number];
export type ImportField = z.infer<typeof ImportField>;

export const fieldsOf = (target: ImportTarget): readonly ImportField[] => (target === 'people' ? personFields : target === 'organisations' ? organisationFields : cooperationFields);

/** Column i of the file goes to mapping[i] (null: ignored). */
export const Mapping = z.array(ImportField.nullable()).max(MAX_IMPORT_COLUMNS);
export type Mapping = Array<ImportField | null>;

/** The last mapping per target, by folded header name, kept in the settings. */
export const RememberedMapping = z.record(z.string().max(200), ImportField);
export const ImportMappings = z.object({ people: RememberedMapping.optional(), organisations: RememberedMapping.optional(), cooperations: RememberedMapping.optional() });
export type ImportMappings = z.infer<typeof ImportMappings>;

export const importFormats = ['csv', 'xlsx', 'vcard'] as const;
export const ImportFormat = z.enum(importFormats);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const FileName = z.string().trim().min(1).max(255);

export const BeginInput = z.object({ fileName: FileName, size: z.number().int().nonnegative() });
export const UploadInput = z.object({
  uploadId: Id,
  offset: z.number().int().nonnegative(),
  /** The slice's bytes as base64 pieces of at most IMPORT_PIECE_BYTES bytes each. */
  data: z
    .array(z.string().max((IMPORT_PIECE_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'validation.invalidFile' }))
    .min(1)
    .max(IMPORT_PIECES),
});
/** A slice of a file as the upload sends it. */
export function toPieces(bytes: Uint8Array, encode: (piece: Uint8Array) => string): string[] {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += IMPORT_PIECE_BYTES) out.push(encode(bytes.subarray(i, i + IMPORT_PIECE_BYTES)));
  return out.length ? out : [''];
}
export const UploadRef = z.object({ uploadId: Id });
export const Staged = z.object({ uploadId: Id, fileName: z.string(), size: z.number().int() });
export type Staged = z.infer<typeof Staged>;
/** What picking a file in the shell gave: a staged file, or nothing when the dialog was closed. */
export const PickResult = z.union([Staged.extend({ cancelled: z.literal(false) }), z.object({ cancelled: z.literal(true) })]);

/**
 * The table a reader makes of the file, as the backend's reading thread hands it over: its head
 * once, then its rows in batches. The main thread checks every message against these before it
 * keeps a byte of it (a reader is code running on file content, so its output is input too).
 */
export const IMPORT_BATCH_CELLS = 60_000;
export const ReadTableHead = z.object({
  format: ImportFormat,
  encoding: z.string().max(40).nullable(),
  delimiter: z.string().min(1).max(4).nullable(),
  headers: z.array(z.string().max(MAX_CELL_CHARS)).min(1).max(MAX_IMPORT_COLUMNS),
  notes: z.array(Message).max(20),
});
export type ReadTableHead = z.infer<typeof ReadTableHead>;
/** A batch of rows, each exactly as wide as the header. */
export const readRowsOf = (width: number) =>
  z.array(z.array(z.string().max(MAX_CELL_CHARS)).length(width)).max(Math.max(1, Math.floor(IMPORT_BATCH_CELLS / width)));
/** What the reading thread says, one message at a time. */
export const ReaderMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), threadId: z.number().int().positive() }),
  z.object({ type: z.literal('progress'), fraction: z.number().min(0).max(1) }),
  z.object({ type: z.literal('head'), head: ReadTableHead, rowCount: z.number().int().min(1) }),
  /** Rows as unknown here: they are checked per batch against the header's width. */
  z.object({ type: z.literal('rows'), rows: z.array(z.unknown()) }),
  z.object({ type: z.literal('end') }),
  z.object({ type: z.literal('failed'), error: z.object({ code: ErrorCode, message: z.string().max(4000), messageKey: Message.optional() }) }),
]);
export type ReaderMessage = z.infer<typeof ReaderMessage>;

export const ImportColumn = z.object({
  index: z.number().int(),
  header: z.string(),
  /** The first few non-empty values, to recognise the column. */
  samples: z.array(z.string()),
});
export type ImportColumn = z.infer<typeof ImportColumn>;

/** The analysis job's result: the file is read, the table is in the backend, the mapping proposed. */
export const ImportParsed = z.object({
  kind: z.literal('importParsed'),
  uploadId: Id,
  fileName: z.string(),
  format: ImportFormat,
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  rowCount: z.number().int(),
  columns: z.array(ImportColumn),
  /** A proposal per target: from the remembered mapping first, then from the header names. */
  proposal: z.object({ people: Mapping, organisations: Mapping, cooperations: Mapping }),
  /** The target the file looks like (a vCard is always people). */
  suggestedTarget: ImportTarget,
  /** What was read but not taken (photos in vCards). */
  notes: z.array(Message),
});
export type ImportParsed = z.infer<typeof ImportParsed>;

export const duplicateActions = ['skip', 'update', 'create'] as const;
export const DuplicateAction = z.enum(duplicateActions);
export type DuplicateAction = z.infer<typeof DuplicateAction>;

export const DuplicateReason = z.enum(['email', 'nameAtOrganisation', 'nameAndCountry', 'title']);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const DuplicateMatch = z.object({
  reason: DuplicateReason,
  /** An existing record, or an earlier row of the same file (1-based data row). */
  existingId: Id.nullable(),
  row: z.number().int().nullable(),
  label: z.string(),
  /**
   * A weaker match (the same name and country, nothing more): shown so the person can decide, but
   * created anyway unless they choose otherwise for that row; the choice for all does not apply.
   */
  possible: z.boolean().default(false),
});
export type DuplicateMatch = z.infer<typeof DuplicateMatch>;

/** A row as it will be stored: the fields in plain words, and what the import will make of it. */
export const PreviewRow = z.object({
  /** 1-based data row (the header is row 0). */
  row: z.number().int(),
  name: z.string(),
  organisation: z.string(),
  /** The job title as the file gives it (empty when it gives none). */
  position: z.string(),
  /** No title given, so the position is stored with the default role ("Contact"); shown greyed as such. */
  defaultPosition: z.boolean().default(false),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  country: z.string().nullable(),
  topics: z.array(z.string()),
  /** Organisations: the city and the kind as they will be stored (kind null: not mapped). */
  city: z.string().default(''),
  kind: z.string().max(40).nullable().default(null),
  /** Cooperations: the status as it will be stored, and our institutes and the partners by name. */
  status: z.string().max(40).nullable().default(null),
  institutes: z.array(z.string()).default([]),
  partners: z.array(z.string()).default([]),
  /** Whether the organisation named in the row will be created (or matched to an existing one). */
  organisationAction: z.enum(['create', 'match', 'none']),
  errors: z.array(z.object({ field: z.string(), message: Message })),
  duplicate: DuplicateMatch.nullable(),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

export const PreviewInput = z.object({ uploadId: Id, target: ImportTarget, mapping: Mapping });
export const ImportPreview = z.object({
  rowCount: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  duplicates: z.number().int(),
  organisationsToCreate: z.number().int(),
  /** The first rows, then every row with an error or a duplicate (up to a limit). */
  rows: z.array(PreviewRow),
  /** Flagged rows left out of `rows` beyond the limit. */
  more: z.number().int(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const DuplicateChoice = z.object({
  all: DuplicateAction.default('skip'),
  /** Row-level choices that differ from `all`. */
  rows: z.array(z.object({ row: z.number().int().min(1), action: DuplicateAction })).max(20_000).default([]),
});
export type DuplicateChoice = z.infer<typeof DuplicateChoice>;

export const ApplyInput = PreviewInput.extend({ duplicates: DuplicateChoice, language: z.enum(['en', 'de']) });
export type ApplyInput = z.infer<typeof ApplyInput>;

/** The apply job's result: what happened, and the one Undo. */
export const ImportApplied = z.object({
  kind: z.literal('importApplied'),
  uploadId: Id,
  undoId: Id.nullable(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  organisationsCreated: z.number().int(),
  positionsCreated: z.number().int(),
});
export type ImportApplied = z.infer<typeof ImportApplied>;

export const ImportJobResult = z.discriminatedUnion('kind', [ImportParsed, ImportApplied]);
export type ImportJobResult = z.infer<typeof ImportJobResult>;

/** An import job as the window polls it: like an export job's status, and it may end cancelled. */
export const ImportJobStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running'), progress: z.number().min(0).max(1) }),
  z.object({ state: z.literal('done'), progress: z.literal(1), result: ImportJobResult }),
  z.object({ state: z.literal('failed'), progress: z.number(), error: z.object({ code: z.string(), message: z.string(), messageKey: Message.optional() }) }),
  z.object({ state: z.literal('cancelled'), progress: z.number() }),
]);
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

export const ReportInput = z.object({ uploadId: Id, language: z.enum(['en', 'de']) });

/** What one row became, for the downloadable report. */
export const RowOutcome = z.object({
  row: z.number().int(),
  outcome: z.enum(['created', 'updated', 'skipped']),
  label: z.string(),
  reason: Message.nullable(),
});
export type RowOutcome = z.infer<typeof RowOutcome>;

/**
 * The imports slice of the contract: a file comes in slices (web) or by the shell's file dialog
 * (Electron), is analysed as a job, mapped, previewed with its duplicates, applied as one undoable
 * step (a job), and leaves a report to download.
 */
import { z } from 'zod';
import { Ok, None } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { Id } from '../../schemas/common';
import { ExportResult } from '../../schemas/export';
import { ApplyInput, ImportJobStatus, BeginInput, ImportPreview, PickResult, PreviewInput, ReportInput, Staged, UploadInput, UploadRef } from './schema';

export const importsContract = {
  /** Opens a staging area for a file of `size` bytes; refused at once when too large or of a foreign type. */
  'imports.begin': op(BeginInput, Staged),
  /** One slice of the file, in order. */
  'imports.upload': op(UploadInput, z.object({ received: z.number().int() })),
  /** Electron: the shell's open dialog; the backend reads the chosen file itself. */
  'imports.pick': op(None, PickResult),
  /** Reads the staged file (encoding, delimiter, header row) as a job: `jobs.status` gives ImportParsed. */
  'imports.analyse': op(UploadRef, z.object({ jobId: Id })),
  'imports.preview': op(PreviewInput, ImportPreview),
  /** Backup, then everything in one write, as a job: `jobs.status` gives ImportApplied with the Undo token. */
  'imports.apply': op(ApplyInput, z.object({ jobId: Id })),
  /** What each row became, as CSV. */
  'imports.report': op(ReportInput, ExportResult),
  'imports.discard': op(UploadRef, Ok),
  /** An import job's progress and, once done, its result (jobs.cancel stops it). */
  'imports.status': op(z.object({ jobId: Id }), ImportJobStatus),
} as const satisfies Record<string, Operation>;

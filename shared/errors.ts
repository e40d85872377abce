import { z } from 'zod';
import type { TranslationKey } from './i18n';

/** Error codes survive the process boundary; the renderer decides what to show from the code. */
export const ErrorCode = z.enum([
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'REFERENCED',
  'WORKSPACE_NOT_READY',
  'WORKSPACE_DAMAGED',
  'WORKSPACE_LOCKED',
  // The workspace is encrypted and waiting for its passphrase (at start or after the app lock).
  'LOCKED',
  'WRONG_PASSPHRASE',
  'UNKNOWN_OPERATION',
  'FORBIDDEN',
  'CANCELLED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A message the renderer can translate: a catalogue key (typed: a misspelt key is a compile error) plus its interpolation values. */
export const Message = z.object({
  key: z.custom<TranslationKey>((v) => typeof v === 'string'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Message = z.infer<typeof Message>;

export const ErrorBody = z.object({
  code: ErrorCode,
  /** English fallback, for logs and for callers without the catalogue. */
  message: z.string(),
  /** Translatable form of `message`. */
  messageKey: Message.optional(),
  /** Per-field messages, keyed by the dotted field path ("dueOn", "countries.1"). */
  fields: z.record(z.string(), Message).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey?: Message;
  readonly fields?: Record<string, Message>;

  constructor(code: ErrorCode, message: string, opts: { messageKey?: Message; fields?: Record<string, Message> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (opts.messageKey) this.messageKey = opts.messageKey;
    if (opts.fields) this.fields = opts.fields;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.messageKey) body.messageKey = this.messageKey;
    if (this.fields) body.fields = this.fields;
    return body;
  }

  static fromBody(body: ErrorBody): AppError {
    return new AppError(body.code, body.message, {
      ...(body.messageKey ? { messageKey: body.messageKey } : {}),
      ...(body.fields ? { fields: body.fields } : {}),
    });
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { fieldMessages } from '../../../shared/validation';
import { translateMessage } from '../i18n';

/** One line a person can read for any failure. */
export function describeError(t: TFunction, e: unknown): string {
  if (e instanceof AppError) {
    if (e.code === 'CONFLICT') return translateMessage(t, e.messageKey, e.message);
    // A missing record says so; a missing thing with its own sentence (a spent undo, a dropped upload) says that.
    if (e.code === 'NOT_FOUND' && !e.messageKey) return t('errors.notFound');
    return translateMessage(t, e.messageKey, e.message);
  }
  return t('errors.generic', { message: e instanceof Error ? e.message : String(e) });
}

/**
 * Why a save failed, for the alert above a form. A conflict gets the screen's own sentence: the
 * record changed elsewhere while it was being edited, and the person should know what to do.
 */
export function describeSaveError(t: TFunction, e: unknown, conflict: string): string {
  return e instanceof AppError && e.code === 'CONFLICT' ? conflict : describeError(t, e);
}

/** Field path → translated message, for forms. */
export function fieldErrors(t: TFunction, e: unknown): Record<string, string> {
  if (!(e instanceof AppError) || !e.fields) return {};
  return Object.fromEntries(Object.entries(e.fields).map(([path, m]) => [path, translateMessage(t, m)]));
}

/** The shared schema's complaints about form values, translated, by field path. */
export function schemaErrors(t: TFunction, error: z.ZodError): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldMessages(error)).map(([path, m]) => [path, translateMessage(t, m)]));
}

/**
 * Server field errors keyed by the form's own paths: the contract reports "changes.emails.0.address"
 * or "contact.familyName", the form knows "emails.0.address" and "familyName".
 */
export function formErrorsOf(t: TFunction, e: unknown, rename: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(t, e))) {
    let p = path.replace(/^(changes|contact)\./, '');
    for (const [from, to] of Object.entries(rename)) if (p === from || p.startsWith(`${from}.`)) p = to + p.slice(from.length);
    out[p] ??= message;
  }
  return out;
}

/** Tag lists show one message for the field, not one per tag ("topics.2" → "topics"). */
export function collapseLists(errors: Record<string, string>, lists: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const head = path.split('.')[0]!;
    out[lists.includes(head) ? head : path] ??= message;
  }
  return out;
}

/** For forms whose fields are all flat: every message under its field ("countries.2" → "countries"). */
export function byField(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) out[path.split('.')[0]!] ??= message;
  return out;
}

import type { TFunction } from 'i18next';
import { AppError } from '../../../shared/errors';
import { translateMessage } from '../i18n';

/** One line a person can read for any failure. */
export function describeError(t: TFunction, e: unknown): string {
  if (e instanceof AppError) {
    if (e.code === 'CONFLICT') return translateMessage(t, e.messageKey, e.message);
    if (e.code === 'NOT_FOUND') return t('errors.notFound');
    return translateMessage(t, e.messageKey, e.message);
  }
  return t('errors.generic', { message: e instanceof Error ? e.message : String(e) });
}

/** Field path → translated message, for forms. */
export function fieldErrors(t: TFunction, e: unknown): Record<string, string> {
  if (!(e instanceof AppError) || !e.fields) return {};
  return Object.fromEntries(Object.entries(e.fields).map(([path, m]) => [path, translateMessage(t, m)]));
}

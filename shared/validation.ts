import type { z } from 'zod';
import { AppError, type Message } from './errors';
import type { TranslationKey } from './i18n';

/**
 * Schemas put a catalogue key in their custom messages ("validation.required"); zod's own issues
 * are mapped to generic keys here so every field message is translatable.
 */
export function issueMessage(issue: z.core.$ZodIssue): Message {
  if (issue.message.startsWith('validation.') || issue.message.startsWith('team.errors.')) {
    const [key, ...rest] = issue.message.split('|');
    const params: Record<string, string> = {};
    for (const part of rest) {
      const [k, v] = part.split('=');
      if (k && v !== undefined) params[k] = v;
    }
    // A schema's message is a plain string to zod; tests/unit/i18n.test.ts proves each one is a catalogue key.
    const message = key as TranslationKey;
    return rest.length ? { key: message, params } : { key: message };
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { key: 'validation.required' };
      return { key: 'validation.tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'validation.tooBig', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { key: 'validation.invalidFormat' };
    case 'invalid_value':
      return { key: 'validation.invalidChoice' };
    case 'invalid_type':
      return issue.input === undefined ? { key: 'validation.required' } : { key: 'validation.invalidType' };
    default:
      return { key: 'validation.invalid' };
  }
}

/** Field path → first message for that field. */
export function fieldMessages(error: z.ZodError): Record<string, Message> {
  const out: Record<string, Message> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (!(path in out)) out[path] = issueMessage(issue);
  }
  return out;
}

export function validationError(error: z.ZodError, what = 'Input'): AppError {
  const fields = fieldMessages(error);
  const summary = Object.entries(fields)
    .map(([path, m]) => `${path}: ${m.key}`)
    .join('; ');
  return new AppError('VALIDATION', `${what} is invalid (${summary})`, {
    messageKey: { key: 'errors.validation' },
    fields,
  });
}

/** Parse or throw a VALIDATION AppError carrying per-field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, what);
  return result.data;
}

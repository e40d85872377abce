import type { z } from 'zod';
import { AppError, type Message } from './errors';

/**
 * Schemas put a catalogue key in their custom messages ("validation.required"); zod's own issues
 * are mapped to generic keys here so every field message is translatable.
 */
export function issueMessage(issue: z.core.$ZodIssue): Message {
  if (issue.message.startsWith('validation.')) {
    const [key, ...rest] = issue.message.split('|');
    const params: Record<string, string> = {};
    for (const part of rest) {
      const [k, v] = part.split('=');
      if (k && v !== undefined) params[k] = v;
    }
    return rest.length ? { key: key!, params } : { key: key! };
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

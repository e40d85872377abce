/**
 * Form values from the shared schemas, so an editor does not restate a record's fields and their
 * defaults: the form type is the schema's output, a new record starts from the schema's defaults,
 * and an existing one fills the form with exactly the schema's fields.
 */
import { z } from 'zod';

/** The values a form holds for a schema's fields. */
export type FormValuesOf<S extends z.ZodObject> = z.output<S>;

type DefaultedKeys<S extends z.ZodRawShape> = { [K in keyof S]: S[K] extends z.ZodDefault ? K : never }[keyof S];

/** The fields the schema gives a default, with that default; the form names the rest itself. */
export function defaultsOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>): { [K in DefaultedKeys<S>]: z.output<S[K]> } {
  const entries = Object.entries(schema.shape).filter(([, field]) => field instanceof z.ZodDefault);
  return Object.fromEntries(entries.map(([key, field]) => [key, (field as z.ZodDefault).def.defaultValue])) as { [K in DefaultedKeys<S>]: z.output<S[K]> };
}

/** A record's values for the schema's fields, and nothing else (no id, revision or derived fields). */
export function formValuesOf<S extends z.ZodRawShape, R extends { [K in keyof S]: unknown }>(schema: z.ZodObject<S>, record: R): Pick<R, keyof S> {
  return Object.fromEntries(Object.keys(schema.shape).map((key) => [key, record[key]])) as Pick<R, keyof S>;
}

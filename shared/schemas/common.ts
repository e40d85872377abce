import { z } from 'zod';
import { isKnownCountry } from '../features/countries/names';
import { isKnownRegion } from '../features/countries/regions';

export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { message: 'validation.invalidId' });
export type Id = z.infer<typeof Id>;

/** A calendar date, "YYYY-MM-DD". */
export const IsoDate = z.iso.date({ message: 'validation.invalidDate' });
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant, ISO 8601 with offset. */
export const Timestamp = z.iso.datetime({ offset: true, message: 'validation.invalidTimestamp' });
export type Timestamp = z.infer<typeof Timestamp>;

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isKnownCountry, { message: 'validation.unknownCountry' });

/** UN M49 region codes ("202" Sub-Saharan Africa). */
export const RegionCode = z.string().refine(isKnownRegion, { message: 'validation.unknownRegion' });

/** Topics are free tags; whitespace is folded so "climate  adaptation" and "climate adaptation" are one tag. */
export const Topic = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, { message: 'validation.required' }).max(60, { message: 'validation.tooBig|max=60' }));

/** Unique, order-preserving list. */
export const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max, { message: `validation.tooMany|max=${max}` })
    .transform((list) => [...new Set(list as string[])]);

export const RecordMeta = z.object({
  id: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  revision: z.number().int().min(1),
});
export type RecordMeta = z.infer<typeof RecordMeta>;

export const ById = z.object({ id: Id });
export const Revisioned = z.object({ id: Id, revision: z.number().int().min(1) });

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
type PatchShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> };

/**
 * The "changes" half of an update: every field optional and, unlike `.partial()`, no defaults.
 * Zod 4 fills a default even inside an optional field, so `.partial()` would turn an omitted
 * field into its default and an update of one field would wipe the others.
 */
export function patchOf<S extends z.ZodRawShape>(fields: z.ZodObject<S>): z.ZodObject<PatchShape<S>> {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([key, field]) => [key, z.optional(field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType))]),
  );
  return z.object(shape) as unknown as z.ZodObject<PatchShape<S>>;
}

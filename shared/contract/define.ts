import type { z } from 'zod';
import { ErrorBody } from '../errors';
import { z as zod } from 'zod';

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Operation<I, O> => ({ input, output });

/** What crosses every boundary: the handler's result, or an error with its code and field messages. */
export const Envelope = zod.discriminatedUnion('ok', [
  zod.object({ ok: zod.literal(true), data: zod.unknown() }),
  zod.object({ ok: zod.literal(false), error: ErrorBody }),
]);
export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: ErrorBody };

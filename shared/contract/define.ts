import type { z } from 'zod';
import { ErrorBody } from '../errors';
import { z as zod } from 'zod';

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Operation<I, O> => ({ input, output });

/**
 * What crosses every boundary: the handler's result, or an error with its code and field messages.
 * `at` names the data the result was computed at (the store's data version, when the workspace is
 * open): the window compares them before it hands over a screen (firstScreen).
 */
export const Envelope = zod.discriminatedUnion('ok', [
  zod.object({ ok: zod.literal(true), data: zod.unknown(), at: zod.string().max(200).optional() }),
  zod.object({ ok: zod.literal(false), error: ErrorBody }),
]);
export type Envelope<T = unknown> = { ok: true; data: T; at?: string } | { ok: false; error: ErrorBody };

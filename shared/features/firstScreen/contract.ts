/** The first-screen slice of the contract: the window hands over the screen it drew (see schema.ts). */
import { z } from 'zod';
import { op, type Operation } from '../../contract/define';
import { FirstScreenInput } from './schema';

export const firstScreenContract = {
  /** `kept` false: the data changed since the screen was drawn, or the workspace has a passphrase or is locked. */
  'firstScreen.keep': op(FirstScreenInput, z.object({ kept: z.boolean() })),
} as const satisfies Record<string, Operation>;

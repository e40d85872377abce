import { z } from 'zod';

/** A trimmed string with a length limit whose message the UI can translate. */
export const text = (max: number) => z.string().trim().max(max, { message: `validation.tooBig|max=${max}` });

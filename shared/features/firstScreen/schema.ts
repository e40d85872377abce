/**
 * The first screen: the window hands the backend the screen it has just drawn (a list at its top,
 * data settled), so that the next load of the page can paint it before any script has run. What
 * crosses here is markup the renderer produced from React's DOM; it is checked like any other input
 * (size, shape, and nothing in it that could load or run anything) before the backend keeps it.
 */
import { z } from 'zod';

/** The markup of one screen: a list with its visible rows is 50–200 kB; anything far larger is not a first screen. */
export const MAX_FIRST_SCREEN_HTML = 900_000;
/** The style rules that can match the screen (the app's sheets and Mantine's theme variables): about 100 kB for a list. */
export const MAX_FIRST_SCREEN_STYLES = 400_000;

/**
 * Elements and attributes a screen drawn by React never contains and a static page must not get:
 * anything that loads, runs, navigates or closes the template early. React escapes text, so a `<`
 * in a person's name arrives as `&lt;` and never matches.
 */
const FORBIDDEN_MARKUP = /<\/?\s*(script|template|iframe|frame|frameset|object|embed|link|meta|base|style|noscript)\b|\son[a-z]+\s*=|javascript:|\ssrcdoc\s*=/i;

export const isSafeFirstScreenMarkup = (html: string) => !FORBIDDEN_MARKUP.test(html);

export const FirstScreenInput = z
  .object({
    /** The hash route it shows ("#/contacts", with its query). */
    route: z
      .string()
      .max(300)
      .regex(/^#\/[^\s<>"'`\\]*$/, { message: 'validation.invalid' }),
    /** The app root's inner markup, inline styles moved to data-first-style (the CSP refuses style attributes). */
    html: z
      .string()
      .min(1)
      .max(MAX_FIRST_SCREEN_HTML, { message: `validation.tooBig|max=${MAX_FIRST_SCREEN_HTML}` })
      .refine(isSafeFirstScreenMarkup, { message: 'validation.invalid' }),
    /** The style rules of the page that can match the screen, as CSS text. */
    styles: z
      .string()
      .max(MAX_FIRST_SCREEN_STYLES, { message: `validation.tooBig|max=${MAX_FIRST_SCREEN_STYLES}` })
      // CSS never closes a tag or imports (range media queries do hold "<"; the page escapes it).
      .refine((css) => !/<\/|@import/i.test(css), { message: 'validation.invalid' }),
    /** The data version every answer on the screen was computed at (the envelopes' `at`). */
    version: z.string().min(1).max(200),
    scheme: z.enum(['light', 'dark']),
    /** The colours follow the system's: the page shows the screen only while the system's still match. */
    followsSystem: z.boolean(),
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  })
  .strict();
export type FirstScreenInput = z.infer<typeof FirstScreenInput>;
